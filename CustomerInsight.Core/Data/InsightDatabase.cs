using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerInsight.Core.Data;

/// <summary>Registration and start-up of the database; the one place that knows the provider.</summary>
public static class InsightDatabase
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{InsightDbContext}"/> (one context per operation; on PostgreSQL it hands out
    /// <see cref="PostgresInsightDbContext"/>) and a scoped context for Identity.
    /// </summary>
    public static IServiceCollection AddInsightDatabase(this IServiceCollection services, DatabaseEngine engine, string connectionString)
    {
        services.AddSingleton<IDbContextFactory<InsightDbContext>>(sp =>
            new InsightContextFactory(engine, connectionString, sp.GetService<ILoggerFactory>()));
        // Identity's stores need a scoped context; it comes from the same factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<InsightDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>
    /// The provider of <paramref name="engine"/> (SQLite with its pragma interceptor and writer waits; PostgreSQL through
    /// Npgsql) and, unless <paramref name="compiledModel"/> is false, that provider's compiled model
    /// (<c>Data/CompiledModel</c>, <c>Data/CompiledModel/Postgres</c>: no model building at start-up, about 0.1 s of
    /// every command-line run). The design-time tools build the model from <see cref="InsightDbContext.OnModelCreating"/>
    /// instead; after a model change, <c>tools/optimize-model.sh</c> regenerates both compiled models (a test compares them).
    /// </summary>
    /// <param name="loggerFactory">Where a writer that waits for another one's lock says so (<see cref="SqliteWriterWaits"/>).</param>
    public static void Configure(DbContextOptionsBuilder options, DatabaseEngine engine, string connectionString, bool compiledModel = true,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var assembly = typeof(InsightDbContext).Assembly.GetName().Name;
        if (engine == DatabaseEngine.Postgres)
        {
            // Instants are UTC without a zone ("timestamp without time zone"): a session in UTC converts nothing, whatever
            // the server's TimeZone, should a raw-SQL parameter carry a UTC DateTime (sent as timestamptz).
            var npgsqlConnection = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            npgsqlConnection.Timezone ??= "UTC";
            options.UseNpgsql(npgsqlConnection.ConnectionString, npgsql => npgsql.MigrationsAssembly(assembly))
                .AddInterceptors(new PostgresIdentityInterceptor());
            if (compiledModel && !EF.IsDesignTime)
            {
                options.UseModel(CompiledModel.Postgres.PostgresInsightDbContextModel.Instance);
                IgnorePendingModelChanges(options);
            }
            return;
        }
        // SQLite's process-wide settings, before this process's first SQLite connection.
        _ = SqliteSetup.Applied;
        var waits = new SqliteWriterWaits(loggerFactory?.CreateLogger(typeof(SqliteWriterWaits).FullName!));
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(assembly))
            .AddInterceptors(new SqlitePragmaInterceptor(), waits);
        if (compiledModel && !EF.IsDesignTime)
        {
            options.UseModel(CompiledModel.InsightDbContextModel.Instance);
            IgnorePendingModelChanges(options);
        }
    }

    /// <summary>
    /// With a compiled model, migrating a new database need not diff the design-time model against the snapshot first (EF
    /// Core builds the whole model for it: about 0.3 s of every command-line run on a new database, such as an import's).
    /// Whether the model changed without a migration is a test's job (<c>DatabaseTests</c>), not every start's.
    /// </summary>
    private static void IgnorePendingModelChanges(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));

    /// <summary>SQLite's <see cref="Configure(DbContextOptionsBuilder, DatabaseEngine, string, bool, ILoggerFactory?)"/>.</summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString, bool compiledModel = true,
        ILoggerFactory? loggerFactory = null) =>
        Configure(options, DatabaseEngine.Sqlite, connectionString, compiledModel, loggerFactory);

    /// <summary>A context of <paramref name="engine"/>'s type over <paramref name="options"/>.</summary>
    public static InsightDbContext CreateContext(DatabaseEngine engine, DbContextOptions<InsightDbContext> options) =>
        engine == DatabaseEngine.Postgres ? new PostgresInsightDbContext(options) : new InsightDbContext(options);

    /// <summary>
    /// SQLite: resolves a relative <c>Data Source</c> against <paramref name="baseDirectory"/> and creates its folder.
    /// PostgreSQL: the Npgsql connection string as given (a malformed one stops the start with one line).
    /// </summary>
    public static string ResolveConnectionString(DatabaseEngine engine, string connectionString, string baseDirectory)
    {
        if (engine == DatabaseEngine.Postgres)
        {
            try
            {
                return new Npgsql.NpgsqlConnectionStringBuilder(connectionString).ConnectionString;
            }
            catch (ArgumentException e)
            {
                throw new DatabaseStartException($"ConnectionStrings:Insight is not a PostgreSQL (Npgsql) connection string: {e.Message}", e);
            }
        }
        return ResolveConnectionString(connectionString, baseDirectory);
    }

    /// <summary>
    /// Resolves a relative SQLite <c>Data Source</c> against <paramref name="baseDirectory"/> and creates its folder.
    /// </summary>
    public static string ResolveConnectionString(string connectionString, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(builder.DataSource, baseDirectory);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>Applies pending migrations and switches the file to write-ahead logging.</summary>
    public static async Task MigrateAsync(IDbContextFactory<InsightDbContext> factory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await EnsureReachableAsync(db, createMissing: true, cancellationToken);
        await DatabaseProvider.Of(db.Database).PrepareAsync(db, cancellationToken);
        // MigrateAsync also diffs the model against the snapshot (hundreds of milliseconds on every
        // command-line run); comparing migration ids is enough to know whether there is work to do.
        var pending = await PendingMigrationsAsync(db, cancellationToken);
        if (pending.Count > 0)
        {
            // A new database: its whole schema from one script (SchemaScript), unless another process created it meanwhile.
            if (pending.Count == db.Database.GetMigrations().Count() && SchemaScript.For(db) is { } script
                && await SchemaScript.TryApplyAsync(db, script, cancellationToken))
            {
                return;
            }
            if (db is PostgresInsightDbContext && !await HistoryExistsAsync(db, cancellationToken))
            {
                // The migrator's own probe of a missing history table fails (and is logged): create it first, as it would.
                await db.Database.ExecuteSqlRawAsync(HistoryRepository(db).GetCreateIfNotExistsScript(), cancellationToken);
            }
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The migrations not applied yet: those of the assembly missing from the history table (all of them when it does not
    /// exist yet), as EF Core's <c>GetPendingMigrationsAsync</c> says, from plain queries. EF Core's own read of the history
    /// builds a model of that table first (tens of milliseconds of every command-line start), and on PostgreSQL finds out
    /// whether it exists by reading it: on a new database the server refuses the query and EF Core logs the failure
    /// (<c>fail:</c>). The catalogue says it without a failure.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(InsightDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var applied = await AppliedMigrationsAsync(db, cancellationToken);
        return [.. db.Database.GetMigrations().Where(id => !applied.Contains(id))];
    }

    private static Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository HistoryRepository(InsightDbContext db) =>
        Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>(db);

    private const string HistoryTable = Microsoft.EntityFrameworkCore.Migrations.HistoryRepository.DefaultTableName;

    /// <summary>The migration ids of the history table; none when it does not exist.</summary>
    private static async Task<HashSet<string>> AppliedMigrationsAsync(InsightDbContext db, CancellationToken cancellationToken)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (!await HistoryExistsAsync(db, cancellationToken))
            {
                return applied;
            }
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT \"MigrationId\" FROM \"{HistoryTable}\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
            return applied;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<bool> HistoryExistsAsync(InsightDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = DatabaseProvider.Of(db.Database).TableExists(HistoryTable);
            return Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// PostgreSQL: opens the connection once, so that a server that cannot be reached stops the start with one line
    /// (<see cref="DatabaseStartException"/>) saying which server and why. A database not created yet is fine: the
    /// migrations create it.
    /// </summary>
    public static Task EnsureReachableAsync(InsightDbContext db, CancellationToken cancellationToken) =>
        EnsureReachableAsync(db, createMissing: false, cancellationToken);

    /// <summary>
    /// <see cref="EnsureReachableAsync(InsightDbContext, CancellationToken)"/>; <paramref name="createMissing"/>: a database
    /// not created yet is created here (EF Core's own creator, from the server's maintenance database), so that no EF Core
    /// probe ever connects to a missing database (each logs a connection failure, <c>fail:</c>, before the migrations
    /// create it). Two nodes starting at once: the one that loses the race finds it created.
    /// </summary>
    public static async Task EnsureReachableAsync(InsightDbContext db, bool createMissing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db is not PostgresInsightDbContext)
        {
            return;
        }
        // A connection of its own, outside EF Core: EF would log the failure over several lines before this one.
        var connectionString = db.Database.GetConnectionString();
        try
        {
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InvalidCatalogName)
        {
            // The server answered: the database does not exist yet.
            if (createMissing)
            {
                await CreateMissingAsync(db, cancellationToken);
            }
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            var reason = (e.InnerException is System.Net.Sockets.SocketException or TimeoutException ? e.InnerException.Message : e.Message)
                .Split('\n')[0].Trim();
            throw new DatabaseStartException(
                $"The PostgreSQL database \"{builder.Database}\" on {builder.Host}:{builder.Port} cannot be reached "
                + $"(ConnectionStrings:Insight): {reason}", e);
        }
    }

    private static async Task CreateMissingAsync(InsightDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            var creator = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions
                .GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>(db);
            await creator.CreateAsync(cancellationToken);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
        {
            // Created meanwhile by another node.
        }
    }

    /// <summary>
    /// After an erasure or a purge: writes the journal back into the database file and empties it, so the old page
    /// images (which still hold the erased values) are gone from disk; retried a few times while a long reader keeps
    /// it from completing. True when it completed.
    /// </summary>
    public static async Task<bool> CheckpointAsync(IDbContextFactory<InsightDbContext> factory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (await DatabaseProvider.Of(db.Database).TryCheckpointAsync(db, cancellationToken))
            {
                return true;
            }
            await Task.Delay(200 * (attempt + 1), cancellationToken);
        }
        return false;
    }

    /// <summary>Contexts of one engine over one set of options, built once.</summary>
    private sealed class InsightContextFactory : IDbContextFactory<InsightDbContext>
    {
        private readonly DatabaseEngine engine;
        private readonly DbContextOptions<InsightDbContext> options;

        public InsightContextFactory(DatabaseEngine engine, string connectionString, ILoggerFactory? loggerFactory)
        {
            this.engine = engine;
            var builder = new DbContextOptionsBuilder<InsightDbContext>();
            if (loggerFactory is not null)
            {
                builder.UseLoggerFactory(loggerFactory);
            }
            Configure(builder, engine, connectionString, loggerFactory: loggerFactory);
            options = builder.Options;
        }

        public InsightDbContext CreateDbContext() => CreateContext(engine, options);
    }
}

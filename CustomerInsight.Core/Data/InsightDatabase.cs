using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerInsight.Core.Data;

/// <summary>Registration and start-up of the database; the one place that knows the provider.</summary>
public static class InsightDatabase
{
    /// <summary>Registers <see cref="IDbContextFactory{InsightDbContext}"/> (one context per operation) and a scoped context for Identity.</summary>
    public static IServiceCollection AddInsightDatabase(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextFactory<InsightDbContext>((sp, options) => Configure(options, connectionString, loggerFactory: sp.GetService<ILoggerFactory>()));
        // Identity's stores need a scoped context; it comes from the same factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<InsightDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>
    /// SQLite with the pragma interceptor and, unless <paramref name="compiledModel"/> is false, the compiled
    /// model of <c>Data/CompiledModel</c> (no model building at start-up: about 0.1 s of every command-line run).
    /// The design-time tools build the model from <see cref="InsightDbContext.OnModelCreating"/> instead; after a
    /// model change, <c>tools/optimize-model.sh</c> regenerates the compiled model (a test compares the two).
    /// </summary>
    /// <param name="loggerFactory">Where a writer that waits for another one's lock says so (<see cref="SqliteWriterWaits"/>).</param>
    public static void Configure(DbContextOptionsBuilder options, string connectionString, bool compiledModel = true, ILoggerFactory? loggerFactory = null)
    {
        var waits = new SqliteWriterWaits(loggerFactory?.CreateLogger(typeof(SqliteWriterWaits).FullName!));
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(InsightDbContext).Assembly.GetName().Name))
            .AddInterceptors(new SqlitePragmaInterceptor(), waits);
        if (compiledModel && !EF.IsDesignTime)
        {
            options.UseModel(CompiledModel.InsightDbContextModel.Instance);
        }
    }

    /// <summary>
    /// Resolves a relative <c>Data Source</c> against <paramref name="baseDirectory"/> and creates its folder.
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
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await DatabaseProvider.Of(db.Database).PrepareAsync(db, cancellationToken);
        // MigrateAsync also diffs the model against the snapshot (hundreds of milliseconds on every
        // command-line run); comparing migration ids is enough to know whether there is work to do.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
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
}

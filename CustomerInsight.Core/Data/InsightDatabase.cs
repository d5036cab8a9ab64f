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
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        // MigrateAsync also diffs the model against the snapshot (hundreds of milliseconds on every
        // command-line run); comparing migration ids is enough to know whether there is work to do.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Rebuilds the indexes of the customers table in the caller's transaction. When a b-tree page is rebalanced,
    /// SQLite leaves copies of the cells it moved in the page's unallocated space, which <c>secure_delete</c> never
    /// clears: after an erasure, the former source id, name or e-mail could still be read there (not through SQL).
    /// A rebuilt index holds only the current values, and its old pages are zeroed as they are freed.
    /// </summary>
    public static async Task RebuildCustomerIndexesAsync(InsightDbContext db, CancellationToken cancellationToken = default) =>
        await db.Database.ExecuteSqlRawAsync("""REINDEX "Customers"; REINDEX "CustomerMergeSources";""", cancellationToken);

    /// <summary>Writes the WAL back into the main file and truncates it (after an erasure, nothing stays readable there).</summary>
    public static async Task CheckpointAsync(InsightDbContext db, CancellationToken cancellationToken = default) =>
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
}

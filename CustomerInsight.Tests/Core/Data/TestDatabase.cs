using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerInsight.Tests.Core.Data;

/// <summary>
/// A real database, migrated, deleted on dispose: a SQLite file in a temporary folder, or (<see cref="DatabaseEngine.Postgres"/>)
/// a new database on the tests' throwaway PostgreSQL server (<see cref="PostgresServer"/>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresServer? server;

    private TestDatabase(DatabaseEngine engine, string directory, string connectionString, PostgresServer? server)
    {
        Engine = engine;
        Directory = directory;
        ConnectionString = connectionString;
        this.server = server;
        Factory = new EngineContextFactory(engine, connectionString);
    }

    public DatabaseEngine Engine { get; }
    public string Directory { get; }
    public string ConnectionString { get; }
    public string FilePath => Path.Combine(Directory, "test.db");
    public IDbContextFactory<InsightDbContext> Factory { get; }

    /// <summary>The configuration a command line or app over this database takes (provider and connection string).</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [DatabaseOptions.ProviderKey] = Engine.ToString(),
        ["ConnectionStrings:Insight"] = ConnectionString,
    };

    public static Task<TestDatabase> CreateAsync(bool migrate = true) => CreateAsync(DatabaseEngine.Sqlite, migrate);

    public static async Task<TestDatabase> CreateAsync(DatabaseEngine engine, bool migrate = true)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ci-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        TestDatabase database;
        if (engine == DatabaseEngine.Postgres)
        {
            var server = await PostgresServer.GetAsync();
            database = new TestDatabase(engine, directory, await server.CreateDatabaseAsync(migrated: migrate), server);
        }
        else
        {
            database = new TestDatabase(engine, directory, $"Data Source={Path.Combine(directory, "test.db")};Pooling=False", null);
        }
        if (migrate)
        {
            await InsightDatabase.MigrateAsync(database.Factory);
        }
        return database;
    }

    public InsightDbContext CreateContext() => Factory.CreateDbContext();

    /// <summary>Writes a file beside the database (UTF-8 without BOM unless told) and returns its path; deleted with the database.</summary>
    public string WriteFile(string name, string content, System.Text.Encoding? encoding = null)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content, encoding ?? new System.Text.UTF8Encoding(false));
        return path;
    }

    /// <summary>A context whose model is built from <c>OnModelCreating</c>, as the design-time tools build it.</summary>
    public InsightDbContext CreateContextWithBuiltModel()
    {
        var options = new DbContextOptionsBuilder<InsightDbContext>();
        InsightDatabase.Configure(options, Engine, ConnectionString, compiledModel: false);
        return InsightDatabase.CreateContext(Engine, options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DropDatabaseAsync(ConnectionString);
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A connection still closing on another thread: the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A factory over this database whose contexts also run <paramref name="interceptors"/> (e.g. one recording the SQL sent).</summary>
    public IDbContextFactory<InsightDbContext> FactoryWith(params IInterceptor[] interceptors) =>
        new EngineContextFactory(Engine, ConnectionString, interceptors);

    private sealed class EngineContextFactory(DatabaseEngine engine, string connectionString, IInterceptor[]? interceptors = null)
        : IDbContextFactory<InsightDbContext>
    {
        public InsightDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<InsightDbContext>();
            InsightDatabase.Configure(options, engine, connectionString);
            if (interceptors is { Length: > 0 })
            {
                options.AddInterceptors(interceptors);
            }
            return InsightDatabase.CreateContext(engine, options.Options);
        }
    }
}

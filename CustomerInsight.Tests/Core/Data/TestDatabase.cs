using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Tests.Core.Data;

/// <summary>A real SQLite file in a temporary folder, migrated, deleted on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string directory, string connectionString)
    {
        Directory = directory;
        ConnectionString = connectionString;
        Factory = new FileContextFactory(connectionString);
    }

    public string Directory { get; }
    public string ConnectionString { get; }
    public string FilePath => Path.Combine(Directory, "test.db");
    public IDbContextFactory<InsightDbContext> Factory { get; }

    public static async Task<TestDatabase> CreateAsync(bool migrate = true)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ci-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var connectionString = $"Data Source={Path.Combine(directory, "test.db")};Pooling=False";
        var database = new TestDatabase(directory, connectionString);
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
        InsightDatabase.Configure(options, ConnectionString, compiledModel: false);
        return new InsightDbContext(options.Options);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A connection still closing on another thread: the temp folder is cleaned by the OS.
        }
        return ValueTask.CompletedTask;
    }

    private sealed class FileContextFactory(string connectionString) : IDbContextFactory<InsightDbContext>
    {
        public InsightDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<InsightDbContext>();
            InsightDatabase.Configure(options, connectionString);
            return new InsightDbContext(options.Options);
        }
    }
}

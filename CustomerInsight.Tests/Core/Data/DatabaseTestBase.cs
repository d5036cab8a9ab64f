namespace CustomerInsight.Tests.Core.Data;

/// <summary>
/// A test class that runs on one database engine: SQLite here, PostgreSQL in its <c>…OnPostgresTests</c> subclass,
/// which overrides <see cref="Engine"/> and so runs every test again on PostgreSQL.
/// </summary>
public abstract class EngineTestBase
{
    /// <summary>The engine these tests run on.</summary>
    protected virtual DatabaseEngine Engine => DatabaseEngine.Sqlite;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;
}

/// <summary>
/// A test class over a fresh real database on its <see cref="EngineTestBase.Engine"/> for each test (disposed after it),
/// arranged by <see cref="ArrangeAsync"/>.
/// </summary>
public abstract class DatabaseTestBase(bool migrate = true) : EngineTestBase, IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Engine, migrate);
        await ArrangeAsync();
    }

    /// <summary>What the class puts in the database before each test.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

using Npgsql;

namespace CustomerInsight.Tests.Core.Data;

/// <summary>
/// Changes committed by one node reach the others: on PostgreSQL the writer's <c>pg_notify</c> is delivered at its commit
/// only (never for a rollback) and the watcher re-raises it, reconnecting when its connection is killed; on SQLite the
/// watcher sees another connection's import through the file's change counter, moved at its commit only.
/// </summary>
public sealed class DataChangeWatcherTests
{
    /// <summary>An upper bound for a busy machine: every wait below ends as soon as its condition holds.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Postgres_SignalInATransaction_DeliveredAtItsCommitOnly_NeverAfterARollback()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Postgres);
        await using var listener = new NpgsqlConnection(database.ConnectionString);
        await listener.OpenAsync(Ct);
        var payloads = new List<string>();
        listener.Notification += (_, e) => payloads.Add(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {DatabaseProvider.DataChangedChannel}", listener))
        {
            await listen.ExecuteNonQueryAsync(Ct);
        }
        var rolledBack = new DataChangeNotifier();
        var committedLater = new DataChangeNotifier();
        var committedFirst = new DataChangeNotifier();

        await using (var db = database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            await rolledBack.SignalAsync(db, Ct);
            await transaction.RollbackAsync(Ct);
        }
        await using var open = database.CreateContext();
        await using var pending = await open.Database.BeginTransactionAsync(Ct);
        await committedLater.SignalAsync(open, Ct);
        await using (var db = database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            await committedFirst.SignalAsync(db, Ct);
            await transaction.CommitAsync(Ct);
        }
        await WaitForAsync(listener, payloads, 1);
        // The server delivers in commit order: the signal of the transaction still open has not been sent.
        Assert.Equal([committedFirst.NodeId], payloads);

        await pending.CommitAsync(Ct);
        await WaitForAsync(listener, payloads, 2);
        Assert.Equal([committedFirst.NodeId, committedLater.NodeId], payloads);
    }

    [Fact]
    public async Task Postgres_Watcher_AnotherNodesCommitRaisedHere_ListensAgainAfterItsConnectionIsKilled()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Postgres);
        var here = new DataChangeNotifier();
        var otherNode = new DataChangeNotifier();
        using var raised = new SemaphoreSlim(0);
        here.Changed += () => raised.Release();
        await using var watcher = Run(new DataChangeWatcher(database.Factory, here));
        await watcher.Watcher.Watching.WaitAsync(Bound, Ct);

        await CommitChangeAsync(database, otherNode);
        Assert.True(await raised.WaitAsync(Bound, Ct), "the other node's commit was not raised here");

        // The listening connection dies (a server restart, a network cut): the watcher listens again and raises once,
        // since a change may have been missed meanwhile.
        await using (var admin = new NpgsqlConnection(database.ConnectionString))
        {
            await admin.OpenAsync(Ct);
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid " +
                    "<> pg_backend_pid()", admin);
            Assert.Equal(1L, await kill.ExecuteScalarAsync(Ct));
        }
        Assert.True(await raised.WaitAsync(Bound, Ct), "the watcher did not come back after its connection was killed");

        await CommitChangeAsync(database, otherNode);
        Assert.True(await raised.WaitAsync(Bound, Ct), "a commit after the reconnection was not raised here");
    }

    [Fact]
    public async Task Sqlite_Watcher_ImportCommittedByAnotherConnection_RaisedHere_SharedVersionReadAgain()
    {
        await using var context = await ImportTestContext.CreateAsync();
        var here = new DataChangeNotifier();
        using var raised = new SemaphoreSlim(0);
        here.Changed += () => raised.Release();
        // Frozen clock: only the change heard can make the node's shared version be read again.
        var versions = new CurrentDataVersion(context.Database.Factory, here, new FakeTimeProvider(DateTimeOffset.UtcNow));
        var before = await versions.GetAsync(Ct);
        await using var watcher = Run(new DataChangeWatcher(context.Database.Factory, here));
        await watcher.Watcher.Watching.WaitAsync(Bound, Ct);

        // The pipeline has no notifier: like the command line in another process, it signals in its transaction anyway.
        var report = await context.ImportAsync(context.WriteFile("orders.csv", """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
            """), ImportFormat.OnlineRetail, Ct);

        Assert.True(report.Succeeded);
        Assert.True(await raised.WaitAsync(Bound, Ct), "the import of another connection was not raised here");
        Assert.Equal(0, before.Orders);
        Assert.True((await versions.GetAsync(Ct)).Orders > 0, "the shared version was not read again after the change was heard");
    }

    private static async Task CommitChangeAsync(TestDatabase database, DataChangeNotifier node)
    {
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        await node.SignalAsync(db, Ct);
        await transaction.CommitAsync(Ct);
    }

    private static async Task WaitForAsync(NpgsqlConnection listener, List<string> payloads, int count)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        bounded.CancelAfter(Bound);
        while (payloads.Count < count)
        {
            await listener.WaitAsync(bounded.Token);
        }
    }

    private static RunningWatcher Run(DataChangeWatcher watcher) => new(watcher);
}

/// <summary>A <see cref="DataChangeWatcher"/> running until disposed (a node watching the others).</summary>
internal sealed class RunningWatcher : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    public RunningWatcher(DataChangeWatcher watcher)
    {
        Watcher = watcher;
        running = watcher.RunAsync(stop.Token);
    }

    public DataChangeWatcher Watcher { get; }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await running;
        stop.Dispose();
    }
}

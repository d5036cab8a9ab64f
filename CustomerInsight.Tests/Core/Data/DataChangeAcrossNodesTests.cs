using CustomerInsight.Tests.Core.Segments;

namespace CustomerInsight.Tests.Core.Data;

/// <summary>
/// One rule on both engines: a writer whose change a page shows signals in its own transaction, and every other node
/// (here a second notifier with its own services on the same database, as another web node or process would be) hears
/// of it through its <see cref="DataChangeWatcher"/>: PostgreSQL by <c>pg_notify</c>, SQLite by the file's change counter.
/// </summary>
public class DataChangeAcrossNodesTests : EngineTestBase, IAsyncLifetime
{
    /// <summary>An upper bound for a busy machine: every wait below ends as soon as the change is raised.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private const string ChangeManager = "changement@demo.local";

    private TestDatabase database = null!;
    private readonly DataChangeNotifier here = new();
    private readonly DataChangeNotifier otherNode = new();
    private readonly SemaphoreSlim raised = new(0);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(Engine);
        here.Changed += () => raised.Release();
    }

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        raised.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task SaveAssessment_OnAnotherNode_RaisedOnThisNode()
    {
        var commands = new OmocCommands(database.Factory, new AuditLog(database.Factory, TimeProvider.System), TimeProvider.System, otherNode);
        var project = await commands.CreateProjectAsync(
            new ChangeProjectInput("Nouvelle caisse", null, null, new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 2)), ChangeManager, Ct);
        var population = await commands.CreatePopulationAsync(project.Id!.Value, new PopulationInput("Vendeurs", 420, null), ChangeManager, Ct);
        var workshop = await commands.CreateWorkshopAsync(project.Id.Value,
            new WorkshopInput("Cadrage", new DateOnly(2026, 1, 20), WorkshopPhase.BeforeGoLive, null, null), ChangeManager, Ct);
        await using var watcher = await WatchAsync();

        var saved = await commands.SaveAssessmentAsync(new AssessmentInput(workshop.Id!.Value, population.Id!.Value,
            new OmocScores(4, 3, 2, 1), OmocJustifications.Empty, 0), AssessmentStatus.Draft, ChangeManager, Ct);

        Assert.True(saved.Succeeded);
        Assert.True(await raised.WaitAsync(Bound, Ct), "the other node's score save was not raised on this node");
    }

    [Fact]
    public async Task SaveSegmentation_OnAnotherNode_RaisedOnThisNode()
    {
        var calendar = BusinessCalendar.ForZone("Europe/Paris");
        var factory = database.Factory;
        var segmentations = new SegmentationQueries(factory,
            new RfmScoreCache(new RfmQueries(factory, Options.Create(new RfmOptions())), factory, TimeProvider.System),
            new ConsentQueries(factory), calendar, new AuditLog(factory, TimeProvider.System), TimeProvider.System, notifier: otherNode);
        await using var watcher = await WatchAsync();

        var saved = await segmentations.SaveAsync(null, "Deux profils", SegmentationQueriesTests.TwoProfiles(), 0, "Premier découpage",
            "analyste@demo.local", Ct);

        Assert.True(saved.Saved);
        Assert.True(await raised.WaitAsync(Bound, Ct), "the other node's segment save was not raised on this node");
    }

    [Fact]
    public async Task Signal_RolledBack_LeavesNoTraceForTheOtherNodes_CommittedMovesIt()
    {
        await using var db = database.CreateContext();
        await using (var rolledBack = await db.Database.BeginTransactionAsync(Ct))
        {
            await otherNode.SignalAsync(db, Ct);
            await rolledBack.RollbackAsync(Ct);
        }
        await using var watcher = await WatchAsync();
        await using (var committed = await db.Database.BeginTransactionAsync(Ct))
        {
            await otherNode.SignalAsync(db, Ct);
            await committed.CommitAsync(Ct);
        }

        Assert.True(await raised.WaitAsync(Bound, Ct), "the committed signal was not raised on this node");
        if (Engine == DatabaseEngine.Sqlite)
        {
            // The rolled-back signal left the counter where it was: only the committed one moved it.
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT user_version AS \"Value\" FROM pragma_user_version").SingleAsync(Ct));
        }
    }

    private async Task<RunningWatcher> WatchAsync()
    {
        var watcher = new RunningWatcher(new DataChangeWatcher(database.Factory, here));
        await watcher.Watcher.Watching.WaitAsync(Bound, Ct);
        return watcher;
    }
}

/// <summary>Every test of <see cref="DataChangeAcrossNodesTests"/> on PostgreSQL.</summary>
public sealed class DataChangeAcrossNodesOnPostgresTests : DataChangeAcrossNodesTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

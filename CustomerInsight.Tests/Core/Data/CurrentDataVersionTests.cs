using CustomerInsight.Core.Data;
using CustomerInsight.Core.Data.Demo;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Surveys;

namespace CustomerInsight.Tests.Core.Data;

/// <summary>
/// The node's shared data version: one read serves every cache key until a change is heard (this node's commit, or another
/// node's through the watcher) or <see cref="SharedRead{T}.MaxAge"/> passes for a writer that told nobody.
/// </summary>
public class CurrentDataVersionTests : EngineTestBase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_ChangeNobodyTold_SameSharedVersion_NewOnceAChangeIsHeard()
    {
        await using var database = await SeededAsync();
        var notifier = new DataChangeNotifier();
        var versions = new CurrentDataVersion(database.Factory, notifier, new FakeTimeProvider(DateTimeOffset.UtcNow));
        var before = await versions.GetAsync(Ct);

        await AddSurveyResponseAsync(database);

        // Not read again: the change was not told (the watcher would tell it within a second).
        Assert.Equal(before, await versions.GetAsync(Ct));
        notifier.NotifyChanged();
        Assert.Equal(before with { SurveyResponses = before.SurveyResponses + 1 }, await versions.GetAsync(Ct));
        Assert.Equal(await DataVersion.ReadAsync(database.Factory, Ct), await versions.GetAsync(Ct));
    }

    [Fact]
    public async Task GetAsync_ChangeNobodyTold_ReadAgainAfterMaxAge()
    {
        await using var database = await SeededAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var versions = new CurrentDataVersion(database.Factory, new DataChangeNotifier(), clock);
        var before = await versions.GetAsync(Ct);

        await AddSurveyResponseAsync(database);
        clock.Advance(SharedRead<DataVersion>.MaxAge - TimeSpan.FromMilliseconds(1));
        Assert.Equal(before, await versions.GetAsync(Ct));
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(before with { SurveyResponses = before.SurveyResponses + 1 }, await versions.GetAsync(Ct));
    }

    [Fact]
    public async Task GetAsync_FreshVersion_CompletedAtOnce_AFailedReadIsNotKept()
    {
        var notifier = new DataChangeNotifier();
        var reads = 0;
        var shared = new SharedRead<int>(_ => ++reads == 1 ? Task.FromException<int>(new InvalidOperationException("down")) : Task.FromResult(reads),
            notifier, new FakeTimeProvider(DateTimeOffset.UtcNow));

        await Assert.ThrowsAsync<InvalidOperationException>(() => shared.GetAsync(Ct));
        Assert.Equal(2, await shared.GetAsync(Ct));
        var again = shared.GetAsync(Ct);

        // A page awaiting it goes on without yielding: no intermediate render.
        Assert.True(again.IsCompletedSuccessfully);
        Assert.Equal(2, await again);
        Assert.Equal(2, reads);
    }

    private async Task<TestDatabase> SeededAsync()
    {
        var database = await TestDatabase.CreateAsync(Engine);
        await new DemoSeeder(database.Factory, BusinessCalendar.ForZone("Europe/Paris")).SeedIfEmptyAsync(30, Ct);
        return database;
    }

    private static async Task AddSurveyResponseAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        db.SurveyResponses.Add(TestSurveys.Create("shared-version-test", new DateOnly(2026, 9, 1), 9, kind: SurveyKind.Relational,
            at: new TimeOnly(10, 0)));
        await db.SaveChangesAsync(Ct);
    }
}

/// <summary>Every test of <see cref="CurrentDataVersionTests"/> on PostgreSQL.</summary>
public sealed class CurrentDataVersionOnPostgresTests : CurrentDataVersionTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

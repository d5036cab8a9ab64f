namespace CustomerInsight.Tests.Core.Rfm;

/// <summary>The segments page's overview is computed once per date and data version, and again when a consent arrives.</summary>
public class SegmentQueriesCacheTests : EngineTestBase
{
    private static readonly BusinessCalendar Paris = BusinessCalendar.ForZone("Europe/Paris");

    [Fact]
    public async Task GetOverviewAsync_SameDateAgain_CachedUntilAConsentIsRecorded()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        await new DemoSeeder(database.Factory, Paris).SeedIfEmptyAsync(200, Token);
        var rfm = new RfmQueries(database.Factory, Options.Create(new RfmOptions()));
        var queries = new SegmentQueries(rfm, new RfmScoreCache(rfm, database.Factory, TimeProvider.System),
            new ConsentQueries(database.Factory), Paris, database.Factory, TimeProvider.System);
        var date = (await queries.GetDefaultAnalysisDateAsync(Token))!.Value;

        var first = await queries.GetOverviewAsync(date, Token);
        var again = await queries.GetOverviewAsync(date, Token);
        var scored = first.Sample[0].CustomerId;
        await using (var db = database.CreateContext())
        {
            // Withdrawn everywhere the day before the analysis date: this customer reaches no channel any more.
            foreach (var purpose in Enum.GetValues<ConsentPurpose>())
            {
                db.ConsentRecords.Add(new ConsentRecord
                {
                    CustomerId = scored, Purpose = purpose, Status = ConsentStatus.Withdrawn, Source = "test",
                    RecordedAtUtc = Paris.ToUtc(date.AddDays(-1).ToDateTime(new TimeOnly(12, 0))),
                });
            }
            await db.SaveChangesAsync(Token);
        }
        var afterConsent = await queries.GetOverviewAsync(date, Token);

        Assert.Same(first, again);
        Assert.NotSame(first, afterConsent);
        Assert.Equal(first.Summary.Customers, afterConsent.Summary.Customers);
        // What a new cache (nothing kept) computes now: the after-consent overview is current, the first one is not.
        var fresh = await new SegmentQueries(rfm, new RfmScoreCache(rfm, database.Factory, TimeProvider.System),
            new ConsentQueries(database.Factory), Paris, database.Factory, TimeProvider.System).GetOverviewAsync(date, Token);
        Assert.Equal(fresh.Reach, afterConsent.Reach);
    }
}

/// <summary>Every test of <see cref="SegmentQueriesCacheTests"/> on PostgreSQL.</summary>
public sealed class SegmentQueriesCacheOnPostgresTests : SegmentQueriesCacheTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

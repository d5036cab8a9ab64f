using CustomerInsight.Core.Data;
using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Data.Demo;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Sales;
using CustomerInsight.Tests.Core.Data;
using Microsoft.Extensions.Options;

namespace CustomerInsight.Tests.Core.Rfm;

/// <summary>The segments page's overview is computed once per date and data version, and again when a consent arrives.</summary>
public class SegmentQueriesCacheTests
{
    /// <summary>The engine these tests run on; <see cref="SegmentQueriesCacheOnPostgresTests"/> runs them all on PostgreSQL.</summary>
    protected virtual DatabaseEngine Engine => DatabaseEngine.Sqlite;

    private static readonly BusinessCalendar Paris = BusinessCalendar.ForZone("Europe/Paris");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetOverviewAsync_SameDateAgain_CachedUntilAConsentIsRecorded()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        await new DemoSeeder(database.Factory, Paris).SeedIfEmptyAsync(200, Ct);
        var rfm = new RfmQueries(database.Factory, Options.Create(new RfmOptions()));
        var queries = new SegmentQueries(rfm, new RfmScoreCache(rfm, database.Factory, TimeProvider.System),
            new ConsentQueries(database.Factory), Paris, database.Factory, TimeProvider.System);
        var date = (await queries.GetDefaultAnalysisDateAsync(Ct))!.Value;

        var first = await queries.GetOverviewAsync(date, Ct);
        var again = await queries.GetOverviewAsync(date, Ct);
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
            await db.SaveChangesAsync(Ct);
        }
        var afterConsent = await queries.GetOverviewAsync(date, Ct);

        Assert.Same(first, again);
        Assert.NotSame(first, afterConsent);
        Assert.Equal(first.Summary.Customers, afterConsent.Summary.Customers);
        // What a new cache (nothing kept) computes now: the after-consent overview is current, the first one is not.
        var fresh = await new SegmentQueries(rfm, new RfmScoreCache(rfm, database.Factory, TimeProvider.System),
            new ConsentQueries(database.Factory), Paris, database.Factory, TimeProvider.System).GetOverviewAsync(date, Ct);
        Assert.Equal(fresh.Reach, afterConsent.Reach);
    }
}

/// <summary>Every test of <see cref="SegmentQueriesCacheTests"/> on PostgreSQL.</summary>
public sealed class SegmentQueriesCacheOnPostgresTests : SegmentQueriesCacheTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

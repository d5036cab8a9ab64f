using CustomerInsight.Core.Importing.Generation;

namespace CustomerInsight.Tests.Core.Rfm;

/// <summary>
/// RFM's records folded from a snapshot of the orders (the web app's way) against those read in SQL from the customer summary and
/// the orders (the command line's way), on a generated dataset with cancellations, anonymous sales and same-day orders, at dates
/// before any sale, in the middle, on a day with sales, at the default date and after everything.
/// </summary>
public class RfmFromSnapshotTests : EngineTestBase
{
    [Fact]
    public async Task ActivitiesBefore_GeneratedOrders_EqualTheSqlReadingAtEveryDate()
    {
        await using var context = await ImportTestContext.CreateGeneratedAsync(
            new ScaleDatasetOptions { Customers = 300, Lines = 5_000, Seed = 5 }, Engine, Token);
        var queries = new RfmQueries(context.Database.Factory, Options.Create(new RfmOptions()));
        var snapshot = await CustomerActivitySnapshot.LoadAsync(context.Database.Factory, null, Token);
        var defaultDate = (await queries.GetDefaultAnalysisDateAsync(Token))!.Value;
        await using var db = context.Database.CreateContext();
        var cancellations = await db.Orders.CountAsync(o => o.Kind == OrderKind.Cancellation && o.CustomerId != null, Token);
        Assert.True(cancellations > 0 && snapshot.Returns == cancellations, $"{snapshot.Returns} returns held of {cancellations}");
        var busyDay = await db.Orders.Where(o => o.Kind == OrderKind.Sale).GroupBy(o => o.BusinessDate)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync(Token);

        foreach (var date in new[] { new DateOnly(2000, 1, 1), busyDay, new DateOnly(2024, 6, 15), defaultDate, defaultDate.AddYears(1) })
        {
            var expected = await queries.GetActivitiesAsync(date, Token);

            var actual = RfmQueries.ActivitiesBefore(snapshot, date);

            Assert.Equal(expected, actual);
            Assert.True(date.Year == 2000 ? expected.Count == 0 : expected.Count > 100, $"{date}: {expected.Count} customers");
        }
    }

    [Fact]
    public async Task ActivitiesBefore_SnapshotOfSomeDaysOnly_Refused()
    {
        await using var context = await ImportTestContext.CreateGeneratedAsync(
            new ScaleDatasetOptions { Customers = 20, Lines = 200, Seed = 5 }, Engine, Token);
        var snapshot = await CustomerActivitySnapshot.LoadAsync(context.Database.Factory,
            [(new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1))], Token);

        var refused = Assert.Throws<InvalidOperationException>(() => RfmQueries.ActivitiesBefore(snapshot, new DateOnly(2024, 1, 15)));

        Assert.Contains("every day before 2024-01-15", refused.Message, StringComparison.Ordinal);
    }
}

/// <summary>Every test of <see cref="RfmFromSnapshotTests"/> on PostgreSQL.</summary>
public sealed class RfmFromSnapshotOnPostgresTests : RfmFromSnapshotTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

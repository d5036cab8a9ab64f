namespace CustomerInsight.Tests.Core.Rfm;

/// <summary>
/// RfmQueries end to end on a real migrated SQLite file, with a hand-made dataset at analysis date 2011-12-10:
/// A bought on 11-01 (50) and 12-09 (100) and returned 10 on 11-05 → recency 1, frequency 2, monetary 140;
/// B bought on 06-01 (30), again on 12-10 (the analysis date itself) and returned 30 on 12-12 → 192, 1, 30;
/// C only returned goods → not scored; D bought 500 on 12-01 and was erased → scored; E never ordered;
/// an anonymous sale on 12-11 is the latest sale of all.
/// </summary>
public class RfmQueriesTests : DatabaseTestBase
{
    private static readonly DateOnly AnalysisDate = new(2011, 12, 10);
    private static readonly byte[] Secret = Enumerable.Repeat((byte)7, 32).ToArray();

    private RfmQueries queries = null!;
    private int a, b, c, d;
    private long nextOrder = 1;

    protected override async Task ArrangeAsync()
    {
        queries = CreateQueries();
        await using var db = Database.CreateContext();
        var customers = new[] { "A100", "B200", "C300", "D400", "E500" }
            .Select(id => new Customer { SourceId = id, CreatedAtUtc = new DateTime(2010, 1, 1, 0, 0, 0, DateTimeKind.Utc) })
            .ToArray();
        customers[3].ErasedAtUtc = new DateTime(2011, 12, 20, 0, 0, 0, DateTimeKind.Utc);
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();
        (a, b, c, d) = (customers[0].Id, customers[1].Id, customers[2].Id, customers[3].Id);

        db.Orders.AddRange(
            NewOrder(a, "2011-11-01", OrderKind.Sale, 50m),
            NewOrder(a, "2011-12-09", OrderKind.Sale, 100m),
            NewOrder(a, "2011-11-05", OrderKind.Cancellation, -10m),
            NewOrder(b, "2011-06-01", OrderKind.Sale, 30m),
            NewOrder(b, "2011-12-10", OrderKind.Sale, 999m),
            NewOrder(b, "2011-12-12", OrderKind.Cancellation, -30m),
            NewOrder(c, "2011-10-01", OrderKind.Cancellation, -20m),
            NewOrder(d, "2011-12-01", OrderKind.Sale, 500m),
            NewOrder(null, "2011-12-11", OrderKind.Sale, 20m));
        await db.SaveChangesAsync();
    }

    /// <summary>The queries under test: in SQL (the command line's way).</summary>
    protected virtual RfmQueries CreateQueries() => new(Database.Factory, Options.Create(new RfmOptions()));

    private Order NewOrder(int? customerId, string date, OrderKind kind, decimal amount)
    {
        var id = (kind == OrderKind.Cancellation ? "C" : "") + (nextOrder++).ToString(CultureInfo.InvariantCulture);
        return TestOrders.Create(id, customerId, TestOrders.Day(date), amount, kind);
    }

    [Fact]
    public async Task GetActivitiesAsync_HandMadeData_AggregatesPerCustomerBeforeTheDate()
    {
        var activities = await queries.GetActivitiesAsync(AnalysisDate, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                new CustomerActivity(a, new DateOnly(2011, 12, 9), 2, 140m),
                new CustomerActivity(b, new DateOnly(2011, 6, 1), 1, 30m),
                new CustomerActivity(d, new DateOnly(2011, 12, 1), 1, 500m),
            ],
            activities.OrderBy(x => x.CustomerId));
    }

    [Fact]
    public async Task ScoreAsync_HandMadeData_ScoresAndSegments()
    {
        var result = await queries.ScoreAsync(AnalysisDate, TestContext.Current.CancellationToken);

        var byId = result.Customers.ToDictionary(x => x.CustomerId);
        Assert.Equal([a, b, d], byId.Keys.Order());
        Assert.Equal(new RfmCustomerScore(a, new DateOnly(2011, 12, 9), 1, 2, 140m, 4, 4, 2, RfmSegment.LoyalCustomers), byId[a]);
        Assert.Equal(new RfmCustomerScore(b, new DateOnly(2011, 6, 1), 192, 1, 30m, 1, 1, 1, RfmSegment.Hibernating), byId[b]);
        Assert.Equal(new RfmCustomerScore(d, new DateOnly(2011, 12, 1), 9, 1, 500m, 2, 1, 4, RfmSegment.Hibernating), byId[d]);
    }

    [Fact]
    public async Task GetSegmentsAsync_AtEveryDate_TheSegmentsOfTheWholeScoring()
    {
        var token = TestContext.Current.CancellationToken;
        foreach (var date in new[] { AnalysisDate, AnalysisDate.AddDays(-20), AnalysisDate.AddDays(400), new DateOnly(2000, 1, 1) })
        {
            var scores = await queries.ScoreAsync(date, token);

            var placed = await queries.GetSegmentsAsync(date, token);

            var expected = scores.Customers.OrderBy(c => c.CustomerId).Select(c => (c.CustomerId, c.Segment)).ToList();
            Assert.Equal(expected, placed.CustomerIds.Zip(placed.Segments));
            Assert.Equal(scores.Settings!.Version, placed.Settings.Version);
            foreach (var segment in RfmSegments.All)
            {
                Assert.Equal(expected.Where(c => c.Segment == segment).Select(c => c.CustomerId), placed.IdsIn(segment));
            }
        }
    }

    [Fact]
    public async Task ScoreAsync_DateAfterEverything_CountsTheLaterSaleAndCancellation()
    {
        var result = await queries.ScoreAsync(new DateOnly(2012, 1, 1), TestContext.Current.CancellationToken);

        var bScore = result.Customers.Single(x => x.CustomerId == b);
        Assert.Equal((2, 999m, new DateOnly(2011, 12, 10)), (bScore.Frequency, bScore.Monetary, bScore.LastSaleDate));
        Assert.DoesNotContain(result.Customers, x => x.CustomerId == c);
    }

    [Fact]
    public async Task ScoreAsync_BeforeAnySale_NoCustomers()
    {
        var result = await queries.ScoreAsync(new DateOnly(2011, 6, 1), TestContext.Current.CancellationToken);

        Assert.Empty(result.Customers);
    }

    [Fact]
    public async Task GetSummaryAsync_HandMadeData_TotalsPerSegment()
    {
        var summary = await queries.GetSummaryAsync(AnalysisDate, TestContext.Current.CancellationToken);

        Assert.Equal((3, 670m), (summary.Customers, summary.Monetary));
        Assert.Equal(10, summary.Segments.Count);
        var hibernating = summary.Segments.Single(s => s.Segment == RfmSegment.Hibernating);
        Assert.Equal((2, 530m), (hibernating.Customers, hibernating.Monetary));
        var loyal = summary.Segments.Single(s => s.Segment == RfmSegment.LoyalCustomers);
        Assert.Equal((1, 140m), (loyal.Customers, loyal.Monetary));
    }

    [Fact]
    public async Task GetLatestSaleDateAsync_AnonymousSaleIsLatestAndCancellationsDoNotCount()
    {
        Assert.Equal(new DateOnly(2011, 12, 11),
            await new KpiQueries(Database.Factory).GetLatestSaleDateAsync(TestContext.Current.CancellationToken));
        Assert.Equal(new DateOnly(2011, 12, 12), await queries.GetDefaultAnalysisDateAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetDefaultAnalysisDateAsync_EmptyDatabase_Null()
    {
        await using var empty = await TestDatabase.CreateAsync(Engine);
        var emptyQueries = new RfmQueries(empty.Factory, Options.Create(new RfmOptions()));

        Assert.Null(await emptyQueries.GetDefaultAnalysisDateAsync(TestContext.Current.CancellationToken));
        Assert.Empty((await emptyQueries.ScoreAsync(AnalysisDate, TestContext.Current.CancellationToken)).Customers);
    }

    [Fact]
    public async Task GetCustomerRowsAsync_WithIds_PseudonymAndSourceId()
    {
        var rows = await queries.GetCustomerRowsAsync(AnalysisDate, Secret, withSourceIds: true, TestContext.Current.CancellationToken);

        var row = rows.Single(r => r.Score.CustomerId == a);
        Assert.Equal("A100", row.SourceId);
        Assert.Equal(new RfmCustomerKeys(Secret).For(a), row.CustomerKey);
        Assert.Equal(3, rows.Select(r => r.CustomerKey).Distinct().Count());
    }

    [Fact]
    public async Task GetCustomerRowsAsync_WithoutIds_NoSourceIdAnywhere()
    {
        var rows = await queries.GetCustomerRowsAsync(AnalysisDate, Secret, withSourceIds: false, TestContext.Current.CancellationToken);

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Null(r.SourceId));
        Assert.All(rows, r => Assert.DoesNotContain(r.CustomerKey, new[] { "A100", "B200", "D400" }));
    }

    [Fact]
    public async Task GetMigrationAsync_ErasedCustomerLeftOut_NewcomerCountedAsNew()
    {
        var migration = await queries.GetMigrationAsync(new DateOnly(2011, 7, 1), AnalysisDate, TestContext.Current.CancellationToken);

        Assert.Equal(1, migration.Flow(RfmSegment.Hibernating, RfmSegment.Hibernating).Customers);
        Assert.Equal(new RfmFlow(null, RfmSegment.LoyalCustomers, 1, 0m, 140m), migration.Flow(null, RfmSegment.LoyalCustomers));
        Assert.Equal(2, migration.Flows.Sum(f => f.Customers));
        Assert.Equal(1, migration.LeftOut);
        Assert.Equal(0, migration.ScoredOnlyEarlier);
    }

    [Fact]
    public async Task GetMigrationAsync_DatesReversed_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(() =>
            queries.GetMigrationAsync(AnalysisDate, new DateOnly(2011, 7, 1), TestContext.Current.CancellationToken));

    [Fact]
    public async Task ScoreAsync_ConfiguredGrid_IsUsed()
    {
        var grid = Enumerable.Repeat("at_risk, at_risk, at_risk, at_risk, at_risk", 5).ToArray();
        var custom = new RfmQueries(Database.Factory, Options.Create(new RfmOptions { Grid = grid }));

        var result = await custom.ScoreAsync(AnalysisDate, TestContext.Current.CancellationToken);

        Assert.All(result.Customers, x => Assert.Equal(RfmSegment.AtRisk, x.Segment));
    }

    [Fact]
    public async Task EmptyOverview_ConfiguredGrid_NamesTheCellsByIt()
    {
        await using var empty = await TestDatabase.CreateAsync();
        var grid = Enumerable.Repeat("at_risk, at_risk, at_risk, at_risk, at_risk", 5).ToArray();
        var custom = new RfmQueries(empty.Factory, Options.Create(new RfmOptions { Grid = grid }));
        var segments = new SegmentQueries(custom, new RfmScoreCache(custom, empty.Factory, TimeProvider.System),
            new CustomerInsight.Core.Privacy.ConsentQueries(empty.Factory),
                BusinessCalendar.ForZone("Europe/Paris"), empty.Factory, TimeProvider.System);

        var overview = segments.EmptyOverview();

        // Not the metrics.md grid drawn silently: the configured one, as the scores would be.
        Assert.Equal(25, overview.Summary.Cells.Count);
        Assert.All(overview.Summary.Cells, c => Assert.Equal(RfmSegment.AtRisk, c.Segment));
        Assert.Equal(0, overview.Summary.Customers);
    }
}

/// <summary>Every test of <see cref="RfmQueriesTests"/> on PostgreSQL: the same figures to the cent.</summary>
public sealed class RfmQueriesOnPostgresTests : RfmQueriesTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

/// <summary>
/// The same figures through the web app's store: one whole snapshot of the orders per data version, RFM's records folded from it.
/// </summary>
public sealed class RfmQueriesFromSharedSnapshotTests : RfmQueriesTests
{
    protected override RfmQueries CreateQueries() => new(Database.Factory, Options.Create(new RfmOptions()),
        new CustomerActivityStore(Database.Factory, new CurrentDataVersion(Database.Factory, new DataChangeNotifier(), TimeProvider.System)));
}

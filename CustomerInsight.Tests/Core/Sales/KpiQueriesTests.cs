using CustomerInsight.Tests.Core.Analytics;

namespace CustomerInsight.Tests.Core.Sales;

/// <summary>
/// metrics.md's March example end to end on a real migrated SQLite file. Customers: A, C bought
/// in February; in March A 100 (web), A 50 (store), B 30 (web, first purchase ever), an anonymous
/// 20 (web) and a cancellation of A for −10 (web). E last bought on 2010-09-01 (lapsed by the end
/// of March at 180 days), F on 2010-10-05 (not lapsed), D first buys in April.
/// </summary>
public class KpiQueriesTests : DatabaseTestBase
{
    private const int A = 1, B = 2, C = 3, D = 4, E = 5, F = 6;
    private KpiQueries queries = null!;

    protected override async Task ArrangeAsync()
    {
        queries = CreateQueries();
        await using var db = Database.CreateContext();
        db.Customers.AddRange(new[] { A, B, C, D, E, F }.Select(id => new Customer { Id = id, SourceId = "C" + id }));
        db.Orders.AddRange(
            Sale("e1", E, "2010-09-01", 12m),
            Sale("f1", F, "2010-10-05", 8m),
            Sale("a0", A, "2011-02-10", 40m),
            Sale("c0", C, "2011-02-20", 60m),
            Sale("a1", A, "2011-03-01", 100m),
            Sale("a2", A, "2011-03-15", 50m, Channel.Store),
            Sale("b1", B, "2011-03-31", 30m),
            Sale("anon", null, "2011-03-20", 20m),
            Order("ca1", A, "2011-03-21", -10m, OrderKind.Cancellation),
            Sale("d1", D, "2011-04-05", 70.125m));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The queries under test: each call reads the rows it needs (the command line's way).</summary>
    protected virtual KpiQueries CreateQueries() => new(Database.Factory);

    private static Order Sale(string id, int? customer, string date, decimal amount, Channel channel = Channel.Web) =>
        Order(id, customer, date, amount, OrderKind.Sale, channel);

    internal static Order Order(string id, int? customer, string date, decimal amount, OrderKind kind, Channel channel = Channel.Web) =>
        TestOrders.Create(id, customer, TestOrders.Day(date), amount, kind, channel);

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The KPIs of <paramref name="period"/> (one channel or all) against its previous period, lapsed after 180 days.</summary>
    private Task<SalesKpiComparison> KpisAsync(Period period, Channel? channel = null) =>
        queries.GetSalesKpisAsync(period, channel, 180, TestContext.Current.CancellationToken);

    /// <summary>The KPIs of <paramref name="period"/> (all channels and customers) against its <paramref name="mode"/> period.</summary>
    private Task<SalesKpiComparison> CompareAsync(Period period, ComparisonMode mode) =>
        queries.GetSalesKpisAsync(period, mode, null, 180, null, TestContext.Current.CancellationToken);

    [Fact]
    public async Task GetSalesKpisAsync_MarchExample_MatchesMetricsMd()
    {
        var result = await KpisAsync(Period.Month(2011, 3));

        var march = result.Current;
        SalesKpiCalculatorTests.AssertMarchExample(march);
        Assert.Equal(1, march.LapsedCustomers);
        Assert.Equal(Period.Month(2011, 2), result.PreviousPeriod);
    }

    [Fact]
    public async Task GetSalesKpisAsync_MarchExample_PreviousIsFebruaryWithoutEarlierActivity()
    {
        var result = await KpisAsync(Period.Month(2011, 3));

        var february = result.Previous;
        Assert.Equal(2, february.Orders);
        Assert.Equal(100m, february.GrossSales);
        Assert.Equal(0m, february.Returns);
        Assert.Equal(2, february.ActiveCustomers);
        Assert.Equal(2, february.NewCustomers);
        Assert.Equal(0.0, february.RepeatPurchaseRate);
        Assert.Null(february.RetentionRate); // nobody bought in January
        Assert.Null(february.ChurnRate);
        Assert.Equal(1, february.LapsedCustomers); // E; F's last order is 149 days before 1 March
    }

    [Fact]
    public async Task GetSalesKpisAsync_WebChannel_CountsOnlyWebOrders()
    {
        var result = await KpisAsync(Period.Month(2011, 3), Channel.Web);

        var web = result.Current;
        Assert.Equal(3, web.Orders);
        Assert.Equal(150m, web.GrossSales);
        Assert.Equal(-10m, web.Returns);
        Assert.Equal(2, web.ActiveCustomers);
        Assert.Equal(0.0, web.RepeatPurchaseRate);
        Assert.Equal(0.5, web.RetentionRate);
    }

    [Fact]
    public async Task GetSalesKpisAsync_StoreChannel_NewMeansFirstOrderEverAcrossChannels()
    {
        var result = await KpisAsync(Period.Month(2011, 3), Channel.Store);

        var store = result.Current;
        Assert.Equal(1, store.Orders);
        Assert.Equal(1, store.ActiveCustomers);
        Assert.Equal(0, store.NewCustomers); // A bought on the web in February
        Assert.Null(store.RetentionRate); // nobody bought in the store in February
        Assert.Equal(0, store.LapsedCustomers);
    }

    [Fact]
    public async Task GetSalesKpisAsync_CustomRangeOfMarch_PreviousIsWholeFebruary()
    {
        var result = await KpisAsync(Period.Range(Day("2011-03-01"), Day("2011-04-01")));

        Assert.Equal(Day("2011-02-01"), result.PreviousPeriod.Start);
        Assert.Equal(Day("2011-03-01"), result.PreviousPeriod.End);
        Assert.Equal(result.Current,
            (await KpisAsync(Period.Month(2011, 3))).Current);
        Assert.Equal(2, result.Previous.Orders);
        Assert.Equal(1.0, result.PreviousCoverage);
    }

    [Fact]
    public async Task GetSalesKpisAsync_MonthToDate_ComparesWithTheSameDaysAndRetainsAgainstThem()
    {
        // 1–15 March against 1–15 February: A bought on 10 February, C only on the 20th (outside the span).
        var result = await CompareAsync(Period.ToDate(PeriodUnit.Month, Day("2011-03-15")), ComparisonMode.Previous);

        Assert.Equal(Day("2011-02-01"), result.PreviousPeriod.Start);
        Assert.Equal(Day("2011-02-16"), result.PreviousPeriod.End);
        Assert.Equal(2, result.Current.Orders);
        Assert.Equal(1, result.Previous.Orders);
        Assert.Equal(1, result.Previous.ActiveCustomers);
        // A, active on 1–15 March, was active on 1–15 February: retention 1 (C's order of the 20th is not in the span).
        Assert.Equal(1.0, result.Current.RetentionRate);
    }

    [Fact]
    public async Task GetSalesKpisAsync_LastYear_ComparesWithTheSameDatesAYearEarlierWithoutDataAsNoCoverage()
    {
        var result = await CompareAsync(Period.Month(2011, 3), ComparisonMode.LastYear);

        Assert.Equal(Period.Month(2010, 3), result.PreviousPeriod);
        Assert.Equal(ComparisonMode.LastYear, result.Mode);
        Assert.Equal(0, result.Previous.Orders);
        Assert.Equal(0.0, result.PreviousCoverage);
        // The period's own retention still compares with its previous period (February), as metrics.md defines it.
        Assert.Equal(0.5, result.Current.RetentionRate);
    }

    [Fact]
    public async Task GetSalesKpisAsync_LastYearWithData_CountsTheComparisonCustomers()
    {
        // Q4 2011 against Q4 2010: F bought on 2010-10-05; E's 2010-09-01 order is in Q3 2010 (F's retention base).
        var result = await CompareAsync(Period.Quarter(2011, 4), ComparisonMode.LastYear);

        Assert.Equal(Period.Quarter(2010, 4), result.PreviousPeriod);
        Assert.Equal(1, result.Previous.Orders);
        Assert.Equal(1, result.Previous.ActiveCustomers);
        Assert.Equal(1, result.Previous.NewCustomers);
        Assert.Equal(0.0, result.Previous.RetentionRate); // E, active in Q3 2010, did not buy in Q4 2010
    }

    [Fact]
    public async Task GetSalesKpisAsync_ComparisonPartlyBeforeTheFirstOrder_IsPartial()
    {
        // Q4 2010 against Q3 2010 (92 days): the data start on 2010-09-01, so 30 of its days have data.
        var result = await CompareAsync(Period.Quarter(2010, 4), ComparisonMode.Previous);

        Assert.Equal(30.0 / 92, result.PreviousCoverage, 10);
    }

    [Fact]
    public async Task GetSalesKpisAsync_EmptyPeriod_ZerosAndNulls()
    {
        var result = await KpisAsync(Period.Month(2012, 6));

        Assert.Equal(0, result.Current.Orders);
        Assert.Equal(0m, result.Current.NetRevenue);
        Assert.Null(result.Current.AverageBasket);
        Assert.Null(result.Current.RepeatPurchaseRate);
        Assert.Null(result.Current.RetentionRate);
        Assert.Equal(6, result.Current.LapsedCustomers); // everybody's last order is before 2011-12-03
    }

    [Fact]
    public async Task GetSalesKpisAsync_OnlyCancellationInPeriod_NegativeNetNoBasket()
    {
        var result = await KpisAsync(Period.Range(Day("2011-03-21"), Day("2011-03-22")));

        Assert.Equal(0, result.Current.Orders);
        Assert.Equal(-10m, result.Current.NetRevenue);
        Assert.Null(result.Current.AverageBasket);
        Assert.Equal(0, result.Current.ActiveCustomers);
    }

    [Fact]
    public async Task GetSalesKpisAsync_OnlyAnonymousOrder_RevenueWithoutCustomers()
    {
        var result = await KpisAsync(Period.Range(Day("2011-03-20"), Day("2011-03-21")));

        Assert.Equal(1, result.Current.Orders);
        Assert.Equal(20m, result.Current.AverageBasket);
        Assert.Equal(0, result.Current.ActiveCustomers);
        Assert.Null(result.Current.PurchaseFrequency);
    }

    [Fact]
    public async Task GetSalesKpisAsync_LapsedThreshold_CountsFromExclusiveEnd()
    {
        // F's last order 2010-10-05 is 178 days before 2011-04-01: lapsed at 177 days, not at 178.
        var at177 = await queries.GetSalesKpisAsync(Period.Month(2011, 3), null, 177, TestContext.Current.CancellationToken);
        var at178 = await queries.GetSalesKpisAsync(Period.Month(2011, 3), null, 178, TestContext.Current.CancellationToken);

        Assert.Equal(2, at177.Current.LapsedCustomers);
        Assert.Equal(1, at178.Current.LapsedCustomers);
    }

    [Fact]
    public async Task GetMonthlyTrendAsync_JanuaryToApril_EveryMonthWithZerosAndMarchExample()
    {
        var trend = await queries.GetMonthlyTrendAsync(Period.Range(Day("2011-01-15"), Day("2011-04-10")),
            null, TestContext.Current.CancellationToken);

        Assert.Equal([201101, 201102, 201103, 201104], trend.Select(t => t.Month));
        Assert.Equal(0, trend[0].Totals.Orders);
        Assert.Null(trend[0].Totals.AverageBasket);
        Assert.Equal(100m, trend[1].Totals.GrossSales);
        var march = trend[2].Totals;
        Assert.Equal(4, march.Orders);
        Assert.Equal(190m, march.NetRevenue);
        Assert.Equal(50m, march.AverageBasket);
        Assert.Equal(2, march.ActiveCustomers);
        Assert.Equal(70.125m, trend[3].Totals.GrossSales);
    }

    [Fact]
    public async Task GetMonthlyTrendAsync_StoreChannel_OnlyStoreOrders()
    {
        var trend = await queries.GetMonthlyTrendAsync(Period.Month(2011, 3), Channel.Store, TestContext.Current.CancellationToken);

        var march = Assert.Single(trend);
        Assert.Equal(1, march.Totals.Orders);
        Assert.Equal(50m, march.Totals.GrossSales);
        Assert.Equal(0m, march.Totals.Returns);
    }

    [Fact]
    public async Task GetChannelBreakdownAsync_March_WebAndStoreSplitOthersZero()
    {
        var channels = await queries.GetChannelBreakdownAsync(Period.Month(2011, 3), TestContext.Current.CancellationToken);

        Assert.Equal(Enum.GetValues<Channel>(), channels.Select(c => c.Channel));
        var web = channels.Single(c => c.Channel == Channel.Web).Totals;
        Assert.Equal(3, web.Orders);
        Assert.Equal(140m, web.NetRevenue);
        Assert.Equal(2, web.ActiveCustomers);
        var store = channels.Single(c => c.Channel == Channel.Store).Totals;
        Assert.Equal(50m, store.GrossSales);
        Assert.Equal(0, channels.Single(c => c.Channel == Channel.Phone).Totals.Orders);
        Assert.Equal(190m, channels.Sum(c => c.Totals.NetRevenue));
    }

    [Fact]
    public async Task GetCohortInputsAsync_FebruaryCohort_HalfBackInMarchNoneInApril()
    {
        var inputs = await queries.GetCohortInputsAsync(201009, 201104, TestContext.Current.CancellationToken);
        var matrix = inputs.ToMatrix();

        Assert.Equal([201009, 201010, 201102, 201103, 201104], inputs.Sizes.Select(s => s.CohortMonth));
        var february = matrix.Rows.Single(r => r.CohortMonth == 201102);
        Assert.Equal(2, february.Customers);
        Assert.Equal([1.0, 0.5, 0.0], february.Retention);
        Assert.Equal(8, matrix.Rows[0].Retention.Count); // September 2010 to April 2011
    }

    [Fact]
    public async Task GetCohortInputsAsync_RangeStartsAfterFirstPurchase_CustomerNotInLaterCohort()
    {
        var inputs = await queries.GetCohortInputsAsync(201103, 201103, TestContext.Current.CancellationToken);

        // A bought in March too, but belongs to the February cohort.
        var size = Assert.Single(inputs.Sizes);
        Assert.Equal(new CohortSize(201103, 1), size);
        Assert.Equal([new CohortActivity(201103, 201103, 1)], inputs.Activity);
    }

    [Fact]
    public async Task GetLatestSaleDateAsync_Data_IsLastSaleOrderDate() =>
        Assert.Equal(Day("2011-04-05"), await queries.GetLatestSaleDateAsync(TestContext.Current.CancellationToken));

    [Fact]
    public async Task GetLatestSaleDateAsync_EmptyDatabase_Null()
    {
        await using var empty = await TestDatabase.CreateAsync(Engine);

        Assert.Null(await new KpiQueries(empty.Factory).GetLatestSaleDateAsync(TestContext.Current.CancellationToken));
    }
}

/// <summary>Every test of <see cref="KpiQueriesTests"/> on PostgreSQL.</summary>
public sealed class KpiQueriesOnPostgresTests : KpiQueriesTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

/// <summary>
/// The same figures through the web app's store: one whole snapshot per data version, shared by the calls (every order of every
/// day in memory, the customer counts from it).
/// </summary>
public sealed class KpiQueriesFromSharedSnapshotTests : KpiQueriesTests
{
    protected override KpiQueries CreateQueries() => new(Database.Factory, new CustomerActivityStore(Database.Factory,
        new CurrentDataVersion(Database.Factory, new DataChangeNotifier(), TimeProvider.System)));
}

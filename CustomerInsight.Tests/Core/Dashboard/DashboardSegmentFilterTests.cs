using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClosedXML.Excel;
using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Dashboard;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Data.Demo;
using CustomerInsight.Core.Omoc;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Reporting;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Surveys;
using CustomerInsight.Tests.Core.Data;
using Microsoft.Extensions.Options;

namespace CustomerInsight.Tests.Core.Dashboard;

/// <summary>
/// The dashboard's RFM segment filter on real SQLite files: the demo company in one database, and in a
/// second one only the customers of one segment (at the period's end) with their orders and responses.
/// Every figure filtered by segment in the first must equal the unfiltered figure of the second: the
/// calculators over only that segment's customers' orders, anonymous orders left out.
/// </summary>
public class DashboardSegmentFilterTests : IAsyncLifetime
{
    /// <summary>The engine these tests run on; <see cref="DashboardSegmentFilterOnPostgresTests"/> runs them all on PostgreSQL.</summary>
    protected virtual DatabaseEngine Engine => DatabaseEngine.Sqlite;

    private const int Customers = 400;
    private static readonly BusinessCalendar Paris = BusinessCalendar.ForZone("Europe/Paris");
    private static readonly Period Quarter = Period.Quarter(2026, 3);
    private static readonly KpiThresholds Thresholds = new(LapsedAfterDays: 180, MinResponses: 5);
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private TestDatabase all = null!;
    private TestDatabase segmentOnly = null!;
    private DemoCompany company = null!;
    private RfmSegment segment;
    private int[] ids = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        all = await TestDatabase.CreateAsync(Engine);
        await new DemoSeeder(all.Factory, Paris).SeedIfEmptyAsync(Customers, Ct);
        company = new DemoCompanyGenerator(Paris).Generate(Customers);

        // The largest segment at the quarter's end that is not the whole base.
        var scores = await Rfm(all).ScoreAsync(Quarter.End, Ct);
        segment = scores.Customers.GroupBy(c => c.Segment).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        ids = [.. scores.Customers.Where(c => c.Segment == segment).Select(c => c.CustomerId).Order()];

        segmentOnly = await TestDatabase.CreateAsync(Engine);
        var kept = ids.ToHashSet();
        await using var db = segmentOnly.CreateContext();
        await using var writer = await BulkWriter.BeginAsync(db, Ct);
        foreach (var customer in company.Customers.Where(c => kept.Contains(c.Id)))
        {
            writer.Insert(customer);
        }
        foreach (var order in company.Orders.Where(o => o.CustomerId is { } id && kept.Contains(id)))
        {
            writer.Insert(order);
        }
        foreach (var response in company.SurveyResponses.Where(r => r.CustomerId is { } id && kept.Contains(id)))
        {
            writer.Insert(response);
        }
        await writer.CommitAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await all.DisposeAsync();
        await segmentOnly.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static RfmQueries Rfm(TestDatabase database) => new(database.Factory, Options.Create(new RfmOptions()));

    private static DashboardQueries Dashboard(TestDatabase database) =>
        new(new KpiQueries(database.Factory), new SatisfactionQueries(database.Factory),
            new RfmScoreCache(Rfm(database), database.Factory, TimeProvider.System), database.Factory, TimeProvider.System);

    private static string Serialize(object value) => JsonSerializer.Serialize(value, Json);

    [Fact]
    public void Setup_SegmentIsAProperNonEmptySubsetWithAnonymousOrdersAround()
    {
        Assert.InRange(ids.Length, 10, Customers - 1);
        Assert.Contains(company.Orders, o => o.CustomerId is null && Quarter.Contains(o.BusinessDate));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Channel.Web)]
    public async Task GetDashboardAsync_Segment_EveryFigureEqualsTheSegmentOnlyDatabase(Channel? channel)
    {
        var filtered = await Dashboard(all).GetDashboardAsync(new KpiFilter(Quarter, channel, Segment: segment), Thresholds, Ct);
        var expected = await Dashboard(segmentOnly).GetDashboardAsync(new KpiFilter(Quarter, channel), Thresholds, Ct);

        Assert.Equal(expected.Kpis.Current, filtered.Kpis.Current);
        Assert.Equal(expected.Kpis.Previous, filtered.Kpis.Previous);
        Assert.Equal(Serialize(expected.SalesTrend), Serialize(filtered.SalesTrend));
        Assert.Equal(Serialize(expected.SatisfactionTrend), Serialize(filtered.SatisfactionTrend));
        Assert.Equal(Serialize(expected.Channels), Serialize(filtered.Channels));
        Assert.Equal(Serialize(expected.Cohorts), Serialize(filtered.Cohorts));
        Assert.Equal(new SegmentScope(segment, Quarter.End, ids.Length), filtered.Segment);
        Assert.Null(expected.Segment);
    }

    [Fact]
    public async Task GetDashboardAsync_SameFilterAgain_CachedUntilAnOrderArrives()
    {
        var dashboard = Dashboard(all);
        var filter = new KpiFilter(Quarter);

        var first = await dashboard.GetDashboardAsync(filter, Thresholds, Ct);
        var again = await dashboard.GetDashboardAsync(new KpiFilter(Quarter), Thresholds, Ct);
        await using (var db = all.CreateContext())
        {
            var day = Quarter.Start.AddDays(3);
            db.Orders.Add(new CustomerInsight.Core.Sales.Order
            {
                Source = "test", SourceOrderId = "NEW-1", OrderedAtUtc = day.ToDateTime(new TimeOnly(12, 0)), BusinessDate = day,
                BusinessMonth = BusinessCalendar.MonthKey(day), Channel = Channel.Web, Kind = OrderKind.Sale, AmountMilli = 10_000,
            });
            await db.SaveChangesAsync(Ct);
        }
        var afterImport = await dashboard.GetDashboardAsync(filter, Thresholds, Ct);

        Assert.Same(first, again);
        Assert.Equal(first.Kpis.Current.Sales.Orders + 1, afterImport.Kpis.Current.Sales.Orders);
    }

    [Fact]
    public async Task GetKpisAsync_Segment_SalesEqualTheCalculatorOverTheSegmentsOrdersOnly()
    {
        var filtered = await Dashboard(all).GetKpisAsync(new KpiFilter(Quarter, Segment: segment), Thresholds, Ct);
        var everyone = await Dashboard(all).GetKpisAsync(new KpiFilter(Quarter), Thresholds, Ct);

        // Straight from the generated rows, without SQL: the segment's orders of the quarter.
        var kept = ids.ToHashSet();
        var orders = company.Orders.Where(o => o.CustomerId is { } id && kept.Contains(id) && Quarter.Contains(o.BusinessDate)).ToList();
        var sales = orders.Where(o => o.Kind == OrderKind.Sale).ToList();
        Assert.Equal(sales.Count, filtered.Current.Sales.Orders);
        Assert.Equal(Money.FromMilli(orders.Sum(o => o.AmountMilli)), filtered.Current.Sales.NetRevenue);
        Assert.Equal(sales.Select(o => o.CustomerId).Distinct().Count(), filtered.Current.Sales.ActiveCustomers);
        Assert.True(filtered.Current.Sales.Orders < everyone.Current.Sales.Orders);
        Assert.Equal(
            company.SurveyResponses.Count(r => r.CustomerId is { } id && kept.Contains(id) && Quarter.Contains(r.BusinessDate) && r.RecommendScore is not null),
            filtered.Current.Satisfaction.NpsResponses);
    }

    [Fact]
    public async Task GetSalesKpisAsync_EmptyCustomerSet_NothingCounts()
    {
        var result = await new KpiQueries(all.Factory).GetSalesKpisAsync(Quarter, null, 180, customerIds: [], Ct);

        Assert.Equal(0, result.Current.Orders);
        Assert.Equal(0m, result.Current.NetRevenue);
        Assert.Equal(0, result.Previous.ActiveCustomers);
        Assert.Equal(0, result.Current.LapsedCustomers);
    }

    [Fact]
    public async Task GetDashboardAsync_SetLargerThanSqliteVariableLimit_OneParameterNoError()
    {
        // 40,000 ids: more than SQLite's 32,766 variables if each id were its own parameter.
        int[] many = [.. Enumerable.Range(1, 40_000)];
        var kpis = new KpiQueries(all.Factory);
        var satisfaction = new SatisfactionQueries(all.Factory);

        var sales = await kpis.GetSalesKpisAsync(Quarter, null, 180, many, Ct);
        var trend = await kpis.GetMonthlyTrendAsync(Quarter, null, many, Ct);
        var cohorts = await kpis.GetCohortInputsAsync(202601, 202609, many, Ct);
        var facts = await satisfaction.GetByMonthAsync(new SatisfactionFilter(Quarter, CustomerIds: many), Ct);

        // Every customer is in the set: the identified figures of everyone.
        var everyone = await kpis.GetSalesKpisAsync(Quarter, null, 180, Ct);
        Assert.Equal(everyone.Current.ActiveCustomers, sales.Current.ActiveCustomers);
        Assert.Equal(everyone.Current.NewCustomers, sales.Current.NewCustomers);
        Assert.Equal(3, trend.Count);
        Assert.NotEmpty(cohorts.Sizes);
        Assert.Equal(3, facts.Count);
    }

    [Fact]
    public async Task ExportKpiAsync_Segment_FiguresOfTheSegmentAndTheFilterInTheTitleBlock()
    {
        var settings = CoreTexts.Settings("Test Co", "EUR", TimeZoneInfo.Utc, lapsedAfterDays: 180, minResponses: 5);
        var rfmOptions = Options.Create(new RfmOptions());
        var exports = new ExcelExports(
            new KpiQueries(all.Factory), new SatisfactionQueries(all.Factory), Rfm(all), new OmocQueries(all.Factory),
            new CustomerFileQueries(all.Factory), new AppSecrets(all.Factory), new AuditLog(all.Factory, TimeProvider.System),
            settings, rfmOptions, TimeProvider.System);
        var dashboard = await Dashboard(all).GetKpisAsync(new KpiFilter(Quarter, Segment: segment), Thresholds, Ct);

        var data = await exports.GetKpiDataAsync(Quarter, null, segment, Ct);
        using var stream = new MemoryStream();
        var result = await exports.ExportKpiAsync(stream, Quarter, null, segment, new ReportRequester("analyst@test", new CultureInfo("fr-FR")), Ct);

        Assert.Equal(dashboard.Current.Sales, data.Sales.Current);
        Assert.Equal(dashboard.Previous.Sales, data.Sales.Previous);
        Assert.Equal(dashboard.Current.Satisfaction, data.CurrentSatisfaction);
        Assert.EndsWith($"-{segment.Code()}.xlsx", result.FileName, StringComparison.Ordinal);
        stream.Position = 0;
        using var book = new XLWorkbook(stream);
        var expectedFilter = $"{segment.Name().French()} au {Quarter.End.ToString("d", new CultureInfo("fr-FR"))} ({ids.Length} clients)";
        Assert.Contains(book.Worksheets.First().CellsUsed(), c => c.GetString().Contains(expectedFilter, StringComparison.Ordinal));
    }
}

/// <summary>Every test of <see cref="DashboardSegmentFilterTests"/> on PostgreSQL.</summary>
public sealed class DashboardSegmentFilterOnPostgresTests : DashboardSegmentFilterTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

using System.Text.Json.Serialization;
using CustomerInsight.Core.Dashboard;

namespace CustomerInsight.Tests.Core.Dashboard;

/// <summary>
/// The dashboard's RFM segment filter on real SQLite files: the demo company in one database, and in a
/// second one only the customers of one segment (at the period's end) with their orders and responses.
/// Every figure filtered by segment in the first must equal the unfiltered figure of the second: the
/// calculators over only that segment's customers' orders, anonymous orders left out.
/// </summary>
public class DashboardSegmentFilterTests : EngineTestBase, IAsyncLifetime
{
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

    public async ValueTask InitializeAsync()
    {
        all = await TestDatabase.CreateAsync(Engine);
        await new DemoSeeder(all.Factory, Paris).SeedIfEmptyAsync(Customers, Token);
        company = new DemoCompanyGenerator(Paris).Generate(Customers);

        // The segment at the quarter's end with the most sale orders in the quarter (its figures are not zeros).
        var scores = await Rfm(all).ScoreAsync(Quarter.End, Token);
        var segmentOf = scores.Customers.ToDictionary(c => c.CustomerId, c => c.Segment);
        segment = company.Orders
            .Where(o => o.Kind == OrderKind.Sale && Quarter.Contains(o.BusinessDate) && o.CustomerId is { } id && segmentOf.ContainsKey(id))
            .GroupBy(o => segmentOf[o.CustomerId!.Value]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        ids = [.. scores.Customers.Where(c => c.Segment == segment).Select(c => c.CustomerId).Order()];

        segmentOnly = await TestDatabase.CreateAsync(Engine);
        var kept = ids.ToHashSet();
        await using var db = segmentOnly.CreateContext();
        await using var writer = await BulkWriter.BeginAsync(db, Token);
        foreach (var customer in company.Customers.Where(c => kept.Contains(c.Id)))
        {
            writer.Insert(customer);
        }
        await ProductCatalogue.WriteOrdersAsync(writer, company.Orders.Where(o => o.CustomerId is { } id && kept.Contains(id)), Token);
        foreach (var response in company.SurveyResponses.Where(r => r.CustomerId is { } id && kept.Contains(id)))
        {
            writer.Insert(response);
        }
        await writer.CommitAsync(Token);
        // The bulk writer writes rows only: the sales summaries the figures read are rebuilt from them, as an import does.
        await SalesSummaries.RebuildAsync(db, Token);
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

    /// <summary>The web app's way: the RFM records and the set's order totals from the node's snapshot of the orders.</summary>
    private static DashboardQueries SharedSnapshotDashboard(TestDatabase database)
    {
        var store = new CustomerActivityStore(database.Factory,
            new CurrentDataVersion(database.Factory, new DataChangeNotifier(), TimeProvider.System));
        var rfm = new RfmQueries(database.Factory, Options.Create(new RfmOptions()), store);
        return new(new KpiQueries(database.Factory, store), new SatisfactionQueries(database.Factory),
            new RfmScoreCache(rfm, database.Factory, TimeProvider.System), database.Factory, TimeProvider.System);
    }

    private static string Serialize(object value) => JsonSerializer.Serialize(value, Json);

    [Fact]
    public void Setup_SegmentIsAProperNonEmptySubsetWithAnonymousOrdersAround()
    {
        Assert.InRange(ids.Length, 10, Customers - 1);
        Assert.Contains(company.Orders, o => o.CustomerId is null && Quarter.Contains(o.BusinessDate));
        // The segment's figures are not zeros: sale orders in the quarter, and returns in the trend's year.
        var kept = ids.ToHashSet();
        Assert.Contains(company.Orders, o => o.Kind == OrderKind.Sale && Quarter.Contains(o.BusinessDate) && kept.Contains(o.CustomerId ?? 0));
        Assert.Contains(company.Orders, o => o.Kind == OrderKind.Cancellation && o.BusinessDate >= Quarter.End.AddYears(-1)
            && o.BusinessDate < Quarter.End && kept.Contains(o.CustomerId ?? 0));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(Channel.Web, false)]
    [InlineData(null, true)]
    [InlineData(Channel.Store, true)]
    public async Task GetDashboardAsync_Segment_EveryFigureEqualsTheSegmentOnlyDatabase(Channel? channel, bool sharedSnapshot)
    {
        var dashboard = sharedSnapshot ? SharedSnapshotDashboard(all) : Dashboard(all);
        var filtered = await dashboard.GetDashboardAsync(new KpiFilter(Quarter, channel, Segment: segment), Thresholds, Token);
        var expected = await Dashboard(segmentOnly).GetDashboardAsync(new KpiFilter(Quarter, channel), Thresholds, Token);

        Assert.Equal(expected.Kpis.Current, filtered.Kpis.Current);
        Assert.Equal(expected.Kpis.Previous, filtered.Kpis.Previous);
        Assert.Equal(Serialize(expected.SalesTrend), Serialize(filtered.SalesTrend));
        Assert.Equal(Serialize(expected.SatisfactionTrend), Serialize(filtered.SatisfactionTrend));
        Assert.Equal(Serialize(expected.Channels), Serialize(filtered.Channels));
        Assert.Equal(Serialize(expected.Cohorts), Serialize(filtered.Cohorts));
        Assert.Equal(new SegmentScope(segment, Quarter.End, ids.Length), filtered.Segment! with { RfmSettings = null });
        // The scope names the RFM version that placed the customers: version 1, the configuration's, while nothing was saved.
        Assert.Equal((1, true), (filtered.Segment.RfmSettings!.Version, filtered.Segment.RfmSettings.FromConfiguration));
        Assert.Null(expected.Segment);
    }

    [Fact]
    public async Task GetDashboardAsync_SameFilterAgain_CachedUntilAnOrderArrives()
    {
        var dashboard = Dashboard(all);
        var filter = new KpiFilter(Quarter);

        var first = await dashboard.GetDashboardAsync(filter, Thresholds, Token);
        var again = await dashboard.GetDashboardAsync(new KpiFilter(Quarter), Thresholds, Token);
        await using (var db = all.CreateContext())
        {
            var day = Quarter.Start.AddDays(3);
            db.Orders.Add(new CustomerInsight.Core.Sales.Order
            {
                Source = "test", SourceOrderId = "NEW-1", OrderedAtUtc = day.ToDateTime(new TimeOnly(12, 0)), BusinessDate = day,
                BusinessMonth = BusinessCalendar.MonthKey(day), Channel = Channel.Web, Kind = OrderKind.Sale, AmountMilli = 10_000,
            });
            await db.SaveChangesAsync(Token);
        }
        var afterImport = await dashboard.GetDashboardAsync(filter, Thresholds, Token);

        Assert.Same(first, again);
        Assert.Equal(first.Kpis.Current.Sales.Orders + 1, afterImport.Kpis.Current.Sales.Orders);
    }

    [Fact]
    public async Task GetKpisAsync_Segment_SalesEqualTheCalculatorOverTheSegmentsOrdersOnly()
    {
        var filtered = await Dashboard(all).GetKpisAsync(new KpiFilter(Quarter, Segment: segment), Thresholds, Token);
        var everyone = await Dashboard(all).GetKpisAsync(new KpiFilter(Quarter), Thresholds, Token);

        // Straight from the generated rows, without SQL: the segment's orders of the quarter.
        var kept = ids.ToHashSet();
        var orders = company.Orders.Where(o => o.CustomerId is { } id && kept.Contains(id) && Quarter.Contains(o.BusinessDate)).ToList();
        var sales = orders.Where(o => o.Kind == OrderKind.Sale).ToList();
        Assert.Equal(sales.Count, filtered.Current.Sales.Orders);
        Assert.Equal(Money.FromMilli(orders.Sum(o => o.AmountMilli)), filtered.Current.Sales.NetRevenue);
        Assert.Equal(sales.Select(o => o.CustomerId).Distinct().Count(), filtered.Current.Sales.ActiveCustomers);
        Assert.True(filtered.Current.Sales.Orders < everyone.Current.Sales.Orders);
        Assert.Equal(
            company.SurveyResponses.Count(r => r.CustomerId is { } id && kept.Contains(id)
                && Quarter.Contains(r.BusinessDate) && r.RecommendScore is not null),
            filtered.Current.Satisfaction.NpsResponses);
    }

    [Fact]
    public async Task GetSalesKpisAsync_EmptyCustomerSet_NothingCounts()
    {
        var result = await new KpiQueries(all.Factory).GetSalesKpisAsync(Quarter, null, 180, customerIds: [], Token);

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

        var sales = await kpis.GetSalesKpisAsync(Quarter, null, 180, many, Token);
        var trend = await kpis.GetMonthlyTrendAsync(Quarter, null, many, Token);
        var cohorts = await kpis.GetCohortInputsAsync(202601, 202609, many, Token);
        var facts = await satisfaction.GetByMonthAsync(new SatisfactionFilter(Quarter, CustomerIds: many), Token);

        // Every customer is in the set: the identified figures of everyone.
        var everyone = await kpis.GetSalesKpisAsync(Quarter, null, 180, Token);
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
        var dashboard = await Dashboard(all).GetKpisAsync(new KpiFilter(Quarter, Segment: segment), Thresholds, Token);

        var data = await exports.GetKpiDataAsync(Quarter, null, segment, Token);
        using var stream = new MemoryStream();
        var result = await exports.ExportKpiAsync(stream, Quarter, null, segment,
            new ReportRequester("analyst@test", new CultureInfo("fr-FR")), Token);

        Assert.Equal(dashboard.Current.Sales, data.Sales.Current);
        Assert.Equal(dashboard.Previous.Sales, data.Sales.Previous);
        Assert.Equal(dashboard.Current.Satisfaction, data.CurrentSatisfaction);
        Assert.EndsWith($"-{segment.Code()}.xlsx", result.FileName, StringComparison.Ordinal);
        stream.Position = 0;
        using var book = new XLWorkbook(stream);
        var expectedFilter = $"{segment.Name().French()} au {Quarter.End.ToString("d", new CultureInfo("fr-FR"))} ({ids.Length} clients)";
        Assert.Contains(book.Worksheets.First().CellsUsed(), c => c.GetString().Contains(expectedFilter, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportKpiAsync_CustomSegment_FiguresEqualTheDashboards_SheetsNameSegmentationAndVersion()
    {
        var calendar = Paris;
        var audit = new AuditLog(all.Factory, TimeProvider.System);
        var scoreCache = new RfmScoreCache(Rfm(all), all.Factory, TimeProvider.System);
        var segmentations = new SegmentationQueries(all.Factory, scoreCache, new ConsentQueries(all.Factory), calendar, audit, TimeProvider.System);
        // "Fidèles" keeps the customers with two orders or more who are not big spenders (a customer is in the first segment it meets).
        var definition = new SegmentationDefinition([
            new SegmentDefinition("", "Gros acheteurs", RuleMatch.All,
                [new SegmentRuleGroup(RuleMatch.All, [new SegmentCondition(SegmentField.Monetary, RuleOperator.GreaterOrEqual, "1500")])]),
            new SegmentDefinition("", "Fidèles", RuleMatch.All,
                [new SegmentRuleGroup(RuleMatch.All, [new SegmentCondition(SegmentField.Orders, RuleOperator.GreaterOrEqual, "2")])]),
        ]);
        Assert.Equal(1, (await segmentations.SaveAsync(null, "Deux profils", definition, 0, "Premier découpage", "analyste@test", Token)).Version);
        var custom = new SegmentRef("deux-profils", "fideles");
        var dashboard = await new DashboardQueries(new KpiQueries(all.Factory),
            new SatisfactionQueries(all.Factory), scoreCache, all.Factory, TimeProvider.System, segmentations)
            .GetDashboardAsync(new KpiFilter(Quarter, CustomSegment: custom), new KpiThresholds(LapsedAfterDays: 180, MinResponses: 5), Token);
        var members = dashboard.CustomSegment!;
        Assert.InRange(members.CustomerIds.Length, 1, Customers - 1);
        var exports = new ExcelExports(
            new KpiQueries(all.Factory), new SatisfactionQueries(all.Factory), Rfm(all), new OmocQueries(all.Factory),
            new CustomerFileQueries(all.Factory), new AppSecrets(all.Factory), audit,
            CoreTexts.Settings("Test Co", "EUR", TimeZoneInfo.Utc, lapsedAfterDays: 180, minResponses: 5),
                Options.Create(new RfmOptions()), TimeProvider.System,
            segmentationQueries: segmentations);

        using var stream = new MemoryStream();
        var result = await exports.ExportKpiAsync(stream, Quarter, ComparisonMode.Previous, null,
            null, custom, new ReportRequester("analyst@test", new CultureInfo("fr-FR")), Token);

        Assert.EndsWith("-deux-profils-fideles.xlsx", result.FileName, StringComparison.Ordinal);
        stream.Position = 0;
        using var book = new XLWorkbook(stream);
        var sheet = book.Worksheet("Indicateurs");
        var byCode = Enumerable.Range(ExcelReportWriter.HeaderRow + 1, 18).ToDictionary(r => sheet.Cell(r, 6).GetString(), r => r);
        var current = dashboard.Kpis.Current.Sales;
        var previous = dashboard.Kpis.Previous.Sales;
        Assert.True(current.Orders > 0);
        Assert.Equal(current.Orders, sheet.Cell(byCode["orders"], 2).GetValue<int>());
        Assert.Equal(previous.Orders, sheet.Cell(byCode["orders"], 3).GetValue<int>());
        Assert.Equal((double)current.NetRevenue, sheet.Cell(byCode["netRevenue"], 2).GetDouble(), 6);
        Assert.Equal((double)previous.NetRevenue, sheet.Cell(byCode["netRevenue"], 3).GetDouble(), 6);
        Assert.Equal(current.ActiveCustomers, sheet.Cell(byCode["activeCustomers"], 2).GetValue<int>());
        Assert.Equal(current.RetentionRate is null, sheet.Cell(byCode["retentionRate"], 2).IsEmpty());
        // Unfiltered figures differ: the workbook is the segment's, not the whole base's.
        var whole = await new KpiQueries(all.Factory).GetSalesKpisAsync(Quarter, null, cancellationToken: Token);
        Assert.NotEqual(whole.Current.Orders, current.Orders);
        var header = sheet.Range(1, 1, ExcelReportWriter.HeaderRow - 1, 4).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains(header, t =>
            t.Contains($"Fidèles au {Quarter.End.ToString("d", new CultureInfo("fr-FR"))} ({members.CustomerIds.Length} clients)",
            StringComparison.Ordinal));
        Assert.Contains(header, t => t.Contains("Deux profils, version 1", StringComparison.Ordinal));
    }
}

/// <summary>Every test of <see cref="DashboardSegmentFilterTests"/> on PostgreSQL.</summary>
public sealed class DashboardSegmentFilterOnPostgresTests : DashboardSegmentFilterTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

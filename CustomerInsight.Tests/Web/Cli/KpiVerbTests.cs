using CustomerInsight.Tests.Core.Sales;

namespace CustomerInsight.Tests.Web.Cli;

/// <summary>
/// <c>kpi</c> through the real command line on metrics.md's March example: A, C bought in February;
/// in March A 100, A 50, B 30, an anonymous 20 and a cancellation of A for −10; ten survey answers
/// in March with the recommend scores of the NPS example.
/// </summary>
public class KpiVerbTests : DatabaseTestBase
{
    protected override async Task ArrangeAsync()
    {
        await using var db = Database.CreateContext();
        db.Customers.AddRange(new[] { 1, 2, 3 }.Select(id => new Customer { Id = id, SourceId = "C" + id }));
        db.Orders.AddRange(
            KpiQueriesTests.Order("a0", 1, "2011-02-10", 40m, OrderKind.Sale),
            KpiQueriesTests.Order("c0", 3, "2011-02-20", 60m, OrderKind.Sale),
            KpiQueriesTests.Order("a1", 1, "2011-03-01", 100m, OrderKind.Sale),
            KpiQueriesTests.Order("a2", 1, "2011-03-15", 50m, OrderKind.Sale, Channel.Store),
            KpiQueriesTests.Order("b1", 2, "2011-03-31", 30m, OrderKind.Sale),
            KpiQueriesTests.Order("anon", null, "2011-03-20", 20m, OrderKind.Sale),
            KpiQueriesTests.Order("ca1", 1, "2011-03-21", -10m, OrderKind.Cancellation));
        int[] scores = [10, 9, 9, 8, 7, 6, 5, 3, 10, 9];
        db.SurveyResponses.AddRange(scores.Select((score, i) =>
            TestSurveys.Create("r" + i, new DateOnly(2011, 3, 10), score, i < 4 ? 5 : 2, channel: Channel.Web)));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Json_MarchExample_MatchesMetricsMdAndKpiQueries()
    {
        var result = await CliTestRunner.RunAsync(Database, ["kpi", "--from", "2011-03-01", "--to", "2011-04-01", "--json"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(["from", "to", "previousFrom", "previousTo", "previousCoverage", "current", "previous", "currency"],
            root.EnumerateObject().Select(p => p.Name));
        // The database's reporting currency, recorded from Business:Currency (EUR) when the verb first used it.
        Assert.Equal("EUR", root.GetProperty("currency").GetString());
        Assert.Equal("2011-03-01", root.GetProperty("from").GetString());
        Assert.Equal("2011-04-01", root.GetProperty("to").GetString());
        // A range of whole months compares with as many whole months before it: February.
        Assert.Equal("2011-02-01", root.GetProperty("previousFrom").GetString());
        Assert.Equal("2011-03-01", root.GetProperty("previousTo").GetString());
        // February lies between the first (2011-02-10) and the last day with data for 19 of its 28 days.
        Assert.Equal(19.0 / 28, root.GetProperty("previousCoverage").GetDouble(), 10);

        var current = root.GetProperty("current");
        Assert.Equal(
            ["orders", "grossSales", "returns", "netRevenue", "averageBasket", "activeCustomers", "newCustomers", "purchaseFrequency",
             "repeatPurchaseRate", "retentionRate", "nps", "npsResponses", "npsMarginOfError", "csat", "csatResponses", "meanSatisfaction"],
            current.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4, current.GetProperty("orders").GetInt64());
        Assert.Equal(200m, current.GetProperty("grossSales").GetDecimal());
        Assert.Equal(-10m, current.GetProperty("returns").GetDecimal());
        Assert.Equal(190m, current.GetProperty("netRevenue").GetDecimal());
        Assert.Equal(50m, current.GetProperty("averageBasket").GetDecimal());
        Assert.Equal(2, current.GetProperty("activeCustomers").GetInt64());
        Assert.Equal(1, current.GetProperty("newCustomers").GetInt64());
        Assert.Equal(0.5, current.GetProperty("repeatPurchaseRate").GetDouble());
        Assert.Equal(0.5, current.GetProperty("retentionRate").GetDouble());
        Assert.Equal(20.0, current.GetProperty("nps").GetDouble(), 9);
        Assert.Equal(10, current.GetProperty("npsResponses").GetInt64());
        Assert.Equal(54.0, current.GetProperty("npsMarginOfError").GetDouble(), 1);
        Assert.Equal(0.4, current.GetProperty("csat").GetDouble(), 9);

        var previous = root.GetProperty("previous");
        Assert.Equal(2, previous.GetProperty("orders").GetInt64());
        Assert.Equal(JsonValueKind.Null, previous.GetProperty("nps").ValueKind);
        Assert.Equal(JsonValueKind.Null, previous.GetProperty("retentionRate").ValueKind);

        var queries = await new KpiQueries(Database.Factory).GetSalesKpisAsync(Period.Range(new(2011, 3, 1), new(2011, 4, 1)),
            null, 180, TestContext.Current.CancellationToken);
        Assert.Equal(queries.Current.NetRevenue, current.GetProperty("netRevenue").GetDecimal());
        Assert.Equal(queries.Previous.GrossSales, previous.GetProperty("grossSales").GetDecimal());
        Assert.Equal(queries.Current.PurchaseFrequency, current.GetProperty("purchaseFrequency").GetDouble());
    }

    [Fact]
    public async Task Json_EveryReadInPlainSql_EfCoreRunsNoQuery()
    {
        using var recorder = new EfCommandRecorder(Database);

        var result = await CliTestRunner.RunAsync(Database, ["kpi", "--from", "2011-03-01", "--to", "2011-04-01", "--channel", "web", "--json"]);

        Assert.Equal(0, result.ExitCode);
        // A process that compiles a LINQ query pays EF Core's query pipeline, about 150 ms of kpi's 0.5 s (bench/RESULTS.md):
        // EF Core sent no SELECT (recording the currency on this new database is its one INSERT).
        Assert.DoesNotContain(recorder.Commands, c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
        // The recorder does see EF Core's queries on this database.
        await using var db = Database.CreateContext();
        Assert.Equal(3, await db.Customers.CountAsync(TestContext.Current.CancellationToken));
        Assert.Contains(recorder.Commands, c => c.Contains("\"Customers\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Channel_Store_CountsOnlyStoreOrdersAndResponses()
    {
        var result = await CliTestRunner.RunAsync(Database, ["kpi", "--from", "2011-03-01", "--to", "2011-04-01", "--channel", "store", "--json"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var current = json.RootElement.GetProperty("current");
        Assert.Equal(1, current.GetProperty("orders").GetInt64());
        Assert.Equal(50m, current.GetProperty("grossSales").GetDecimal());
        Assert.Equal(0, current.GetProperty("npsResponses").GetInt64());
    }

    [Fact]
    public async Task WithoutJson_PrintsASummary()
    {
        var result = await CliTestRunner.RunAsync(Database, ["kpi", "--from", "2011-03-01", "--to", "2011-04-01"]);

        result.AssertSucceeded("[2011-03-01, 2011-04-01)", "190.00", "small sample");
    }

    [Theory]
    [InlineData("--from", "2011-13-01", "--to", "2011-04-01", "--from")]
    [InlineData("--from", "2011-04-01", "--to", "2011-03-01", "--to")]
    [InlineData("--from", "2011-03-01", "--to", "2011-03-01", "--to")]
    [InlineData("--from", "2011-03-01", "--channel", "web", "--to")]
    public async Task BadDates_ExitTwoWithAMessage(string a, string b, string c, string d, string named)
    {
        var result = await CliTestRunner.RunAsync(Database, ["kpi", a, b, c, d]);

        result.AssertBadInput(named);
    }

    [Fact]
    public async Task CompareLastYear_NoDataAYearEarlier_CoverageZeroAndTextSaysNoChange()
    {
        var json = await CliTestRunner.RunAsync(Database, ["kpi", "--from", "2011-03-01", "--to", "2011-04-01", "--compare", "last-year", "--json"]);
        var text = await CliTestRunner.RunAsync(Database, ["kpi", "--from", "2011-03-01", "--to", "2011-04-01", "--compare", "last-year"]);

        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal("2010-03-01", document.RootElement.GetProperty("previousFrom").GetString());
        Assert.Equal("2010-04-01", document.RootElement.GetProperty("previousTo").GetString());
        Assert.Equal(0.0, document.RootElement.GetProperty("previousCoverage").GetDouble());
        text.AssertSucceeded("the same period last year [2010-03-01, 2010-04-01)", "Comparison n/a");
        Assert.DoesNotContain("+", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartialComparison_TextSaysPartialWithTheShareOfDays()
    {
        var result = await CliTestRunner.RunAsync(Database, ["kpi", "--from", "2011-03-01", "--to", "2011-04-01"]);

        Assert.Contains("Comparison partial (67.9 % of days have data)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCompareMode_ExitsTwoNamingTheModes()
    {
        var result = await CliTestRunner.RunAsync(Database, ["kpi", "--from", "2011-03-01", "--to", "2011-04-01", "--compare", "yesterday"]);

        result.AssertBadInput("previous or last-year");
    }

    [Fact]
    public async Task UnknownChannel_ExitsTwoNamingTheChannels()
    {
        var result = await CliTestRunner.RunAsync(Database, ["kpi", "--from", "2011-03-01", "--to", "2011-04-01", "--channel", "Fax"]);

        result.AssertBadInput("Marketplace");
    }
}

/// <summary>Every test of <see cref="KpiVerbTests"/> on PostgreSQL.</summary>
public sealed class KpiVerbOnPostgresTests : KpiVerbTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

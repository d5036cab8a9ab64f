namespace CustomerInsight.Tests.Web.Cli;

/// <summary>
/// <c>kpi --json</c> over the public Online Retail file (first order 2010-12-01, last 2011-12-09), imported for
/// real through the command line: the comparison periods of metrics.md and their coverage.
/// </summary>
public class KpiPublicDataTests : EngineTestBase, IAsyncLifetime
{
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync(Engine, migrate: false);

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Json_PublicData_ComparisonPeriodsAndCoverageOfMetricsMd()
    {
        var path = TestFiles.OnlineRetail();
        if (path is null)
        {
            Assert.Skip("../shared/data/online_retail.csv.gz (beside the repository) is absent: the public-file test needs it.");
        }
        var import = await CliTestRunner.RunAsync(database, ["import", path, "--format", "online-retail"],
            settings: new Dictionary<string, string?> { ["Business:Currency"] = "GBP" });
        Assert.Equal(0, import.ExitCode);

        // A custom 2011 compares with 2010, of which only December has data: 31 of 365 days, a partial comparison.
        var year = await KpiAsync("--from", "2011-01-01", "--to", "2012-01-01");
        // The public file is in pounds: README's example creates a GBP database for it.
        Assert.Equal("GBP", year.GetProperty("currency").GetString());
        Assert.Equal("2010-01-01", year.GetProperty("previousFrom").GetString());
        Assert.Equal("2011-01-01", year.GetProperty("previousTo").GetString());
        Assert.Equal(31.0 / 365, year.GetProperty("previousCoverage").GetDouble(), 10);

        // interfaces.md's example: a quarter of whole months compares with the three months before, fully covered.
        var quarter = await KpiAsync("--from", "2011-07-01", "--to", "2011-10-01");
        Assert.Equal("2011-04-01", quarter.GetProperty("previousFrom").GetString());
        Assert.Equal("2011-07-01", quarter.GetProperty("previousTo").GetString());
        Assert.Equal(1.0, quarter.GetProperty("previousCoverage").GetDouble());

        // The last days of data against the same dates a year earlier (the first days of data).
        var lastYear = await KpiAsync("--from", "2011-12-01", "--to", "2011-12-10", "--compare", "last-year");
        Assert.Equal("2010-12-01", lastYear.GetProperty("previousFrom").GetString());
        Assert.Equal("2010-12-10", lastYear.GetProperty("previousTo").GetString());
        Assert.Equal(1.0, lastYear.GetProperty("previousCoverage").GetDouble());
        Assert.True(lastYear.GetProperty("previous").GetProperty("orders").GetInt64() > 0);

        // A comparison entirely before the first order: 0 % coverage.
        var first = await KpiAsync("--from", "2010-12-01", "--to", "2011-01-01");
        Assert.Equal("2010-11-01", first.GetProperty("previousFrom").GetString());
        Assert.Equal(0.0, first.GetProperty("previousCoverage").GetDouble());
    }

    private async Task<JsonElement> KpiAsync(params string[] options)
    {
        var result = await CliTestRunner.RunAsync(database, ["kpi", .. options, "--json"]);
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.Clone();
    }
}

/// <summary>Every test of <see cref="KpiPublicDataTests"/> on PostgreSQL.</summary>
public sealed class KpiPublicDataOnPostgresTests : KpiPublicDataTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

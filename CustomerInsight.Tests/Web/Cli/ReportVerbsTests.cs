namespace CustomerInsight.Tests.Web.Cli;

/// <summary><c>kpi --out</c>, <c>rfm --out FILE.xlsx</c> and <c>export-customer</c> write real files, read back here.</summary>
public class ReportVerbsTests() : DatabaseTestBase(migrate: false)
{
    protected override async Task ArrangeAsync()
    {
        Assert.Equal(0, (await CliTestRunner.RunAsync(Database, ["seed-demo", "--customers", "150"])).ExitCode);
    }

    [Fact]
    public async Task KpiOut_Xlsx_WritesTheWorkbookBesideTheJson()
    {
        var path = Path.Combine(Database.Directory, "kpi.xlsx");

        var result = await CliTestRunner.RunAsync(Database, ["kpi", "--from", "2026-01-01", "--to", "2026-04-01", "--json", "--out", path]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("2026-01-01", json.RootElement.GetProperty("from").GetString());
        using var workbook = new XLWorkbook(path);
        Assert.True(workbook.Worksheets.Count >= 3);
        Assert.DoesNotContain(workbook.Worksheets.SelectMany(s => s.CellsUsed()), c => c.HasFormula);
    }

    [Fact]
    public async Task KpiOut_NotXlsx_ExitsTwoAndWritesNothing()
    {
        var path = Path.Combine(Database.Directory, "kpi.pdf");
        var result = await CliTestRunner.RunAsync(Database, ["kpi", "--from", "2026-01-01", "--to", "2026-04-01", "--out", path]);
        Assert.Equal(2, result.ExitCode);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task RfmOut_Xlsx_OneRowPerScoredCustomerAndNoSourceId()
    {
        var path = Path.Combine(Database.Directory, "rfm.xlsx");
        var queries = new RfmQueries(Database.Factory, AppSettings.Rfm());
        var scored = (await queries.GetSummaryAsync((await queries.GetDefaultAnalysisDateAsync(Token))!.Value, Token)).Customers;

        var result = await CliTestRunner.RunAsync(Database, ["rfm", "--out", path]);

        Assert.Equal(0, result.ExitCode);
        using var workbook = new XLWorkbook(path);
        var texts = workbook.Worksheets.SelectMany(s => s.CellsUsed()).Select(c => c.GetString()).ToHashSet();
        Assert.DoesNotContain(texts, t => t.StartsWith("CLI-", StringComparison.Ordinal));
        Assert.Single(workbook.Worksheets, s => s.Tables.Any(t => t.DataRange.RowCount() == scored));
    }

    [Fact]
    public async Task ExportCustomer_Json_WritesTheDocumentedShape()
    {
        var path = Path.Combine(Database.Directory, "customer.json");

        var result = await CliTestRunner.RunAsync(Database, ["export-customer", "--customer", "CLI-000001", "--out", path]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path, Token));
        Assert.Equal("CLI-000001", json.RootElement.GetProperty("profile").GetProperty("sourceId").GetString());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("orders").ValueKind);
        await using var db = Database.CreateContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "privacy.export", Token));
    }

    [Fact]
    public async Task ExportCustomer_UnknownId_ExitsTwo()
    {
        var result = await CliTestRunner.RunAsync(Database,
            ["export-customer", "--customer", "NOPE", "--out", Path.Combine(Database.Directory, "x.json")]);
        Assert.Equal(2, result.ExitCode);
    }
}

/// <summary>Every test of <see cref="ReportVerbsTests"/> on PostgreSQL.</summary>
public sealed class ReportVerbsOnPostgresTests : ReportVerbsTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

namespace CustomerInsight.Tests.Web.Cli;

/// <summary><c>import --currency</c>, the database's currency in <c>kpi</c> (JSON and workbook) and <c>undo-import --batch ID</c>.</summary>
public class ImportCurrencyAndUndoVerbTests : EngineTestBase
{
    private const string RetailFile = """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2011-07-01 08:26:00,2.55,17850,United Kingdom
        536366,22633,HAND WARMER UNION JACK,6,2011-07-03 08:28:00,1.85,13047,United Kingdom
        """;

    private static readonly Dictionary<string, string?> Gbp = new() { ["Business:Currency"] = "GBP" };

    [Fact]
    public async Task ReadmePublicDataExample_FreshDatabaseWithBusinessCurrencyGbp_ImportsOnlineRetailAndKpiSaysGbp()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var path = database.WriteFile("online_retail.csv", RetailFile);

        var import = await CliTestRunner.RunAsync(database, ["import", path, "--format", "online-retail"], settings: Gbp);
        // Later runs without the setting (appsettings.json says EUR) keep the database's own currency.
        var kpi = await CliTestRunner.RunAsync(database, ["kpi", "--from", "2011-07-01", "--to", "2011-10-01", "--json"]);

        import.AssertSucceeded("GBP");
        Assert.Equal(0, kpi.ExitCode);
        using var json = JsonDocument.Parse(kpi.Output);
        Assert.Equal("GBP", json.RootElement.GetProperty("currency").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("current").GetProperty("orders").GetInt32());
    }

    [Fact]
    public async Task Import_OnlineRetailIntoEuroDatabase_ExitsTwoNamingBothCurrencies_WritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var path = database.WriteFile("online_retail.csv", RetailFile);

        var result = await CliTestRunner.RunAsync(database, ["import", path, "--format", "online-retail"]);
        var declared = await CliTestRunner.RunAsync(database, ["import", path, "--format", "online-retail", "--currency", "EUR"]);
        var invalid = await CliTestRunner.RunAsync(database, ["import", path, "--format", "online-retail", "--currency", "euro"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{path}: The file's amounts are declared in GBP, but this database's reporting currency is EUR",
            result.Error, StringComparison.Ordinal);
        Assert.Equal(0, declared.ExitCode);
        invalid.AssertBadInput("--currency");
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.Orders.CountAsync(Token));
    }

    [Fact]
    public async Task KpiOut_DatabaseInPounds_WorkbookAmountsInPoundsWhateverTheSetting()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var path = database.WriteFile("online_retail.csv", RetailFile);
        var workbook = Path.Combine(database.Directory, "kpi.xlsx");
        Assert.Equal(0, (await CliTestRunner.RunAsync(database, ["import", path, "--format", "online-retail"], settings: Gbp)).ExitCode);

        var result = await CliTestRunner.RunAsync(database, ["kpi", "--from", "2011-07-01", "--to", "2011-10-01", "--out", workbook],
            settings: new Dictionary<string, string?> { ["Business:Currency"] = "EUR" });

        result.AssertSucceeded("Amounts in GBP.");
        using var book = new XLWorkbook(workbook);
        var formats = book.Worksheets.SelectMany(s => s.CellsUsed()).Select(c => c.Style.NumberFormat.Format).Where(f => f.Length > 0).ToList();
        Assert.Contains(formats, f => f.Contains('£', StringComparison.Ordinal));
        Assert.DoesNotContain(formats, f => f.Contains('€', StringComparison.Ordinal));
    }

    [Fact]
    public async Task UndoImport_RemovesTheBatchJsonCounts_ThenAlreadyUndoneOrUnknownExitTwo()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var path = database.WriteFile("online_retail.csv", RetailFile);
        var import = await CliTestRunner.RunAsync(database, ["import", path, "--format", "online-retail", "--json"], settings: Gbp);
        var batchId = JsonDocument.Parse(import.Output).RootElement.GetProperty("batchId").GetInt32().ToString(CultureInfo.InvariantCulture);

        var undo = await CliTestRunner.RunAsync(database, ["undo-import", "--batch", batchId, "--json"]);
        var again = await CliTestRunner.RunAsync(database, ["undo-import", "--batch", batchId]);
        var unknown = await CliTestRunner.RunAsync(database, ["undo-import", "--batch", "4242"]);

        Assert.Equal(0, undo.ExitCode);
        using var json = JsonDocument.Parse(undo.Output);
        Assert.Equal((2, 2, 2), (json.RootElement.GetProperty("orders").GetInt32(), json.RootElement.GetProperty("orderLines").GetInt32(),
            json.RootElement.GetProperty("customers").GetInt32()));
        again.AssertBadInput("already undone");
        unknown.AssertBadInput("4242");
        await using var db = database.CreateContext();
        Assert.Equal((0, 0), (await db.Orders.CountAsync(Token), await db.Customers.CountAsync(Token)));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "import.undo" && a.UserName == "cli:" + Environment.UserName, Token));
    }
}

/// <summary>Every test of <see cref="ImportCurrencyAndUndoVerbTests"/> on PostgreSQL.</summary>
public sealed class ImportCurrencyAndUndoVerbOnPostgresTests : ImportCurrencyAndUndoVerbTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

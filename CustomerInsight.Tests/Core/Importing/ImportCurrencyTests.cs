namespace CustomerInsight.Tests.Core.Importing;

/// <summary>product.md, Money: the database records its currency; an import in another currency is refused, writing nothing.</summary>
public class ImportCurrencyTests() : ImportTestBase(currency: "EUR")
{
    private const string RetailFile = """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
        536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,13047,United Kingdom
        """;

    private const string OrderLinesFile = """
        OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice
        W-1,C-1,2024-03-15 10:00,Web,Sale,P1,Kettle,1,49.90
        """;

    [Fact]
    public async Task ImportAsync_OnlineRetailOnEuroDatabase_RefusedNamingBothCurrencies_NothingWritten()
    {
        var path = Context.WriteFile("retail.csv", RetailFile);

        var report = await Context.ImportAsync(path, ImportFormat.OnlineRetail, Token);

        Assert.False(report.Succeeded);
        var issue = Assert.Single(report.Rejected);
        Assert.Equal(ImportMessages.CurrencyMismatch, issue.Code);
        Assert.Contains("GBP", issue.Text.English(), StringComparison.Ordinal);
        Assert.Contains("EUR", issue.Text.English(), StringComparison.Ordinal);
        Assert.Contains("GBP", issue.Text.French(), StringComparison.Ordinal);
        Assert.Equal("GBP", report.Currency);
        var counts = await Context.CountAsync();
        Assert.Equal((0, 0, 0, 0, 0), counts.Data);
        await using var db = Context.Database.CreateContext();
        var batch = await db.ImportBatches.SingleAsync(Token);
        Assert.Equal((ImportStatus.Rejected, "GBP"), (batch.Status, batch.Currency));
    }

    [Fact]
    public async Task ImportAsync_DeclaredCurrencyIsTheDatabases_ImportsAndRecordsIt()
    {
        var path = Context.WriteFile("retail.csv", RetailFile);

        var report = await Context.Pipeline.ImportAsync(path, "retail.csv", ImportFormat.OnlineRetail, " eur ", "analyst@test", null, Token);

        Assert.True(report.Succeeded);
        Assert.Equal(2, report.Orders.Created);
        await using var db = Context.Database.CreateContext();
        Assert.Equal("EUR", (await db.ImportBatches.SingleAsync(Token)).Currency);
    }

    [Fact]
    public async Task ImportAsync_OtherFormatWithoutCurrency_TakesTheDatabases_DeclaredOtherRefused()
    {
        var path = Context.WriteFile("lines.csv", OrderLinesFile);

        var refused = await Context.Pipeline.ImportAsync(path, "lines.csv", ImportFormat.OrderLines, "USD", "analyst@test", null, Token);
        var imported = await Context.ImportAsync(path, ImportFormat.OrderLines, Token);

        Assert.Equal(ImportMessages.CurrencyMismatch, Assert.Single(refused.Rejected).Code);
        Assert.True(imported.Succeeded);
        Assert.Equal("EUR", imported.Currency);
    }

    [Fact]
    public async Task DatabaseCurrency_RecordedFromTheConfigurationWhenFirstUsed_ThenKeptWhateverTheConfiguration()
    {
        // The context's own currency (EUR) is never read here: the database has none recorded yet.
        var database = Context.Database;
        var first = await new DatabaseCurrency(database.Factory, "GBP").GetAsync(Token);
        var later = new DatabaseCurrency(database.Factory, "EUR");

        Assert.Equal("GBP", first);
        Assert.Equal("GBP", later.Code);
        Assert.Equal("EUR", later.Configured);
        await using var db = database.CreateContext();
        Assert.Equal("GBP", (await db.DatabaseSettings.SingleAsync(s => s.Name == DatabaseSetting.Currency, Token)).Value);
    }

    [Fact]
    public async Task DatabaseCurrency_FirstUsedByFourAtOnce_OneRecorded_AllReadIt()
    {
        var database = Context.Database;
        var currencies = new[] { "GBP", "USD", "CHF", "JPY" }.Select(c => new DatabaseCurrency(database.Factory, c)).ToList();

        var codes = await Task.WhenAll(currencies.Select(c => Task.Run(() => c.GetAsync(Token), Token)));

        await using var db = database.CreateContext();
        var recorded = Assert.Single(await db.DatabaseSettings.Where(s => s.Name == DatabaseSetting.Currency).ToListAsync(Token));
        Assert.Contains(recorded.Value, new[] { "GBP", "USD", "CHF", "JPY" });
        Assert.All(codes, code => Assert.Equal(recorded.Value, code));
    }
}

/// <summary>Every test of <see cref="ImportCurrencyTests"/> on PostgreSQL.</summary>
public sealed class ImportCurrencyOnPostgresTests : ImportCurrencyTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

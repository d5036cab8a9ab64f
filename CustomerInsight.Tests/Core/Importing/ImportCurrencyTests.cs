using CustomerInsight.Core.Data;
using CustomerInsight.Core.Importing;
using CustomerInsight.Tests.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Tests.Core.Importing;

/// <summary>product.md, Money: the database records its currency; an import in another currency is refused, writing nothing.</summary>
public class ImportCurrencyTests
{
    /// <summary>The engine these tests run on; <see cref="ImportCurrencyOnPostgresTests"/> runs them all on PostgreSQL.</summary>
    protected virtual DatabaseEngine Engine => DatabaseEngine.Sqlite;

    private const string RetailFile = """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
        536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,13047,United Kingdom
        """;

    private const string OrderLinesFile = """
        OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice
        W-1,C-1,2024-03-15 10:00,Web,Sale,P1,Kettle,1,49.90
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportAsync_OnlineRetailOnEuroDatabase_RefusedNamingBothCurrencies_NothingWritten()
    {
        await using var context = await ImportTestContext.CreateAsync(currency: "EUR", engine: Engine);
        var path = context.WriteFile("retail.csv", RetailFile);

        var report = await context.ImportAsync(path, ImportFormat.OnlineRetail, Ct);

        Assert.False(report.Succeeded);
        var issue = Assert.Single(report.Rejected);
        Assert.Equal(ImportMessages.CurrencyMismatch, issue.Code);
        Assert.Contains("GBP", issue.Text.English(), StringComparison.Ordinal);
        Assert.Contains("EUR", issue.Text.English(), StringComparison.Ordinal);
        Assert.Contains("GBP", issue.Text.French(), StringComparison.Ordinal);
        Assert.Equal("GBP", report.Currency);
        var counts = await context.CountAsync();
        Assert.Equal((0, 0, 0, 0, 0), counts.Data);
        await using var db = context.Database.CreateContext();
        var batch = await db.ImportBatches.SingleAsync(Ct);
        Assert.Equal((ImportStatus.Rejected, "GBP"), (batch.Status, batch.Currency));
    }

    [Fact]
    public async Task ImportAsync_DeclaredCurrencyIsTheDatabases_ImportsAndRecordsIt()
    {
        await using var context = await ImportTestContext.CreateAsync(currency: "EUR", engine: Engine);
        var path = context.WriteFile("retail.csv", RetailFile);

        var report = await context.Pipeline.ImportAsync(path, "retail.csv", ImportFormat.OnlineRetail, " eur ", "analyst@test", null, Ct);

        Assert.True(report.Succeeded);
        Assert.Equal(2, report.Orders.Created);
        await using var db = context.Database.CreateContext();
        Assert.Equal("EUR", (await db.ImportBatches.SingleAsync(Ct)).Currency);
    }

    [Fact]
    public async Task ImportAsync_OtherFormatWithoutCurrency_TakesTheDatabases_DeclaredOtherRefused()
    {
        await using var context = await ImportTestContext.CreateAsync(currency: "EUR", engine: Engine);
        var path = context.WriteFile("lines.csv", OrderLinesFile);

        var refused = await context.Pipeline.ImportAsync(path, "lines.csv", ImportFormat.OrderLines, "USD", "analyst@test", null, Ct);
        var imported = await context.ImportAsync(path, ImportFormat.OrderLines, Ct);

        Assert.Equal(ImportMessages.CurrencyMismatch, Assert.Single(refused.Rejected).Code);
        Assert.True(imported.Succeeded);
        Assert.Equal("EUR", imported.Currency);
    }

    [Fact]
    public async Task DatabaseCurrency_RecordedFromTheConfigurationWhenFirstUsed_ThenKeptWhateverTheConfiguration()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);

        var first = await new DatabaseCurrency(database.Factory, "GBP").GetAsync(Ct);
        var later = new DatabaseCurrency(database.Factory, "EUR");

        Assert.Equal("GBP", first);
        Assert.Equal("GBP", later.Code);
        Assert.Equal("EUR", later.Configured);
        await using var db = database.CreateContext();
        Assert.Equal("GBP", (await db.DatabaseSettings.SingleAsync(s => s.Name == DatabaseSetting.Currency, Ct)).Value);
    }
}

/// <summary>Every test of <see cref="ImportCurrencyTests"/> on PostgreSQL.</summary>
public sealed class ImportCurrencyOnPostgresTests : ImportCurrencyTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

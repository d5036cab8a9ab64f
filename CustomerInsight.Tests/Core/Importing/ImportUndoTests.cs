namespace CustomerInsight.Tests.Core.Importing;

/// <summary>product.md, undo: an undone import removes what it created, all or nothing, audited; figures return to what they were.</summary>
public class ImportUndoTests : ImportTestBase
{
    private const string RetailFile = """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
        536366,22633,HAND WARMER UNION JACK,6,2010-12-03 08:28:00,1.85,13047,United Kingdom
        536367,22632,HAND WARMER RED POLKA DOT,12,2010-12-05 09:00:00,1.85,17850,United Kingdom
        536368,22960,JAM MAKING SET WITH JARS,2,2010-12-06 09:00:00,4.25,,United Kingdom
        """;

    // Another import: a new customer B-1 (bare), B-2 (then updated by the customers import below) and one more order of 17850.
    private const string OrderLinesFile = """
        OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice
        W-1,B-1,2010-12-04 10:00,Web,Sale,P1,Kettle,1,49.90
        W-2,B-2,2010-12-04 11:00,Store,Sale,P2,Toaster,2,29.50
        W-3,17850,2010-12-07 11:00,Phone,Sale,P3,Mixer,1,99.00
        W-4,B-1,2010-12-08 11:00,Web,Cancellation,P1,Kettle,-1,49.90
        """;

    private const string CustomersFile = """
        CustomerId,FirstName,LastName
        B-2,Pauline,Vincent
        """;

    private const string SurveysFile = """
        ResponseId,CustomerId,OrderId,RespondedAt,RecommendScore
        S-1,,W-3,2010-12-09 10:00,9
        S-2,B-1,,2010-12-09 11:00,3
        """;

    private static readonly DateOnly AnalysisDate = new(2010, 12, 10);
    private static readonly Period December = Period.Range(new DateOnly(2010, 12, 1), new DateOnly(2011, 1, 1));

    private async Task<(SalesKpis Kpis, IReadOnlyList<RfmCustomerScore> Rfm)> FiguresAsync()
    {
        var kpis = await new KpiQueries(Context.Database.Factory).GetSalesKpisAsync(December, null, cancellationToken: Token);
        var rfm = await new RfmQueries(Context.Database.Factory, Options.Create(new RfmOptions())).ScoreAsync(AnalysisDate, Token);
        return (kpis.Current, rfm.Customers);
    }

    [Fact]
    public async Task UndoAsync_FiguresBeforeTheImportEqualFiguresAfterItsUndo_CustomerTouchedByAnotherImportSurvives()
    {
        Assert.True((await Context.ImportAsync(Context.WriteFile("retail.csv", RetailFile), ImportFormat.OnlineRetail, Token)).Succeeded);
        var before = await FiguresAsync();

        var lines = await Context.ImportAsync(Context.WriteFile("lines.csv", OrderLinesFile), ImportFormat.OrderLines, Token);
        Assert.True(lines.Succeeded);
        Assert.True((await Context.ImportAsync(Context.WriteFile("customers.csv", CustomersFile), ImportFormat.Customers, Token)).Succeeded);
        var during = await FiguresAsync();
        Assert.NotEqual(before.Kpis, during.Kpis);

        var result = await Context.Undo.UndoAsync(lines.BatchId!.Value, "analyst@test", cancellationToken: Token);

        Assert.Equal(UndoOutcome.Undone, result.Outcome);
        Assert.Equal((4, 4, 0, 0, 1), (result.Orders, result.OrderLines, result.Responses, result.Consents, result.Customers));
        var after = await FiguresAsync();
        Assert.Equal(before.Kpis, after.Kpis);
        Assert.Equal(before.Rfm, after.Rfm);
        await using var db = Context.Database.CreateContext();
        var customers = await db.Customers.AsNoTracking().OrderBy(c => c.SourceId).Select(c => c.SourceId).ToListAsync(Token);
        // B-1 existed only through the undone import; B-2 was updated by the customers import, 17850 came from the first.
        Assert.Equal(["13047", "17850", "B-2"], customers);
        Assert.Equal("Pauline", (await db.Customers.SingleAsync(c => c.SourceId == "B-2", Token)).FirstName);
        var batch = await db.ImportBatches.SingleAsync(b => b.Id == lines.BatchId, Token);
        Assert.Equal((ImportStatus.Undone, "analyst@test"), (batch.Status, batch.UndoneBy));
        Assert.NotNull(batch.UndoneAtUtc);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == ImportUndo.AuditAction, Token);
        Assert.Equal(($"batch {lines.BatchId}", 9), (audit.Target, audit.RowCount));
    }

    [Fact]
    public async Task UndoAsync_OrdersAnsweredByAnotherImportsSurvey_ResponseStaysWithoutTheLink_ItsCustomerStays()
    {
        await Context.ImportAsync(Context.WriteFile("retail.csv", RetailFile), ImportFormat.OnlineRetail, Token);
        var lines = await Context.ImportAsync(Context.WriteFile("lines.csv", OrderLinesFile), ImportFormat.OrderLines, Token);
        var surveys = await Context.ImportAsync(Context.WriteFile("surveys.csv", SurveysFile), ImportFormat.Surveys, Token);
        Assert.True(surveys.Succeeded);

        var result = await Context.Undo.UndoAsync(lines.BatchId!.Value, "analyst@test", cancellationToken: Token);

        Assert.True(result.Succeeded);
        await using var db = Context.Database.CreateContext();
        var responses = await db.SurveyResponses.AsNoTracking().OrderBy(r => r.SourceId).ToListAsync(Token);
        Assert.Equal(["S-1", "S-2"], responses.Select(r => r.SourceId));
        Assert.All(responses, r => Assert.Null(r.OrderId));
        // B-1 keeps its survey answer, so it stays; B-2 had nothing else (no customers import here) and goes.
        Assert.True(await db.Customers.AnyAsync(c => c.SourceId == "B-1", Token));
        Assert.False(await db.Customers.AnyAsync(c => c.SourceId == "B-2", Token));
    }

    [Fact]
    public async Task UndoAsync_UnknownAlreadyUndoneOrRejected_SaysSoAndChangesNothing()
    {
        var imported = await Context.ImportAsync(Context.WriteFile("retail.csv", RetailFile), ImportFormat.OnlineRetail, Token);
        var rejected = await Context.ImportAsync(Context.WriteFile("bad.csv", "OrderId,CustomerId\nW-1,C-1\n"), ImportFormat.OrderLines, Token);
        Assert.True((await Context.Undo.UndoAsync(imported.BatchId!.Value, "analyst@test", cancellationToken: Token)).Succeeded);
        var counts = await Context.CountAsync();

        Assert.Equal(UndoOutcome.AlreadyUndone,
            (await Context.Undo.UndoAsync(imported.BatchId!.Value, "analyst@test", cancellationToken: Token)).Outcome);
        Assert.Equal(UndoOutcome.NothingToUndo,
            (await Context.Undo.UndoAsync(rejected.BatchId!.Value, "analyst@test", cancellationToken: Token)).Outcome);
        Assert.Equal(UndoOutcome.UnknownBatch, (await Context.Undo.UndoAsync(999, "analyst@test", cancellationToken: Token)).Outcome);
        Assert.Equal(counts, await Context.CountAsync());
        Assert.Equal((0, 0, 0, 0, 0), counts.Data);
    }

    [Fact]
    public async Task UndoAsync_OfAnOlderImport_CachedScoresAreNotServedAgain()
    {
        var rfm = new RfmQueries(Context.Database.Factory, Options.Create(new RfmOptions()));
        var cache = new RfmScoreCache(rfm, Context.Database.Factory, TimeProvider.System);
        var lines = await Context.ImportAsync(Context.WriteFile("lines.csv", OrderLinesFile), ImportFormat.OrderLines, Token);
        // A later import: the highest order id is its own, an undo of the first leaves it unchanged.
        await Context.ImportAsync(Context.WriteFile("retail.csv", RetailFile), ImportFormat.OnlineRetail, Token);
        var cached = await cache.GetAsync(AnalysisDate, Token);
        Assert.Contains(cached.Customers, c => c.CustomerId == 1);

        await Context.Undo.UndoAsync(lines.BatchId!.Value, "analyst@test", cancellationToken: Token);
        var afterUndo = await cache.GetAsync(AnalysisDate, Token);

        Assert.Equal((await rfm.ScoreAsync(AnalysisDate, Token)).Customers, afterUndo.Customers);
        Assert.NotEqual(cached.Customers.Count, afterUndo.Customers.Count);
    }

    [Fact]
    public async Task UndoAsync_KeepsTheCatalogueEntries_ImportingAgainFindsThem_EachLineWithItsCodeAndDescription()
    {
        Assert.True((await Context.ImportAsync(Context.WriteFile("retail.csv", RetailFile), ImportFormat.OnlineRetail, Token)).Succeeded);
        var lines = await Context.ImportAsync(Context.WriteFile("lines.csv", OrderLinesFile), ImportFormat.OrderLines, Token);
        Assert.True(lines.Succeeded);
        var catalogue = await CatalogueAsync();
        // P1 with Kettle twice in the file (a sale and its cancellation): one entry.
        Assert.Equal(["22632|HAND WARMER RED POLKA DOT", "22633|HAND WARMER UNION JACK", "22960|JAM MAKING SET WITH JARS",
            "85123A|WHITE HANGING HEART T-LIGHT HOLDER", "P1|Kettle", "P2|Toaster", "P3|Mixer"], catalogue.Select(c => c.Text));

        Assert.True((await Context.Undo.UndoAsync(lines.BatchId!.Value, "analyst@test", cancellationToken: Token)).Succeeded);
        Assert.Equal(catalogue, await CatalogueAsync());
        Assert.True((await Context.ImportAsync(Context.WriteFile("lines.csv", OrderLinesFile), ImportFormat.OrderLines, Token)).Succeeded);
        Assert.Equal(catalogue, await CatalogueAsync());

        await using var db = Context.Database.CreateContext();
        var written = await db.OrderLines.AsNoTracking().Where(l => l.Order!.Source == "order-lines").OrderBy(l => l.Order!.SourceOrderId)
            .Select(l => new { l.Order!.SourceOrderId, l.Product!.Code, l.Product.Description, l.Quantity }).ToListAsync(Token);
        Assert.Equal(["W-1 P1 Kettle 1", "W-2 P2 Toaster 2", "W-3 P3 Mixer 1", "W-4 P1 Kettle -1"],
            written.Select(l => $"{l.SourceOrderId} {l.Code} {l.Description} {l.Quantity}"));
    }

    /// <summary>The catalogue's entries (id and "code|description"), by code.</summary>
    private async Task<List<(int Id, string Text)>> CatalogueAsync()
    {
        await using var db = Context.Database.CreateContext();
        return [.. (await db.Products.AsNoTracking().Select(p => new { p.Id, p.Code, p.Description }).ToListAsync(Token))
            .Select(p => (p.Id, p.Code + "|" + p.Description)).OrderBy(p => p.Item2, StringComparer.Ordinal)];
    }
}

/// <summary>Every test of <see cref="ImportUndoTests"/> on PostgreSQL.</summary>
public sealed class ImportUndoOnPostgresTests : ImportUndoTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

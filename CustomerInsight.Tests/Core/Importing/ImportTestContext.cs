namespace CustomerInsight.Tests.Core.Importing;

/// <summary>
/// A migrated test database with an import pipeline over it, and helpers to write files and count rows. The database's
/// reporting currency is GBP unless told otherwise: the Online Retail samples are in pounds (their format's default).
/// </summary>
public sealed class ImportTestContext : IAsyncDisposable
{
    private ImportTestContext(TestDatabase database, string currency)
    {
        Database = database;
        Currency = new DatabaseCurrency(database.Factory, currency);
        var auditLog = new AuditLog(database.Factory, TimeProvider.System);
        Pipeline = new ImportPipeline(database.Factory, BusinessCalendar.ForZone("Europe/Paris"),
            auditLog, TimeProvider.System, databaseCurrency: Currency);
        Undo = new ImportUndo(database.Factory, auditLog, TimeProvider.System);
    }

    public TestDatabase Database { get; }
    public DatabaseCurrency Currency { get; }
    public ImportPipeline Pipeline { get; }
    public ImportUndo Undo { get; }

    public static async Task<ImportTestContext> CreateAsync(string currency = "GBP", DatabaseEngine engine = DatabaseEngine.Sqlite) =>
        new(await TestDatabase.CreateAsync(engine), currency);

    /// <summary>A context of <paramref name="engine"/> with the customers and order lines of a generated dataset imported.</summary>
    public static async Task<ImportTestContext> CreateGeneratedAsync(
        CustomerInsight.Core.Importing.Generation.ScaleDatasetOptions options, DatabaseEngine engine, CancellationToken cancellationToken)
    {
        var context = await CreateAsync(engine: engine);
        var dataset = await CustomerInsight.Core.Importing.Generation.ScaleDatasetGenerator.GenerateAsync(
            Path.Combine(context.Database.Directory, "data"), options, cancellationToken);
        Assert.True((await context.ImportAsync(dataset.CustomersFile, ImportFormat.Customers, cancellationToken)).Succeeded);
        Assert.True((await context.ImportAsync(dataset.OrderLinesFile, ImportFormat.OrderLines, cancellationToken)).Succeeded);
        return context;
    }

    public string WriteFile(string name, string content, System.Text.Encoding? encoding = null) => Database.WriteFile(name, content, encoding);

    public string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(Database.Directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public Task<ImportReport> ImportAsync(string path, ImportFormat format, CancellationToken cancellationToken = default) =>
        Pipeline.ImportAsync(path, Path.GetFileName(path), format, "analyst@test", null, cancellationToken);

    /// <summary>Row counts of every data table (and of the batches and audit log).</summary>
    public async Task<TableCounts> CountAsync()
    {
        await using var db = Database.CreateContext();
        return new TableCounts(
            await db.Customers.CountAsync(), await db.Orders.CountAsync(), await db.OrderLines.CountAsync(),
            await db.SurveyResponses.CountAsync(), await db.ConsentRecords.CountAsync(),
            await db.ImportBatches.CountAsync(), await db.AuditEntries.CountAsync());
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

public sealed record TableCounts(int Customers, int Orders, int OrderLines, int Responses, int Consents, int Batches, int AuditEntries)
{
    /// <summary>The customer data only: what a rejected or cancelled import must leave unchanged.</summary>
    public (int, int, int, int, int) Data => (Customers, Orders, OrderLines, Responses, Consents);
}

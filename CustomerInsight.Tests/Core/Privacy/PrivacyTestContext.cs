using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Importing;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Sales;
using CustomerInsight.Tests.Core.Importing;
using Microsoft.Extensions.Options;

namespace CustomerInsight.Tests.Core.Privacy;

/// <summary>
/// A test database filled through the real import with distinctive personal values: customer ERASEME-7781
/// (Zephyrine Quaxbottle, zephyrine.quaxbottle@erase.example, +33 6 99 88 77 66, 75999 Vrombaville) with two
/// orders, a survey comment and consents with proofs; customer KEEP-1 with an order, a comment and a consent.
/// </summary>
internal sealed class PrivacyTestContext : IAsyncDisposable
{
    public const string ErasedId = "ERASEME-7781";
    public const string KeptId = "KEEP-1";

    public static readonly string[] PersonalValues =
        ["ERASEME-7781", "Zephyrine", "Quaxbottle", "zephyrine.quaxbottle@erase.example", "+33 6 99 88 77 66", "75999", "Vrombaville",
         "Quaxbottle ruined my zorblax order", "PROOF-ZQX-4242", "PROOF-ZQX-9191"];

    public const string CustomersCsv = "CustomerId,FirstName,LastName,Email,Phone,PostalCode,City,Country,CreatedAt\n" +
        "ERASEME-7781,Zephyrine,Quaxbottle,zephyrine.quaxbottle@erase.example,+33 6 99 88 77 66,75999,Vrombaville,France,2020-01-10\n" +
        "KEEP-1,Ada,Lovelace,ada@keep.example,+44 20 1234,NW1,London,United Kingdom,2020-02-01\n";

    public const string OrdersCsv = "OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice\n" +
        "O1,ERASEME-7781,2024-03-01 10:00,Web,Sale,P1,Teapot,2,15.50\n" +
        "O2,ERASEME-7781,2024-05-10 10:00,Store,Sale,P2,Cup,4,3.25\n" +
        "O3,KEEP-1,2024-04-01 10:00,Web,Sale,P1,Teapot,1,15.50\n";

    public const string SurveysCsv = "ResponseId,CustomerId,OrderId,RespondedAt,Kind,Channel,RecommendScore,SatisfactionScore,Comment\n" +
        "S1,ERASEME-7781,O1,2024-03-05 10:00,Transactional,Web,3,2,Quaxbottle ruined my zorblax order\n" +
        "S2,KEEP-1,O3,2024-04-05 10:00,Transactional,Web,9,5,Lovely teapot\n";

    public const string ConsentsCsv = "CustomerId,Purpose,Status,RecordedAt,Source,ProofReference\n" +
        "ERASEME-7781,EmailMarketing,Granted,2024-01-10 12:00,web form,PROOF-ZQX-4242\n" +
        "ERASEME-7781,EmailMarketing,Withdrawn,2024-06-10 12:00,unsubscribe link,\n" +
        "ERASEME-7781,SmsMarketing,Granted,2024-01-10 12:00,store,PROOF-ZQX-9191\n" +
        "KEEP-1,EmailMarketing,Granted,2024-01-10 12:00,web form,F-KEEP\n";

    private PrivacyTestContext(ImportTestContext import)
    {
        Import = import;
        var factory = import.Database.Factory;
        Audit = new AuditLog(factory, TimeProvider.System);
        Secrets = new AppSecrets(factory);
        Erasure = new CustomerErasure(factory, Secrets, Audit, TimeProvider.System);
        Purge = new RetentionPurge(factory, Secrets, Audit, TimeProvider.System);
        Commands = new PrivacyCommands(factory, Audit, TimeProvider.System);
        Kpis = new KpiQueries(factory);
        Rfm = new RfmQueries(factory, Options.Create(new RfmOptions()));
        Consents = new ConsentQueries(factory);
        Files = new CustomerFileQueries(factory);
    }

    public ImportTestContext Import { get; }
    public TestDatabaseAccess Database => new(Import.Database);
    public AuditLog Audit { get; }
    public AppSecrets Secrets { get; }
    public CustomerErasure Erasure { get; }
    public RetentionPurge Purge { get; }
    public PrivacyCommands Commands { get; }
    public KpiQueries Kpis { get; }
    public RfmQueries Rfm { get; }
    public ConsentQueries Consents { get; }
    public CustomerFileQueries Files { get; }

    public static async Task<PrivacyTestContext> CreateAsync(CancellationToken cancellationToken, DatabaseEngine engine = DatabaseEngine.Sqlite)
    {
        var context = new PrivacyTestContext(await ImportTestContext.CreateAsync(engine: engine));
        foreach (var report in await context.ImportAllAsync(cancellationToken))
        {
            Assert.True(report.Succeeded, string.Join("; ", report.Rejected.Select(r => r.Text)));
        }
        return context;
    }

    /// <summary>Imports the four files (again): customers, orders, surveys, consents.</summary>
    public async Task<ImportReport[]> ImportAllAsync(CancellationToken cancellationToken) =>
    [
        await Import.ImportAsync(Import.WriteFile("customers.csv", CustomersCsv), ImportFormat.Customers, cancellationToken),
        await Import.ImportAsync(Import.WriteFile("orders.csv", OrdersCsv), ImportFormat.OrderLines, cancellationToken),
        await Import.ImportAsync(Import.WriteFile("surveys.csv", SurveysCsv), ImportFormat.Surveys, cancellationToken),
        await Import.ImportAsync(Import.WriteFile("consents.csv", ConsentsCsv), ImportFormat.Consents, cancellationToken),
    ];

    public ValueTask DisposeAsync() => Import.DisposeAsync();
}

/// <summary>
/// What is left of values in the database: SQLite, the raw bytes of the database file and its WAL; PostgreSQL, a full
/// dump of the database (pg_dump: every row any SQL can reach, audit log included).
/// </summary>
internal readonly struct TestDatabaseAccess(Data.TestDatabase database)
{
    public Data.TestDatabase Database => database;

    /// <summary>Which of <paramref name="values"/> occur (as UTF-8 or UTF-16) in the main file or the -wal file, or in the dump on PostgreSQL.</summary>
    public IReadOnlyList<string> FindInFiles(IEnumerable<string> values)
    {
        var files = database.Engine == DatabaseEngine.Postgres
            ? [System.Text.Encoding.UTF8.GetBytes(Data.PostgresServer.Dump(database.ConnectionString))]
            : new[] { database.FilePath, database.FilePath + "-wal", database.FilePath + "-journal" }
                .Where(File.Exists)
                .Select(File.ReadAllBytes)
                .ToArray();
        return values
            .Where(v => files.Any(bytes =>
                bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(v)) >= 0
                || bytes.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes(v)) >= 0))
            .ToArray();
    }
}

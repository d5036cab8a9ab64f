using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerInsight.Tests.Core.Privacy;

/// <summary>
/// metrics.md *Retention and erasure*: erasure withdraws the consents still granted, leaves nothing of the customer
/// readable in the file (index free space, import reports), and the purge counts the source's activity only.
/// </summary>
public class ErasureRulesTests : EngineTestBase
{
    [Fact]
    public async Task EraseAsync_PurposeStillGranted_WithdrawnAtErasureSoNoLongerReachable()
    {
        await using var context = await PrivacyTestContext.CreateAsync(Token, Engine);
        var id = (await context.Files.GetBySourceIdAsync(PrivacyTestContext.ErasedId, Token))!.Profile.Id;
        var before = await context.Consents.GetHistoryAsync(id, Token);
        // Before: SMS granted (latest record), e-mail already withdrawn by the customer.
        Assert.True(ConsentHistory.IsGranted(before, ConsentPurpose.SmsMarketing, DateTime.UtcNow));
        Assert.False(ConsentHistory.IsGranted(before, ConsentPurpose.EmailMarketing, DateTime.UtcNow));

        await context.Erasure.EraseAsync(id, "admin@test", Token);

        var file = await context.Files.GetAsync(id, Token);
        var erasedAt = file!.Profile.ErasedAtUtc!.Value;
        var history = file.ConsentHistory;
        // One withdrawal appended (SMS, the only purpose still granted), dated at the erasure, source "erasure", no proof.
        Assert.Equal(before.Count + 1, history.Count);
        var withdrawal = history[^1];
        Assert.Equal((ConsentPurpose.SmsMarketing, ConsentStatus.Withdrawn, erasedAt, "erasure", (string?)null),
            (withdrawal.Purpose, withdrawal.Status, withdrawal.RecordedAtUtc, withdrawal.Source, withdrawal.ProofReference));
        // Reachable just before the erasure, never from the erasure on; earlier records stay (without proof).
        Assert.True(ConsentHistory.IsGranted(history, ConsentPurpose.SmsMarketing, erasedAt.AddSeconds(-1)));
        Assert.False(ConsentHistory.IsGranted(history, ConsentPurpose.SmsMarketing, erasedAt));
        Assert.False(ConsentHistory.IsGranted(history, ConsentPurpose.SmsMarketing, erasedAt.AddYears(5)));
        Assert.All(file.Consents, c => Assert.Equal(ConsentStatus.Withdrawn, c.Status));
        Assert.Equal(before.Select(e => (e.Purpose, e.Status, e.RecordedAtUtc)),
            history.Take(before.Count).Select(e => (e.Purpose, e.Status, e.RecordedAtUtc)));
    }

    [Fact]
    public async Task FindAsync_ImportedHistory_LastActivityIsTheSourcesNeverTheImportTime()
    {
        await using var import = await CustomerInsight.Tests.Core.Importing.ImportTestContext.CreateAsync(engine: Engine);
        var factory = import.Database.Factory;
        var purge = new RetentionPurge(factory, new AppSecrets(factory),
            new CustomerInsight.Core.Auditing.AuditLog(factory, TimeProvider.System), TimeProvider.System);
        var recent = DateTime.UtcNow.AddMonths(-2).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        // Online Retail: customers created by their 2011 orders (no creation date in that format).
        Assert.True((await import.ImportAsync(import.WriteFile("retail.csv",
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" +
            "536365,85123A,MUG,6,2011-12-01 08:26:00,2.55,17850,United Kingdom\n" +
            "536366,22633,CUP,6,2011-03-01 08:28:00,1.85,13047,United Kingdom\n" +
            $"536367,22633,CUP,6,{recent},1.85,12583,France\n"), ImportFormat.OnlineRetail, Token)).Succeeded);
        // A customers file: created 2012 by the source and idle; no creation date and no activity; created recently by the source.
        Assert.True((await import.ImportAsync(import.WriteFile("customers.csv",
            "CustomerId,LastName,CreatedAt\n" +
            "OLD-1,Ancien,2012-05-01\n" +
            "NODATE-1,Sansdate,\n" +
            $"NEW-1,Nouveau,{recent[..10]}\n"), ImportFormat.Customers, Token)).Succeeded);

        var candidates = await purge.FindAsync(36, 20, Token);

        await using var db = import.Database.CreateContext();
        var due = await db.Customers.AsNoTracking().Where(c => candidates.Sample.Select(s => s.CustomerId).Contains(c.Id))
            .OrderBy(c => c.SourceId).Select(c => c.SourceId).ToListAsync(Token);
        Assert.Equal(["13047", "17850", "NODATE-1", "OLD-1"], due);
        Assert.Equal(4, candidates.Count);
        var lastActivity = candidates.Sample.ToDictionary(s => s.CustomerId, s => s.LastActivityUtc);
        var ids = await db.Customers.AsNoTracking().ToDictionaryAsync(c => c.SourceId, c => c.Id, Token);
        Assert.Equal(new DateTime(2012, 4, 30, 22, 0, 0), lastActivity[ids["OLD-1"]]);
        Assert.Null(lastActivity[ids["NODATE-1"]]);
        Assert.Equal(2011, lastActivity[ids["17850"]]!.Value.Year);
    }

    [Fact]
    public async Task EraseAsync_RejectedImportReportsQuotingTheCustomer_ValuesGoneFromReportsAndFile()
    {
        await using var import = await CustomerInsight.Tests.Core.Importing.ImportTestContext.CreateAsync(engine: Engine);
        var factory = import.Database.Factory;
        var secrets = new AppSecrets(factory);
        var erasure = new CustomerErasure(factory, secrets,
            new CustomerInsight.Core.Auditing.AuditLog(factory, TimeProvider.System), TimeProvider.System);
        string[] values = ["HX9002", "Anatole", "Ordinaire", "anatole.ordinaire@courrier.example", "0611223344"];
        // Rejected: a customers file without its header row (the row is read as the header), and a name typed into the date column.
        var noHeader = await import.ImportAsync(import.WriteFile("no-header.csv",
            "HX9002,Anatole,Ordinaire,anatole.ordinaire@courrier.example,0611223344,75011,Paris,France,2020-01-01\n" +
            "HX9003,Berthe,Autre,berthe@courrier.example,0611223355,75012,Paris,France,2020-01-01\n"), ImportFormat.Customers, Token);
        var nameInDate = await import.ImportAsync(import.WriteFile("name-in-date.csv",
            "CustomerId,FirstName,LastName,Email,Phone,CreatedAt\n" +
            "HX9002,Anatole,Ordinaire,anatole.ordinaire@courrier.example,0611223344,Ordinaire Anatole\n"), ImportFormat.Customers, Token);
        var good = await import.ImportAsync(import.WriteFile("customers.csv",
            "CustomerId,FirstName,LastName,Email,Phone,CreatedAt\n" +
            "HX9002,Anatole,Ordinaire,anatole.ordinaire@courrier.example,0611223344,2020-01-01\n" +
            "HX9004,Ada,Lovelace,ada@courrier.example,0611223366,2020-01-01\n"), ImportFormat.Customers, Token);
        Assert.False(noHeader.Succeeded);
        Assert.False(nameInDate.Succeeded);
        Assert.True(good.Succeeded);
        string[] reports;
        await using (var db = import.Database.CreateContext())
        {
            // Reports stored by earlier versions quoted the values found ("Columns found: HX9002, Anatole, …"): such a report.
            const string Legacy = """[{"row":1,"column":null,"message":"Columns found: HX9002, Anatole, Ordinaire, """ +
                """anatole.ordinaire@courrier.example, 0611223344","code":"legacy","args":["HX9002","Anatole"]}]""";
            // The engine's JSON function (EF's raw SQL takes {{ for a brace).
            if (Engine == DatabaseEngine.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync(
                    """
                    UPDATE "ImportBatches" SET "ReportJson" = jsonb_set("ReportJson"::jsonb, '{{rejected}}', CAST({0} AS jsonb))::text
                    WHERE "Status" = 1 AND "FileName" = 'no-header.csv'
                    """,
                    [Legacy], Token);
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync(
                    """
                    UPDATE "ImportBatches" SET "ReportJson" = json_set("ReportJson", '$.rejected', json({0}))
                    WHERE "Status" = 1 AND "FileName" = 'no-header.csv'
                    """,
                    [Legacy], Token);
            }
            reports = await db.ImportBatches.AsNoTracking().Where(b =>
                b.Status == ImportStatus.Rejected).Select(b => b.ReportJson!).ToArrayAsync(Token);
        }
        // The reports really quote the customer before: otherwise the check after proves nothing.
        Assert.Contains(reports, r => r.Contains("Anatole", StringComparison.Ordinal));
        Assert.Contains(reports, r => r.Contains("HX9002", StringComparison.Ordinal));

        var result = await erasure.EraseBySourceIdAsync("HX9002", "admin@test", Token);

        Assert.Equal(ErasureOutcome.Erased, result.Outcome);
        await using (var db = import.Database.CreateContext())
        {
            var after = await db.ImportBatches.AsNoTracking().Where(b =>
                b.Status == ImportStatus.Rejected).Select(b => b.ReportJson!).ToArrayAsync(Token);
            Assert.All(after, r => Assert.DoesNotContain(values, v => r.Contains(v, StringComparison.OrdinalIgnoreCase)));
            // Each report keeps its rejected rows and columns (only the quoted values are masked).
            Assert.Equal(reports.Select(RejectedRowsAndColumns), after.Select(RejectedRowsAndColumns));
        }
        Assert.Empty(new TestDatabaseAccess(import.Database).FindInFiles(values));
        Assert.Equal(["Lovelace"], new TestDatabaseAccess(import.Database).FindInFiles(["Lovelace"]));
    }

    private static string RejectedRowsAndColumns(string reportJson)
    {
        using var report = System.Text.Json.JsonDocument.Parse(reportJson);
        return string.Join(";", report.RootElement.GetProperty("rejected").EnumerateArray()
            .Select(r => $"{r.GetProperty("row").GetInt32()}/{r.GetProperty("column")}"));
    }

}

/// <summary>Every test of <see cref="ErasureRulesTests"/> on PostgreSQL.</summary>
public sealed class ErasureRulesOnPostgresTests : ErasureRulesTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

/// <summary>
/// The SQLite-only rules of erasure: the data migration of an older SQLite database, and the bytes of the database file
/// and its WAL (PostgreSQL's counterpart, a dump of the whole database, runs in every erasure test on PostgreSQL).
/// </summary>
public sealed class ErasureRulesOnSqliteFileTests
{
    private const DatabaseEngine Engine = DatabaseEngine.Sqlite;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migration_PrivacyErasureAndRetention_WithdrawsErasedCustomersConsentsAndKeepsOnlySourceCreationDates()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        await using (var db = database.CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_PrivacyErasureAndRetention", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[index - 1], Token);
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "ImportBatches" ("Id", "StartedAtUtc", "UserName", "FileName", "Format", "Status", "RowsRead", "RowsImported",
                    "DuplicateRows", "RejectedRows")
                VALUES (1, '2026-11-30 08:00:00.1234567', 'a', 'retail.csv', 'online-retail', 0, 1, 1, 0, 0);
                INSERT INTO "Customers" ("Id", "SourceId", "Country", "CreatedAtUtc", "ErasedAtUtc") VALUES
                    (1, 'erased-a', 'France', '2020-01-01 00:00:00', '2025-06-01 10:00:00'),
                    (2, 'KEEP', 'France', '2020-01-01 00:00:00', NULL),
                    (3, '17850', 'United Kingdom', '2026-11-30 08:00:00.1234567', NULL);
                INSERT INTO "ConsentRecords" ("CustomerId", "Purpose", "Status", "RecordedAtUtc", "Source") VALUES
                    (1, 0, 0, '2024-01-01 00:00:00', 'web'),
                    (1, 1, 0, '2024-01-01 00:00:00', 'web'),
                    (1, 1, 1, '2024-05-01 00:00:00', 'unsubscribe'),
                    (1, 2, 0, '2024-02-01 00:00:00', 'store'),
                    (1, 2, 1, '2024-02-01 00:00:00', 'store'),
                    (2, 0, 0, '2024-01-01 00:00:00', 'web');
                """, Token);
            await migrator.MigrateAsync(cancellationToken: Token);
        }

        await using var check = database.CreateContext();
        var added = await check.ConsentRecords.AsNoTracking().Where(r => r.Source == "erasure").OrderBy(r => r.Purpose)
            .Select(r => new { r.CustomerId, r.Purpose, r.Status, r.RecordedAtUtc, r.ProofReference }).ToListAsync(Token);
        // Only the erased customer's e-mail purpose was still granted (SMS withdrawn later, phone withdrawn at the same instant).
        Assert.Equal([new { CustomerId = 1, Purpose = ConsentPurpose.EmailMarketing, Status = ConsentStatus.Withdrawn,
            RecordedAtUtc = new DateTime(2025, 6, 1, 10, 0, 0), ProofReference = (string?)null }], added);
        var created = await check.Customers.AsNoTracking().OrderBy(c => c.Id).Select(c => c.SourceCreatedAtUtc).ToListAsync(Token);
        // Customer 3 was stamped with its import's start: not a creation date given by the source.
        Assert.Equal([new DateTime(2020, 1, 1), new DateTime(2020, 1, 1), null], created);
    }

    [Fact]
    public async Task EraseAsync_DatabaseHeldOpenAndIndexPagesRebalanced_FormerValuesNotInFileOrWal()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        var pooled = new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = true }.ToString();
        // Customers inserted in random order: the b-tree pages of the source id and e-mail indexes split and are
        // rebalanced, which leaves moved copies of index cells in the pages' free space.
        // As many as it takes with 16 KiB pages (SqliteProvider.PageSize) for cells to move.
        const int Count = 16_000;
        var random = new Random(20261204);
        var order = Enumerable.Range(1, Count).OrderBy(_ => random.Next()).ToArray();
        await using (var db = database.CreateContext())
        {
            await db.Database.OpenConnectionAsync(Token);
            await using var transaction = await db.Database.BeginTransactionAsync(Token);
            await using var insert = db.Database.GetDbConnection().CreateCommand();
            insert.Transaction = transaction.GetDbTransaction();
            insert.CommandText = """
                INSERT INTO "Customers" ("SourceId", "LastName", "Email", "City", "Country", "CreatedAtUtc")
                VALUES ($id, $name, $email, $city, 'France', '2020-01-01 00:00:00')
                """;
            var parameters = new[] { "$id", "$name", "$email", "$city" }.Select(name =>
                insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
            foreach (var n in order)
            {
                insert.Parameters[0].Value = $"IDX-{n:D6}";
                insert.Parameters[1].Value = $"Name{n:D6}";
                insert.Parameters[2].Value = $"mail{n:D6}@held.example";
                insert.Parameters[3].Value = $"City{n:D6}";
                await insert.ExecuteNonQueryAsync(Token);
            }
            await transaction.CommitAsync(Token);
            await DatabaseProvider.Of(db.Database).TryCheckpointAsync(db, Token);
        }
        var access = new TestDatabaseAccess(database);
        var bytes = await File.ReadAllBytesAsync(database.FilePath, Token);
        // The customer whose source id has the most copies in the file (the row, its index cell, and moved copies).
        var victim = order.Select(n => $"IDX-{n:D6}").MaxBy(id => Occurrences(bytes, id))!;
        Assert.True(Occurrences(bytes, victim) > 2, "no moved copy in the file: the test would prove nothing");
        var suffix = victim[4..];
        string[] values = [victim, $"Name{suffix}", $"mail{suffix}@held.example", $"City{suffix}"];

        // A running app holds the database open: an idle pooled connection that has read from it, and the app's pool.
        await using var held = new SqliteConnection(pooled);
        await held.OpenAsync(Token);
        await using (var read = held.CreateCommand())
        {
            read.CommandText = """SELECT count(*) FROM "Customers";""";
            Assert.Equal((long)Count, await read.ExecuteScalarAsync(Token));
        }
        var appFactory = new PooledFactory(pooled);
        var erasure = new CustomerErasure(appFactory, new AppSecrets(appFactory),
            new CustomerInsight.Core.Auditing.AuditLog(appFactory, TimeProvider.System), TimeProvider.System);

        var result = await erasure.EraseBySourceIdAsync(victim, "admin@test", Token);

        Assert.Equal(ErasureOutcome.Erased, result.Outcome);
        Assert.True(result.Checkpointed);
        Assert.Empty(access.FindInFiles(values));
        var neighbour = $"IDX-{(int.Parse(suffix, System.Globalization.CultureInfo.InvariantCulture) % Count) + 1:D6}";
        Assert.Equal([neighbour], access.FindInFiles([neighbour]));
        SqliteConnection.ClearAllPools();
    }

    private static int Occurrences(byte[] haystack, string value)
    {
        var needle = Encoding.UTF8.GetBytes(value);
        var count = 0;
        for (var span = haystack.AsSpan(); span.IndexOf(needle) is var at and >= 0; span = span[(at + needle.Length)..])
        {
            count++;
        }
        return count;
    }

    private sealed class PooledFactory(string connectionString) : IDbContextFactory<InsightDbContext>
    {
        public InsightDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<InsightDbContext>();
            InsightDatabase.Configure(options, connectionString);
            return new InsightDbContext(options.Options);
        }
    }
}

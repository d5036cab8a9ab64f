namespace CustomerInsight.Tests.Core.Privacy;

/// <summary>Erasure on a real SQLite file filled by the import: bytes on disk, unchanged totals, re-import, audit.</summary>
public class CustomerErasureTests : PrivacyTestBase
{
    private static readonly Period Year2024 = Period.Range(new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1));
    private static readonly DateOnly AnalysisDate = new(2024, 12, 31);

    [Fact]
    public async Task EraseBySourceIdAsync_PersonalDataAndComments_NotFoundInDatabaseFileOrWal()
    {
        await using (var db = Context.Import.Database.CreateContext())
        {
            await DatabaseProvider.Of(db.Database).TryCheckpointAsync(db, Token);
        }
        // The values are really on disk before: otherwise the check after proves nothing.
        Assert.Equal(PrivacyTestContext.PersonalValues, Context.Database.FindInFiles(PrivacyTestContext.PersonalValues));

        var result = await Context.Erasure.EraseBySourceIdAsync(PrivacyTestContext.ErasedId, "admin@test", Token);

        Assert.Equal(ErasureOutcome.Erased, result.Outcome);
        Assert.True(result.Checkpointed);
        Assert.Empty(Context.Database.FindInFiles(PrivacyTestContext.PersonalValues));
        Assert.Equal(["Lovelace", "ada@keep.example", "Lovely teapot", "F-KEEP"],
            Context.Database.FindInFiles(["Lovelace", "ada@keep.example", "Lovely teapot", "F-KEEP"]));
    }

    [Fact]
    public async Task EraseAsync_KpiAndRfmTotals_Unchanged()
    {
        var kpiBefore = await Context.Kpis.GetSalesFactsAsync(Year2024, null, cancellationToken: Token);
        var rfmBefore = await Context.Rfm.GetSummaryAsync(AnalysisDate, Token);
        Assert.Equal(2, rfmBefore.Customers);

        await Context.Erasure.EraseBySourceIdAsync(PrivacyTestContext.ErasedId, "admin@test", Token);

        var kpiAfter = await Context.Kpis.GetSalesFactsAsync(Year2024, null, cancellationToken: Token);
        var rfmAfter = await Context.Rfm.GetSummaryAsync(AnalysisDate, Token);
        Assert.Equal(kpiBefore, kpiAfter);
        Assert.Equal(rfmBefore.Customers, rfmAfter.Customers);
        Assert.Equal(rfmBefore.Monetary, rfmAfter.Monetary);
        Assert.Equal(rfmBefore.Segments, rfmAfter.Segments);
        Assert.Equal(rfmBefore.Cells, rfmAfter.Cells);
    }

    [Fact]
    public async Task EraseAsync_CustomerRow_PseudonymisedWithConsentFactsKeptAndAudited()
    {
        var result = await Context.Erasure.EraseBySourceIdAsync(PrivacyTestContext.ErasedId, "admin@test", Token);

        await using var db = Context.Import.Database.CreateContext();
        var customer = await db.Customers.Include(c => c.Consents).Include(c => c.SurveyResponses).Include(c => c.Orders)
            .SingleAsync(c => c.Id == result.CustomerId, Token);
        Assert.StartsWith("erased-", customer.SourceId, StringComparison.Ordinal);
        Assert.Equal(result.Pseudonym, customer.SourceId);
        Assert.All(new[] { customer.FirstName, customer.LastName, customer.Email, customer.Phone, customer.PostalCode, customer.City }, Assert.Null);
        Assert.Equal("France", customer.Country);
        Assert.NotNull(customer.ErasedAtUtc);
        Assert.Equal(64, customer.ErasedSourceIdHash?.Length);
        Assert.Equal(2, customer.Orders.Count);
        Assert.All(customer.SurveyResponses, r => Assert.Null(r.Comment));
        Assert.Equal([3], customer.SurveyResponses.Select(r => r.RecommendScore));
        // The three imported records, and the withdrawal of SMS (still granted) appended by the erasure.
        Assert.Equal(4, customer.Consents.Count);
        Assert.All(customer.Consents, c => Assert.Null(c.ProofReference));
        Assert.Single(customer.Consents, c => c is { Purpose: ConsentPurpose.SmsMarketing, Status: ConsentStatus.Withdrawn, Source: "erasure" });
        Assert.Contains(customer.Consents, c => c is { Purpose: ConsentPurpose.EmailMarketing, Status: ConsentStatus.Withdrawn });

        var entry = await db.AuditEntries.SingleAsync(a => a.Action == CustomerErasure.AuditAction, Token);
        Assert.Equal("admin@test", entry.UserName);
        Assert.Equal($"customer:{result.CustomerId}", entry.Target);
        Assert.Equal(result.Pseudonym, entry.Details);
    }

    [Fact]
    public async Task ImportAsync_OldFilesAfterErasure_SkipErasedCustomerAndDoNotResurrectIt()
    {
        await Context.Erasure.EraseBySourceIdAsync(PrivacyTestContext.ErasedId, "admin@test", Token);
        var before = await Context.Import.CountAsync();

        var reports = await Context.ImportAllAsync(Token);

        Assert.All(reports, r => Assert.True(r.Succeeded));
        // customers: 1 row; surveys: 1; consents: 3; the old orders are already imported (that check comes first).
        Assert.Equal([1, 0, 1, 3], reports.Select(r => r.Skipped.GetValueOrDefault(ImportMessages.SkipErasedCustomer)));
        Assert.Equal(0, reports[1].Orders.Created);
        var newOrder = await Context.Import.ImportAsync(Context.Import.WriteFile("orders2.csv",
            "OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice\n" +
            "O9,ERASEME-7781,2025-01-01 10:00,Web,Sale,P1,Teapot,1,15.50\n"), ImportFormat.OrderLines, Token);
        Assert.Equal(1, newOrder.Skipped[ImportMessages.SkipErasedCustomer]);
        Assert.Equal(before.Data, (await Context.Import.CountAsync()).Data);
        await using var db = Context.Import.Database.CreateContext();
        Assert.False(await db.Customers.AnyAsync(c => c.SourceId == PrivacyTestContext.ErasedId, Token));
        Assert.False(await db.Customers.AnyAsync(c => c.FirstName == "Zephyrine", Token));
    }

    [Fact]
    public async Task EraseBySourceIdAsync_UnknownOrAlreadyErased_ChangesNothing()
    {
        Assert.Equal(ErasureOutcome.UnknownCustomer, (await Context.Erasure.EraseBySourceIdAsync("NOPE", "admin@test", Token)).Outcome);
        var first = await Context.Erasure.EraseBySourceIdAsync(PrivacyTestContext.ErasedId, "admin@test", Token);

        var again = await Context.Erasure.EraseAsync(first.CustomerId!.Value, "admin@test", Token);

        Assert.Equal(ErasureOutcome.AlreadyErased, again.Outcome);
        Assert.Equal(first.Pseudonym, again.Pseudonym);
        await using var db = Context.Import.Database.CreateContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == CustomerErasure.AuditAction, Token));
    }

    [Fact]
    public async Task CustomerFileJson_ErasedAndKeptCustomers_DocumentedShapeWithoutErasedValues()
    {
        var kept = await Context.Files.GetBySourceIdAsync(PrivacyTestContext.KeptId, Token);
        var erased = await Context.Erasure.EraseBySourceIdAsync(PrivacyTestContext.ErasedId, "admin@test", Token);
        var erasedFile = await Context.Files.GetAsync(erased.CustomerId!.Value, Token);

        using var keptJson =
            System.Text.Json.JsonDocument.Parse(CustomerFileJson.ToBytes(kept!, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        var root = keptJson.RootElement;
        Assert.Equal(CustomerFileJson.Format, root.GetProperty("format").GetString());
        Assert.Equal("2026-01-01T00:00:00Z", root.GetProperty("exportedAtUtc").GetString());
        Assert.Equal("ada@keep.example", root.GetProperty("profile").GetProperty("email").GetString());
        // The profile's fields in their documented order, flat: the record is its PersonalFields.
        Assert.Equal(["id", "sourceId", "firstName", "lastName", "email", "phone", "postalCode", "city", "country", "createdAtUtc",
            "erasedAtUtc"], root.GetProperty("profile").EnumerateObject().Select(p => p.Name));
        Assert.Equal("EmailMarketing", root.GetProperty("consents")[0].GetProperty("purpose").GetString());
        Assert.Equal(15.5m, root.GetProperty("orders")[0].GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal());
        Assert.Equal("Lovely teapot", root.GetProperty("surveyAnswers")[0].GetProperty("comment").GetString());

        var erasedText = System.Text.Encoding.UTF8.GetString(CustomerFileJson.ToBytes(erasedFile!, DateTime.UtcNow));
        Assert.DoesNotContain(PrivacyTestContext.PersonalValues, erasedText.Contains);
        Assert.Contains("\"erasedAtUtc\": \"", erasedText, StringComparison.Ordinal);
    }
}

/// <summary>Every test of <see cref="CustomerErasureTests"/> on PostgreSQL.</summary>
public sealed class CustomerErasureOnPostgresTests : CustomerErasureTests
{
    private static readonly string[] TouchedTables =
        ["Customers", "CustomerMergeSources", "SurveyResponses", "ConsentRecords", "ImportBatches", "AuditEntries"];

    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;

    [Fact]
    public async Task EraseBySourceIdAsync_AfterCommit_VacuumsEveryTableItTouched()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = await VacuumCountsAsync(Context.Import.Database.ConnectionString);

        var result = await Context.Erasure.EraseBySourceIdAsync(PrivacyTestContext.ErasedId, "admin@test", ct);

        Assert.True(result.Checkpointed);
        var after = await VacuumCountsAsync(Context.Import.Database.ConnectionString);
        Assert.All(TouchedTables, table => Assert.True(after[table] > before.GetValueOrDefault(table), $"{table} was not vacuumed"));
    }

    /// <summary>How many times each table was vacuumed (PostgreSQL's statistics, updated by VACUUM itself).</summary>
    private static async Task<Dictionary<string, long>> VacuumCountsAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command =
            new Npgsql.NpgsqlCommand("SELECT relname, vacuum_count FROM pg_stat_user_tables WHERE relname = ANY(@tables)", connection);
        command.Parameters.AddWithValue("tables", TouchedTables);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }
}

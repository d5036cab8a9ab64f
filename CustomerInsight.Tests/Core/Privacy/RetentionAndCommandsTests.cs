namespace CustomerInsight.Tests.Core.Privacy;

/// <summary>Retention purge (dry run vs confirm, cancellation) and the admin commands (rectification, consent change).</summary>
public class RetentionAndCommandsTests : EngineTestBase
{
    [Theory]
    [InlineData(PrivacyTestContext.KeptId)]
    [InlineData(" keep-1 ")]
    [InlineData("ada@keep.example")]
    [InlineData("ADA@Keep.Example")]
    public async Task FindAsync_SourceIdOrEmail_AnyCase_FindsTheCustomer(string term)
    {
        await using var context = await PrivacyTestContext.CreateAsync(Token, Engine);
        var file = await context.Files.FindAsync(term, Token);
        Assert.Equal(PrivacyTestContext.KeptId, file?.Profile.SourceId);
    }

    [Fact]
    public async Task FindAsync_UnknownOrAmbiguous_Null()
    {
        await using var context = await PrivacyTestContext.CreateAsync(Token, Engine);
        await using (var db = context.Import.Database.CreateContext())
        {
            db.Customers.AddRange(
                new Customer { SourceId = "TWIN-1", Email = "twin@example.org", CreatedAtUtc = DateTime.UtcNow },
                new Customer { SourceId = "TWIN-2", Email = "twin@example.org", CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync(Token);
        }
        Assert.Null(await context.Files.FindAsync("nobody@example.org", Token));
        Assert.Null(await context.Files.FindAsync("twin@example.org", Token));
        Assert.Equal("TWIN-2", (await context.Files.FindAsync("twin-2", Token))?.Profile.SourceId);
        Assert.Null(await context.Files.FindAsync("  ", Token));
    }

    [Fact]
    public async Task PurgeAsync_DryRunThenConfirm_SameCountAnonymisedOnlyIdleCustomers()
    {
        await using var context = await PrivacyTestContext.CreateAsync(Token, Engine);
        var now = DateTime.UtcNow;
        await using (var db = context.Import.Database.CreateContext())
        {
            // Idle: created 5 years ago (as the source says), nothing since. Recent consent or recent creation keeps a customer.
            db.Customers.AddRange(
                new Customer { SourceId = "IDLE-1", LastName = "Idleson", CreatedAtUtc = now.AddYears(-5), SourceCreatedAtUtc = now.AddYears(-5) },
                new Customer { SourceId = "IDLE-2", CreatedAtUtc = now.AddYears(-4), SourceCreatedAtUtc = now.AddYears(-4) },
                new Customer { SourceId = "NEW-1", CreatedAtUtc = now.AddDays(-3), SourceCreatedAtUtc = now.AddDays(-3) });
            var recent = new Customer { SourceId = "CONSENT-1", CreatedAtUtc = now.AddYears(-5), SourceCreatedAtUtc = now.AddYears(-5) };
            recent.Consents.Add(new ConsentRecord { Purpose = ConsentPurpose.EmailMarketing, Status =
                ConsentStatus.Withdrawn, RecordedAtUtc = now.AddMonths(-2), Source = "web" });
            db.Customers.Add(recent);
            await db.SaveChangesAsync(Token);
        }

        // 36 months: only the two IDLE customers (the imported ones have 2024 orders and consents, within 36 months of now).
        var dryRun = await context.Purge.FindAsync(36, cancellationToken: Token);
        Assert.Equal(2, dryRun.Count);
        Assert.Equal(2, dryRun.Sample.Count);

        var progress = new List<RetentionProgress>();
        var purged = await context.Purge.PurgeAsync(36, "admin@test", new SynchronousProgress(progress.Add), Token);

        Assert.Equal(dryRun.Count, purged);
        Assert.Equal(new RetentionProgress(2, 2), progress[^1]);
        await using var check = context.Import.Database.CreateContext();
        Assert.Equal(["CONSENT-1", PrivacyTestContext.ErasedId, PrivacyTestContext.KeptId, "NEW-1"],
            await check.Customers.Where(c => c.ErasedAtUtc == null).OrderBy(c => c.SourceId).Select(c => c.SourceId).ToListAsync(Token));
        Assert.False(await check.Customers.AnyAsync(c => c.LastName == "Idleson", Token));
        Assert.Equal(2, (await check.AuditEntries.SingleAsync(a => a.Action == RetentionPurge.AuditAction, Token)).RowCount);
        Assert.Equal(0, (await context.Purge.FindAsync(36, cancellationToken: Token)).Count);
    }

    [Fact]
    public async Task PurgeAsync_Cancelled_RollsBackEverything()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        await using (var db = database.CreateContext())
        {
            db.Customers.AddRange(Enumerable.Range(0, 50).Select(i =>
                new Customer { SourceId = $"OLD-{i}", City = "Oldtown", CreatedAtUtc = DateTime.UtcNow.AddYears(-10) }));
            await db.SaveChangesAsync(Token);
        }
        var audit = new CustomerInsight.Core.Auditing.AuditLog(database.Factory, TimeProvider.System);
        var purge = new RetentionPurge(database.Factory, new CustomerInsight.Core.Data.AppSecrets(database.Factory), audit, TimeProvider.System);
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            purge.PurgeAsync(36, "admin@test", new SynchronousProgress(p => { if (p.Total > 0) { cancel.Cancel(); } }), cancel.Token));

        await using var check = database.CreateContext();
        Assert.Equal(50, await check.Customers.CountAsync(c => c.ErasedAtUtc == null && c.City == "Oldtown", Token));
        Assert.Equal(0, await check.AuditEntries.CountAsync(Token));
    }

    [Fact]
    public async Task RecordConsentAsync_AdminWithdrawal_ChangesReachabilityFromThatInstantAndIsAudited()
    {
        await using var context = await PrivacyTestContext.CreateAsync(Token, Engine);
        var kept = (await context.Files.GetBySourceIdAsync(PrivacyTestContext.KeptId, Token))!.Profile.Id;
        var withdrawnAt = new DateTime(2025, 2, 1, 9, 0, 0, DateTimeKind.Utc);

        var outcome = await context.Commands.RecordConsentAsync(kept,
            new ConsentChange(ConsentPurpose.EmailMarketing, ConsentStatus.Withdrawn, withdrawnAt, "phone call", "CALL-77"), "admin@test", Token);

        Assert.Equal(PrivacyCommandOutcome.Done, outcome);
        Assert.Equal(1, (await context.Consents.CountReachableAsync([kept], withdrawnAt.AddTicks(-1), Token)).Email);
        Assert.Equal(0, (await context.Consents.CountReachableAsync([kept], withdrawnAt, Token)).Email);
        var history = await context.Consents.GetHistoryAsync(kept, Token);
        Assert.Equal(new ConsentEntry(ConsentPurpose.EmailMarketing, ConsentStatus.Withdrawn, withdrawnAt, "phone call", "CALL-77"),
            history[^1] with { RecordedAtUtc = DateTime.SpecifyKind(history[^1].RecordedAtUtc, DateTimeKind.Utc) });
        await using var db = context.Import.Database.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == PrivacyCommands.ConsentAction, Token);
        Assert.Equal($"customer:{kept}", entry.Target);
        Assert.DoesNotContain("CALL-77", entry.Details ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordConsentAsync_ErasedOrBlankSource_Refused()
    {
        await using var context = await PrivacyTestContext.CreateAsync(Token, Engine);
        var kept = (await context.Files.GetBySourceIdAsync(PrivacyTestContext.KeptId, Token))!.Profile.Id;
        var erased = (await context.Erasure.EraseBySourceIdAsync(PrivacyTestContext.ErasedId, "admin@test", Token)).CustomerId!.Value;
        var change = new ConsentChange(ConsentPurpose.SmsMarketing, ConsentStatus.Granted,
            new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), "store", null);

        Assert.Equal(PrivacyCommandOutcome.ErasedCustomer, await context.Commands.RecordConsentAsync(erased, change, "admin@test", Token));
        Assert.Equal(PrivacyCommandOutcome.Invalid,
            await context.Commands.RecordConsentAsync(kept, change with { Source = " " }, "admin@test", Token));
        Assert.Equal(PrivacyCommandOutcome.UnknownCustomer, await context.Commands.RecordConsentAsync(999_999, change, "admin@test", Token));
    }

    [Fact]
    public async Task RectifyAsync_ChangedFields_WrittenAndAuditedByNameOnly()
    {
        await using var context = await PrivacyTestContext.CreateAsync(Token, Engine);
        var kept = (await context.Files.GetBySourceIdAsync(PrivacyTestContext.KeptId, Token))!.Profile.Id;
        var fields = (await context.Commands.GetPersonalFieldsAsync(kept, Token))!;

        var (outcome, changed) =
            await context.Commands.RectifyAsync(kept, fields with { Email = "ada@rectified.example", City = " " }, "admin@test", Token);

        Assert.Equal(PrivacyCommandOutcome.Done, outcome);
        Assert.Equal(["Email", "City"], changed);
        var after = (await context.Commands.GetPersonalFieldsAsync(kept, Token))!;
        Assert.Equal(fields with { Email = "ada@rectified.example", City = null }, after);
        await using var db = context.Import.Database.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == PrivacyCommands.RectifyAction, Token);
        Assert.Equal("Email,City", entry.Details);
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Details != null && a.Details.Contains("rectified"), Token));
    }

    /// <summary>IProgress that reports on the calling thread (Progress&lt;T&gt; posts, so a test could read too early).</summary>
    private sealed class SynchronousProgress(Action<RetentionProgress> report) : IProgress<RetentionProgress>
    {
        public void Report(RetentionProgress value) => report(value);
    }
}

/// <summary>Every test of <see cref="RetentionAndCommandsTests"/> on PostgreSQL.</summary>
public sealed class RetentionAndCommandsOnPostgresTests : RetentionAndCommandsTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

namespace CustomerInsight.Tests.Core.Unify;

/// <summary>
/// Reconciliation on a real SQLite database filled through the real import: <see cref="UnifyTestCustomers.HeleneAndMarc"/>
/// and a near miss (Marie Dupont / Marie Dupond) kept apart.
/// </summary>
public class UnifyCommandsTests : EngineTestBase
{
    private const string CustomersCsv = UnifyTestCustomers.HeleneAndMarc +
        "OTHER-1,Marie,Dupont,marie.dupont@exemple.fr,06 99 99 99 01,75011,Paris,France,2023-03-01\n" +
        "OTHER-2,Marie,Dupond,marie.dupond@exemple.fr,06 99 99 99 02,75012,Paris,France,2023-03-02\n";

    private const string OrdersCsv = "OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice\n" +
        "O1,STORE-1,2025-04-02 10:00,Store,Sale,P1,Four,1,100.00\n" +
        "O2,WEB-1,2025-05-03 10:00,Web,Sale,P2,Bouilloire,1,50.00\n" +
        "O3,STORE-2,2025-04-10 10:00,Store,Sale,P1,Four,1,100.00\n" +
        "O4,WEB-2,2025-05-10 10:00,Web,Sale,P2,Bouilloire,2,50.00\n" +
        "O5,OTHER-1,2025-05-01 10:00,Web,Sale,P2,Bouilloire,1,50.00\n" +
        "O6,OTHER-2,2025-05-02 10:00,Web,Sale,P2,Bouilloire,1,50.00\n";

    private const string SurveysCsv = "ResponseId,CustomerId,OrderId,RespondedAt,Kind,Channel,RecommendScore,SatisfactionScore,Comment\n" +
        "S1,WEB-1,O2,2025-05-05 10:00,Transactional,Web,9,5,Très bien\n";

    private const string ConsentsCsv = "CustomerId,Purpose,Status,RecordedAt,Source,ProofReference\n" +
        "STORE-1,EmailMarketing,Granted,2025-04-02 10:00,magasin,P-1\n" +
        "WEB-1,SmsMarketing,Granted,2025-05-03 10:00,site web,P-2\n";

    private static readonly Period Quarter = Period.Range(new DateOnly(2025, 4, 1), new DateOnly(2025, 7, 1));
    private static readonly DateOnly AnalysisDate = new(2025, 7, 1);

    private sealed record Figures(int RfmCustomers, long ActiveCustomers, long NewCustomers,
        decimal NetRevenue, ConsentReach Reach, int Customers, string Segments);

    private sealed class Context : IAsyncDisposable
    {
        private Context(ImportTestContext import)
        {
            Import = import;
            var factory = import.Database.Factory;
            Audit = new AuditLog(factory, TimeProvider.System);
            Queries = new UnifyQueries(factory);
            Commands = new UnifyCommands(factory, Audit, new DataChangeNotifier(), TimeProvider.System);
        }

        public ImportTestContext Import { get; }
        public IDbContextFactory<InsightDbContext> Factory => Import.Database.Factory;
        public AuditLog Audit { get; }
        public UnifyQueries Queries { get; }
        public UnifyCommands Commands { get; }

        public static async Task<Context> CreateAsync(DatabaseEngine engine, string customers = CustomersCsv)
        {
            var context = new Context(await ImportTestContext.CreateAsync("EUR", engine: engine));
            foreach (var (name, csv, format) in new[]
            {
                ("customers.csv", customers, ImportFormat.Customers), ("orders.csv", OrdersCsv, ImportFormat.OrderLines),
                ("surveys.csv", SurveysCsv, ImportFormat.Surveys), ("consents.csv", ConsentsCsv, ImportFormat.Consents),
            })
            {
                var report = await context.Import.ImportAsync(context.Import.WriteFile(name, csv), format, Token);
                Assert.True(report.Succeeded, string.Join("; ", report.Rejected.Select(r => r.Text)));
            }
            return context;
        }

        public async Task<int> IdOfAsync(string sourceId)
        {
            await using var db = Import.Database.CreateContext();
            return await db.Customers.Where(c => c.SourceId == sourceId).Select(c => c.Id).SingleAsync(Token);
        }

        public async Task<Figures> FiguresAsync()
        {
            var rfm = await new RfmQueries(Factory, Options.Create(new RfmOptions())).ScoreAsync(AnalysisDate, Token);
            var kpis = (await new KpiQueries(Factory).GetSalesKpisAsync(Quarter, null, cancellationToken: Token)).Current;
            var reach = await new ConsentQueries(Factory).CountReachableAsync(rfm.Customers.Select(c => c.CustomerId),
                new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc), Token);
            await using var db = Import.Database.CreateContext();
            var segments = string.Join(",",
                rfm.Customers.OrderBy(c => c.CustomerId).Select(c => $"{c.CustomerId}:{c.Segment}:{c.Frequency}:{c.Monetary}"));
            return new Figures(rfm.Customers.Count, kpis.ActiveCustomers, kpis.NewCustomers,
                kpis.NetRevenue, reach, await db.Customers.CountAsync(Token), segments);
        }

        public async ValueTask DisposeAsync()
    {
        await Import.DisposeAsync();
        GC.SuppressFinalize(this);
    }
    }

    [Fact]
    public async Task FindGroupsAsync_DemoLikeBase_TwoGroupsByTheirRules_NearMissApart()
    {
        await using var context = await Context.CreateAsync(Engine);

        var result = await context.Queries.FindGroupsAsync(Token);

        Assert.Equal(2, result.Groups.Count);
        Assert.Equal(4, result.Customers);
        Assert.Equal(1, result.PairsByRule[MatchRule.Email]);
        Assert.Equal(1, result.PairsByRule[MatchRule.Phone]);
        Assert.Equal(1, result.PairsByRule[MatchRule.NameAndPostalCode]);
        var helene = result.Groups.Single(g => g.CustomerIds.Contains(context.IdOfAsync("STORE-1").Result));
        Assert.Equal([MatchRule.Phone, MatchRule.NameAndPostalCode], helene.Links.Select(l => l.Rule));
    }

    [Fact]
    public async Task MergeAll_ThenUndo_PeopleCountedOnce_FiguresBeforeEqualFiguresAfterUndo()
    {
        await using var context = await Context.CreateAsync(Engine);
        var before = await context.FiguresAsync();
        var versionBefore = await DataVersion.ReadAsync(context.Factory, Token);
        Assert.Equal(6, before.RfmCustomers);
        Assert.Equal(6, before.ActiveCustomers);

        var merged = await context.Commands.MergeAllAsync("analyst@test", Token);

        Assert.Equal((2, 4, 0), (merged.Groups, merged.Customers, merged.Stale));
        var after = await context.FiguresAsync();
        Assert.Equal(4, after.RfmCustomers);
        Assert.Equal(4, after.ActiveCustomers);
        Assert.Equal(4, after.NewCustomers);
        Assert.Equal(4, after.Customers);
        Assert.Equal(before.NetRevenue, after.NetRevenue);
        // Consents were split between the two records of Hélène: once merged she is one person reachable both ways.
        Assert.Equal(new ConsentReach(4, 1, 1, 0), after.Reach);
        var helene = await context.IdOfAsync("STORE-1");
        var reach = await new ConsentQueries(context.Factory).CountReachableAsync([helene],
            new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc), Token);
        Assert.Equal(new ConsentReach(1, 1, 1, 0), reach);
        var versionMerged = await DataVersion.ReadAsync(context.Factory, Token);
        Assert.NotEqual(versionBefore, versionMerged);

        await using (var db = context.Import.Database.CreateContext())
        {
            // Per field, the most recently created record that has a value (web 2025 over store 2023); City only the store had.
            var unified = await db.Customers.SingleAsync(c => c.Id == helene, Token);
            Assert.Equal(("Helene", "Saint Eloi", "helene@exemple.fr", "+33 6 12 34 56 78", "Lyon"),
                (unified.FirstName, unified.LastName, unified.Email, unified.Phone, unified.City));
            Assert.Equal(2, await db.Orders.CountAsync(o => o.CustomerId == helene, Token));
            Assert.Equal(1, await db.SurveyResponses.CountAsync(r => r.CustomerId == helene, Token));
            Assert.Equal(2, await db.ConsentRecords.CountAsync(r => r.CustomerId == helene, Token));
            Assert.Equal(UnifyCommands.MergeAuditAction, (await db.AuditEntries.OrderBy(a => a.Id).LastAsync(Token)).Action);
        }
        var sources = await context.Queries.SourcesOfAsync(helene, Token);
        Assert.Equal(["STORE-1", "WEB-1"], sources.Select(s => s.SourceId));

        foreach (var mergeId in merged.MergeIds.Reverse())
        {
            Assert.Equal(MergeUndoOutcome.Undone, (await context.Commands.UndoAsync(mergeId, "analyst@test", Token)).Outcome);
        }

        Assert.Equal(before, await context.FiguresAsync());
        Assert.NotEqual(versionMerged, await DataVersion.ReadAsync(context.Factory, Token));
        await using (var db = context.Import.Database.CreateContext())
        {
            var web = await db.Customers.SingleAsync(c => c.SourceId == "WEB-1", Token);
            Assert.Equal(("Helene", null, "2025-05-03"),
                (web.FirstName, web.City,
                (await db.Orders.SingleAsync(o => o.CustomerId == web.Id, Token)).BusinessDate.ToString("yyyy-MM-dd",
                System.Globalization.CultureInfo.InvariantCulture)));
            var restored = await db.Customers.Where(c => c.Id == helene).Select(c => new { c.FirstName, c.Email }).SingleAsync(Token);
            Assert.Equal(("Hélène", (string?)null), (restored.FirstName, restored.Email));
            Assert.Equal(UnifyCommands.UndoAuditAction, (await db.AuditEntries.OrderBy(a => a.Id).LastAsync(Token)).Action);
        }
        Assert.Empty(await context.Queries.SourcesOfAsync(helene, Token));
        Assert.Equal(MergeUndoOutcome.AlreadyUndone, (await context.Commands.UndoAsync(merged.MergeIds[0], "analyst@test", Token)).Outcome);
    }

    [Fact]
    public async Task MergeAsync_OneGroup_OthersLeftAlone_StaleGroupRefused()
    {
        await using var context = await Context.CreateAsync(Engine);
        var groups = (await context.Queries.FindGroupsAsync(Token)).Groups;

        var merged = await context.Commands.MergeAsync([groups[1].CustomerIds, [groups[0].CustomerIds[0], 999]], "analyst@test", Token);

        Assert.Equal((1, 2, 1), (merged.Groups, merged.Customers, merged.Stale));
        var left = await context.Queries.FindGroupsAsync(Token);
        Assert.Equal(groups[0].CustomerIds, Assert.Single(left.Groups).CustomerIds);
    }

    [Fact]
    public async Task Import_AfterMerge_MergedSourceIdLandsOnTheUnifiedCustomer()
    {
        await using var context = await Context.CreateAsync(Engine);
        await context.Commands.MergeAllAsync("analyst@test", Token);
        var helene = await context.IdOfAsync("STORE-1");

        var report = await context.Import.ImportAsync(context.Import.WriteFile("later.csv",
            "OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice\n" +
            "O7,WEB-1,2025-06-03 10:00,Web,Sale,P2,Bouilloire,1,50.00\n"), ImportFormat.OrderLines, Token);
        var update = await context.Import.ImportAsync(context.Import.WriteFile("update.csv",
            "CustomerId,City\nWEB-1,Villeurbanne\n"), ImportFormat.Customers, Token);

        Assert.True(report.Succeeded && update.Succeeded);
        await using var db = context.Import.Database.CreateContext();
        Assert.Equal(4, await db.Customers.CountAsync(Token));
        Assert.Equal(helene, await db.Orders.Where(o => o.SourceOrderId == "O7").Select(o => o.CustomerId).SingleAsync(Token));
        Assert.Equal("Villeurbanne", await db.Customers.Where(c => c.Id == helene).Select(c => c.City).SingleAsync(Token));
    }

    [Fact]
    public async Task Erase_UnifiedCustomer_ErasesEverySourceRecord_AndAnOldFileStaysOut()
    {
        await using var context = await Context.CreateAsync(Engine);
        var merged = await context.Commands.MergeAllAsync("analyst@test", Token);
        var helene = await context.IdOfAsync("STORE-1");
        var erasure = new CustomerErasure(context.Factory, new AppSecrets(context.Factory), context.Audit, TimeProvider.System);

        Assert.Equal(ErasureOutcome.Erased, (await erasure.EraseAsync(helene, "admin@test", Token)).Outcome);

        await using (var db = context.Import.Database.CreateContext())
        {
            var sources = await db.CustomerMergeSources.Where(s => s.Merge!.CustomerId == helene).ToListAsync(Token);
            Assert.Equal(2, sources.Count);
            Assert.All(sources, s =>
            {
                Assert.Null(s.FirstName ?? s.LastName ?? s.Email ?? s.Phone ?? s.PostalCode ?? s.City);
                Assert.StartsWith("erased-", s.SourceId, StringComparison.Ordinal);
                Assert.NotNull(s.ErasedSourceIdHash);
            });
        }
        var helenesMerge = merged.MergeIds.Single(id =>
            context.Queries.HistoryAsync(10, Token).Result.Single(h => h.MergeId == id).CustomerId == helene);
        Assert.Equal(MergeUndoOutcome.Erased, (await context.Commands.UndoAsync(helenesMerge, "analyst@test", Token)).Outcome);

        var old = await context.Import.ImportAsync(context.Import.WriteFile("old.csv", CustomersCsv), ImportFormat.Customers, Token);
        Assert.True(old.Succeeded);
        Assert.Equal(2, old.Skipped[ImportMessages.SkipErasedCustomer]);
        Assert.Equal(0, old.Customers.Created);
    }

    [Fact]
    public async Task EraseBySourceId_OfAMergedRecord_ErasesTheUnifiedCustomer()
    {
        await using var context = await Context.CreateAsync(Engine);
        await context.Commands.MergeAllAsync("analyst@test", Token);
        var helene = await context.IdOfAsync("STORE-1");
        var erasure = new CustomerErasure(context.Factory, new AppSecrets(context.Factory), context.Audit, TimeProvider.System);

        var result = await erasure.EraseBySourceIdAsync("WEB-1", "admin@test", Token);

        Assert.Equal((ErasureOutcome.Erased, (int?)helene), (result.Outcome, result.CustomerId));
        Assert.Equal(ErasureOutcome.UnknownCustomer, (await erasure.EraseBySourceIdAsync("NOBODY", "admin@test", Token)).Outcome);
    }

    [Fact]
    public async Task Retention_LooksAtTheGroupsLastActivity()
    {
        // An old store card without any activity, and the same person's recent web account.
        var customers = CustomersCsv + "CARD-9,Jeanne,Moreau,,0611223344,44000,Nantes,France,2019-01-01\n" +
            "WEB-9,Jeanne,Moreau,jeanne@exemple.fr,+33 6 11 22 33 44,44000,Nantes,France,2026-06-01\n";
        await using var context = await Context.CreateAsync(Engine, customers);
        var purge = new RetentionPurge(context.Factory, new AppSecrets(context.Factory), context.Audit, TimeProvider.System);
        var card = await context.IdOfAsync("CARD-9");
        var dueBefore = await purge.FindAsync(36, 100, Token);
        Assert.Contains(dueBefore.Sample, s => s.CustomerId == card);

        await context.Commands.MergeAllAsync("analyst@test", Token);

        var dueAfter = await purge.FindAsync(36, 100, Token);
        Assert.DoesNotContain(dueAfter.Sample, s => s.CustomerId == card);
        Assert.Equal(dueBefore.Count - 1, dueAfter.Count);
    }
}

/// <summary>Every test of <see cref="UnifyCommandsTests"/> on PostgreSQL.</summary>
public sealed class UnifyCommandsOnPostgresTests : UnifyCommandsTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

namespace CustomerInsight.Tests.Core.Segments;

/// <summary>
/// Custom segmentations over four customers imported through the real pipeline into a real SQLite file:
/// C1 (France, three web orders, 1,200, e-mail granted), C2 (France, one store order, 900, e-mail granted then withdrawn),
/// C3 (Belgique, one phone order, 30, e-mail granted), C4 (France, two web orders, 50, no consent). Analysis date 2026-03-11.
/// </summary>
public class SegmentationQueriesTests : EngineTestBase, IAsyncLifetime
{
    private const string Customers = "CustomerId,FirstName,LastName,Email,Phone,PostalCode,City,Country,CreatedAt\n" +
        "C1,Ada,Lovelace,ada@example.org,,75001,Paris,France,2024-01-01\n" +
        "C2,Blaise,Pascal,blaise@example.org,,63000,Clermont,France,2024-01-01\n" +
        "C3,Cécile,Dupont,cecile@example.org,,1000,Bruxelles,Belgique,2024-01-01\n" +
        "C4,Denis,Diderot,denis@example.org,,52200,Langres,France,2024-01-01\n";

    private const string OrderLines = "OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice\n" +
        "O1,C1,2025-06-01,Web,Sale,P1,Four,1,500\n" +
        "O2,C1,2026-02-01,Web,Sale,P2,Filtre,1,100\n" +
        "O3,C1,2026-03-01,Web,Sale,P3,Lave-linge,1,600\n" +
        "O4,C2,2026-03-08,Store,Sale,P4,Frigo,1,900\n" +
        "O5,C3,2025-01-10,Phone,Sale,P5,Bouilloire,1,30\n" +
        "O6,C4,2025-11-10,Web,Sale,P6,Ampoule,1,20\n" +
        "O7,C4,2026-03-10,Web,Sale,P7,Ampoule,1,30\n";

    private const string Consents = "CustomerId,Purpose,Status,RecordedAt,Source,ProofReference\n" +
        "C1,EmailMarketing,Granted,2024-01-10 12:00,web form,F1\n" +
        "C2,EmailMarketing,Granted,2024-01-10 12:00,web form,F2\n" +
        "C2,EmailMarketing,Withdrawn,2025-06-10 12:00,unsubscribe link,\n" +
        "C3,EmailMarketing,Granted,2024-01-10 12:00,store,F3\n";

    private static readonly DateOnly Date = new(2026, 3, 11);

    private ImportTestContext context = null!;
    private SegmentationQueries queries = null!;
    private AudienceExport audience = null!;

    internal static SegmentationDefinition TwoProfiles(params SegmentCondition[] extraForBigSpenders) => new([
        new SegmentDefinition("", "Gros acheteurs", RuleMatch.All,
            [new SegmentRuleGroup(RuleMatch.All,
                [new SegmentCondition(SegmentField.Monetary, RuleOperator.GreaterOrEqual, "500"), .. extraForBigSpenders])]),
        new SegmentDefinition("", "Fidèles web", RuleMatch.All,
            [new SegmentRuleGroup(RuleMatch.All,
                [new SegmentCondition(SegmentField.Orders, RuleOperator.GreaterOrEqual, "2"),
                new SegmentCondition(SegmentField.Channel, RuleOperator.Equal, "Web")])]),
    ]);

    /// <summary>"Deux profils" on RFM alone: "Récents" (R score 4 or 5), then "Fidèles" (2 orders or more) of the others.</summary>
    internal static SegmentationDefinition RecentThenRegulars() => new([
        new SegmentDefinition("", "Récents", RuleMatch.All,
            [new SegmentRuleGroup(RuleMatch.All, [new SegmentCondition(SegmentField.RecencyScore, RuleOperator.GreaterOrEqual, "4")])]),
        new SegmentDefinition("", "Fidèles", RuleMatch.All,
            [new SegmentRuleGroup(RuleMatch.All, [new SegmentCondition(SegmentField.Orders, RuleOperator.GreaterOrEqual, "2")])]),
    ]);

    public async ValueTask InitializeAsync()
    {
        context = await ImportTestContext.CreateAsync("EUR", engine: Engine);
        Assert.Equal(4, (await context.ImportAsync(context.WriteFile("customers.csv", Customers), ImportFormat.Customers, Token)).RowsImported);
        Assert.Equal(7, (await context.ImportAsync(context.WriteFile("orders.csv", OrderLines), ImportFormat.OrderLines, Token)).RowsImported);
        Assert.Equal(4, (await context.ImportAsync(context.WriteFile("consents.csv", Consents), ImportFormat.Consents, Token)).RowsImported);
        var factory = context.Database.Factory;
        var calendar = BusinessCalendar.ForZone("Europe/Paris");
        var audit = new AuditLog(factory, TimeProvider.System);
        var consents = new ConsentQueries(factory);
        queries = new SegmentationQueries(factory,
            new RfmScoreCache(new RfmQueries(factory, Options.Create(new RfmOptions())), factory, TimeProvider.System),
            consents, calendar, audit, TimeProvider.System);
        audience = new AudienceExport(queries, consents, new CustomerFileQueries(factory), new AppSecrets(factory), audit,
            CoreTexts.Settings("Test", "EUR", calendar.Zone), TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        await context.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task SaveAsync_TwoProfilesThenRefined_TwoVersionsWithWhoWhenWhy()
    {
        var first = await queries.SaveAsync(null, "Deux profils", TwoProfiles(), 0, "Premier découpage", "analyste@demo.local", Token);
        Assert.Equal(("deux-profils", 1), (first.Key, first.Version));

        var saved = await queries.GetVersionAsync("deux-profils", cancellationToken: Token);
        Assert.Equal(["gros-acheteurs", "fideles-web"], saved!.Definition.Segments.Select(s => s.Key));

        // The second version keeps the segments' keys and narrows the big spenders to those reachable by e-mail.
        var refined = new SegmentationDefinition([
            saved.Definition.Segments[0] with { Groups =
                [new SegmentRuleGroup(RuleMatch.All,
                [.. saved.Definition.Segments[0].Groups[0].Conditions,
                new SegmentCondition(SegmentField.Consent, RuleOperator.Equal, "EmailMarketing")])] },
            saved.Definition.Segments[1],
        ]);
        var second = await queries.SaveAsync("deux-profils", "Deux profils", refined, 1, "Seulement les joignables", "analyste@demo.local", Token);
        Assert.Equal(2, second.Version);

        var versions = await queries.GetVersionsAsync("deux-profils", Token);
        Assert.Equal([2, 1], versions.Select(v => v.Number));
        Assert.Equal(["Seulement les joignables", "Premier découpage"], versions.Select(v => v.Reason));
        Assert.All(versions, v => Assert.Equal("analyste@demo.local", v.SavedBy));

        var v1 = await queries.GetMembersAsync(new SegmentRef("deux-profils", "gros-acheteurs"), Date, 1, Token);
        var v2 = await queries.GetMembersAsync(new SegmentRef("deux-profils", "gros-acheteurs"), Date, cancellationToken: Token);
        Assert.Equal(2, (await IdsOf("C1", "C2")).Length);
        Assert.Equal(await IdsOf("C1", "C2"), v1!.CustomerIds);
        Assert.Equal(await IdsOf("C1"), v2!.CustomerIds);
        Assert.Equal((2, "Deux profils", "Gros acheteurs"), (v2.Version, v2.SegmentationName, v2.SegmentName));

        await using var db = context.Database.CreateContext();
        var audits = await db.AuditEntries.Where(a => a.Action == SegmentationQueries.SaveAuditAction).OrderBy(a =>
            a.Id).Select(a => a.Target).ToListAsync(Token);
        Assert.Equal(["segmentation:deux-profils:v1", "segmentation:deux-profils:v2"], audits);
    }

    [Fact]
    public async Task SaveAsync_StaleVersionOrMissingReason_NothingSaved()
    {
        Assert.True((await queries.SaveAsync(null, "Deux profils", TwoProfiles(), 0, "v1", "a@x", Token)).Saved);

        var stale = await queries.SaveAsync("deux-profils", "Deux profils", TwoProfiles(), 0, "again", "b@x", Token);
        var noReason = await queries.SaveAsync("deux-profils", "Deux profils", TwoProfiles(), 1, " ", "b@x", Token);

        Assert.Equal(SegmentError.Conflict, Assert.Single(stale.Errors).Code);
        Assert.Equal(SegmentError.ReasonRequired, Assert.Single(noReason.Errors).Code);
        Assert.Single(await queries.GetVersionsAsync("deux-profils", Token));
    }

    [Fact]
    public async Task GetMigrationAsync_SameVersionAtBothDates_MovesAndNewCustomers()
    {
        await queries.SaveAsync(null, "Deux profils", TwoProfiles(), 0, "v1", "a@x", Token);

        var migration = await queries.GetMigrationAsync("deux-profils", 1, new DateOnly(2026, 2, 15), Date, Token);

        // Index 0: no segment; 1: Gros acheteurs; 2: Fidèles web. At 2026-02-15: C1 big spender (600), C3 and C4 in none, C2 not yet a customer.
        Assert.Equal(["Gros acheteurs", "Fidèles web"], migration!.Segments);
        Assert.Equal(1, migration.Counts[1][1]); // C1 stays
        Assert.Equal(1, migration.Counts[0][0]); // C3 stays in none
        Assert.Equal(1, migration.Counts[0][2]); // C4 becomes a web regular
        Assert.Equal(3, migration.Counts.Sum(r => r.Sum()));
        Assert.Equal([0, 1, 0], migration.NewCustomers); // C2's first order is on 2026-03-08
        Assert.Equal(1, migration.Version);
        Assert.Null(await queries.GetMigrationAsync("deux-profils", 7, new DateOnly(2026, 2, 15), Date, Token));
    }

    [Fact]
    public async Task CountAsync_LiveCountOfAnUnsavedDraft()
    {
        var counts = await queries.CountAsync(TwoProfiles(), Date, Token);

        Assert.Equal(4, counts.Customers);
        Assert.Equal([2, 1], counts.Segments.Select(s => s.Customers)); // C1, C2 | C4
        Assert.Equal(1, counts.Unassigned);                             // C3

        var belgians = new SegmentationDefinition([new SegmentDefinition("", "Belges", RuleMatch.All,
            [new SegmentRuleGroup(RuleMatch.Any,
                [new SegmentCondition(SegmentField.Country, RuleOperator.Equal, "belgique"),
                new SegmentCondition(SegmentField.Channel, RuleOperator.Equal, "Store")])])]);
        Assert.Equal(2, (await queries.CountAsync(belgians, Date, Token)).Segments[0].Customers); // C3 by country, C2 by channel
    }

    [Fact]
    public async Task AudienceExport_OnlyConsentGrantedToday_PseudonymousKeys_Audited()
    {
        await queries.SaveAsync(null, "Deux profils", TwoProfiles(), 0, "v1", "analyste@demo.local", Token);
        using var output = new MemoryStream();

        var result = await audience.WriteAsync(output, new SegmentRef("deux-profils", "gros-acheteurs"),
            ConsentPurpose.EmailMarketing, AudienceFormat.Xlsx,
            new ReportRequester("analyste@demo.local", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), Token);

        // C1 and C2 are in the segment; C2 withdrew e-mail consent: only C1.
        Assert.Equal(1, result!.Rows);
        output.Position = 0;
        using var workbook = new XLWorkbook(output);
        var sheet = workbook.Worksheet(1);
        var used = sheet.RangeUsed()!.CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains(used, t => t.Contains("Deux profils (v1)", StringComparison.Ordinal));
        Assert.DoesNotContain(used, t => t.Contains("ada@example.org", StringComparison.Ordinal) || t == "C1");
        Assert.Equal(1, sheet.Column(1).CellsUsed().Count(c => c.GetString().Length == 20 && c.GetString().All(Uri.IsHexDigit)));

        await using var db = context.Database.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == AudienceExport.AuditAction, Token);
        Assert.Equal("segment:deux-profils.gros-acheteurs:v1", entry.Target);
        Assert.Contains("purpose=EmailMarketing", entry.Details, StringComparison.Ordinal);
        Assert.Contains("version=1", entry.Details, StringComparison.Ordinal);
        Assert.Equal(1, entry.RowCount);
    }

    [Fact]
    public async Task AudienceExport_CsvWithIdentities_ForAnAdminWhoAsked()
    {
        await queries.SaveAsync(null, "Deux profils", TwoProfiles(), 0, "v1", "analyste@demo.local", Token);
        using var output = new MemoryStream();

        var result = await audience.WriteAsync(output, new SegmentRef("deux-profils", "fideles-web"),
            ConsentPurpose.EmailMarketing, AudienceFormat.Csv,
            new ReportRequester("admin@demo.local", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), IncludePersonalData: true), Token);
        var none = await audience.WriteAsync(new MemoryStream(),
            new SegmentRef("deux-profils", "gros-acheteurs"), ConsentPurpose.SmsMarketing, AudienceFormat.Csv,
            new ReportRequester("admin@demo.local", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), IncludePersonalData: true), Token);
        var missing = await audience.WriteAsync(new MemoryStream(),
            new SegmentRef("deux-profils", "nope"), ConsentPurpose.SmsMarketing, AudienceFormat.Csv,
            new ReportRequester("admin@demo.local", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), Token);

        // C4 is the only web regular and has no consent: a header and no row.
        Assert.Equal(0, result!.Rows);
        Assert.Equal("customer_key,source_id,first_name,last_name,email,phone,postal_code,city,country",
            System.Text.Encoding.UTF8.GetString(output.ToArray()).TrimEnd());
        Assert.Equal(0, none!.Rows);
        Assert.Null(missing);
        Assert.EndsWith(".csv", result.FileName, StringComparison.Ordinal);
        Assert.Contains("deux-profils-v1-fideles-web-emailmarketing", result.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMembersAsync_EvaluatedOncePerVersionDateAndData()
    {
        await queries.SaveAsync(null, "Deux profils", TwoProfiles(), 0, "Premier découpage", "analyste@demo.local", Token);
        var bigSpenders = new SegmentRef("deux-profils", "gros-acheteurs");

        var first = await queries.GetMembersAsync(bigSpenders, Date, cancellationToken: Token);
        var again = await queries.GetMembersAsync(bigSpenders, Date, cancellationToken: Token);
        Assert.Equal(await IdsOf("C1", "C2"), first!.CustomerIds);
        Assert.Same(first.CustomerIds, again!.CustomerIds);
        Assert.NotSame(first.CustomerIds, (await queries.GetMembersAsync(bigSpenders, Date.AddDays(-1), cancellationToken: Token))!.CustomerIds);

        // An import is new data: C3's large order places it among the big spenders at once.
        var more = OrderLines[..OrderLines.IndexOf('\n', StringComparison.Ordinal)] + "\nO9,C3,2026-03-09,Web,Sale,P9,Canapé,1,600\n";
        Assert.Equal(1, (await context.ImportAsync(context.WriteFile("more.csv", more), ImportFormat.OrderLines, Token)).RowsImported);
        Assert.Equal(await IdsOf("C1", "C2", "C3"), (await queries.GetMembersAsync(bigSpenders, Date, cancellationToken: Token))!.CustomerIds);
    }

    [Fact]
    public async Task GetFactsAsync_FromTheNodesSnapshot_TheFactsReadInSql()
    {
        // C3 also buys on the web the day before the analysis date: two channels at that date, the phone alone on the day before.
        var more = OrderLines[..OrderLines.IndexOf('\n', StringComparison.Ordinal)] + "\nO8,C3,2026-03-10,Web,Sale,P8,Tasse,1,10\n";
        Assert.Equal(1, (await context.ImportAsync(context.WriteFile("more.csv", more), ImportFormat.OrderLines, Token)).RowsImported);
        var factory = context.Database.Factory;
        var versions = new CurrentDataVersion(factory, new DataChangeNotifier(), TimeProvider.System);
        var store = new CustomerActivityStore(factory, versions);
        var fromSnapshot = new SegmentationQueries(factory,
            new RfmScoreCache(new RfmQueries(factory, Options.Create(new RfmOptions()), store), factory, TimeProvider.System),
            new ConsentQueries(factory, store), BusinessCalendar.ForZone("Europe/Paris"), new AuditLog(factory, TimeProvider.System),
            TimeProvider.System, activity: store);
        var c3 = Assert.Single(await IdsOf("C3"));

        foreach (var (date, c3Channels) in new[]
        {
            (Date, Channel.Phone.Bit() | Channel.Web.Bit()),
            (Date.AddDays(-1), Channel.Phone.Bit()),
        })
        {
            var inSql = await queries.GetFactsAsync(date, Token);
            var fromNode = await fromSnapshot.GetFactsAsync(date, Token);
            Assert.Equal(inSql, fromNode);
            Assert.Equal(c3Channels, fromNode.Single(f => f.Score.CustomerId == c3).Channels);
        }
        Assert.Equal(1, store.Loads);
    }

    [Fact]
    public async Task GetFactsAsync_ForADefinition_ReadsOnlyTheFactsItsRulesLookAt()
    {
        var byCountry = new SegmentationDefinition([new SegmentDefinition("belges", "Belges", RuleMatch.All,
            [new SegmentRuleGroup(RuleMatch.All, [new SegmentCondition(SegmentField.Country, RuleOperator.Equal, "belgique")])])]);
        Assert.Equal(FactParts.Country, SegmentationQueries.Needs(byCountry));
        Assert.Equal(FactParts.None, SegmentationQueries.Needs(RecentThenRegulars()));
        Assert.Equal(FactParts.Channels | FactParts.Consents,
            SegmentationQueries.Needs(TwoProfiles(new SegmentCondition(SegmentField.Consent, RuleOperator.Equal, "EmailMarketing"))));
        var c3 = Assert.Single(await IdsOf("C3"));

        var all = await queries.GetFactsAsync(Date, Token);
        var withCountry = await queries.GetFactsAsync(Date, byCountry, Token);
        var rfmOnly = await queries.GetFactsAsync(Date, RecentThenRegulars(), Token);

        // C3 bought by phone and granted e-mail: read for every fact, left out where the rules do not look.
        Assert.Equal(("Belgique", Channel.Phone.Bit(), CustomerSegmentFacts.ConsentBit(ConsentPurpose.EmailMarketing)),
            all.Where(f => f.CustomerId == c3).Select(f => (f.Country, f.Channels, f.Consents)).Single());
        Assert.Equal(all.Select(f => f.Country), withCountry.Select(f => f.Country));
        Assert.All(withCountry, f => Assert.Equal((0, 0), (f.Channels, f.Consents)));
        Assert.All(rfmOnly, f => Assert.Equal((null, 0, 0), (f.Country, f.Channels, f.Consents)));
        Assert.Equal(all.Select(f => f.Score), rfmOnly.Select(f => f.Score));
        Assert.Equal([c3], SegmentEvaluator.Members(byCountry, "belges", withCountry));
    }

    private async Task<int[]> IdsOf(params string[] sourceIds)
    {
        await using var db = context.Database.CreateContext();
        var ids = await db.Customers.Where(c => sourceIds.Contains(c.SourceId)).Select(c => c.Id).ToArrayAsync(Token);
        Array.Sort(ids);
        return ids;
    }
}

/// <summary>Every test of <see cref="SegmentationQueriesTests"/> on PostgreSQL.</summary>
public sealed class SegmentationQueriesOnPostgresTests : SegmentationQueriesTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

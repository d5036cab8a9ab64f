using CustomerInsight.Core.Dashboard;

namespace CustomerInsight.Tests.Core.Surveys;

/// <summary>
/// Theme figures on a small survey file with known answers, imported through the real pipeline, with the default set.
/// March 2026: eight responses (recommend 10, 8, 3, 2, 8, 7, 6, 10: 2 promoters, 3 passives, 3 detractors, NPS −12.5),
/// seven with a comment; delivery in r1, r2, r3 (10, 8, 3: NPS 0), installation in r2, after-sales and quality in r4 (2),
/// price in r7 (6); "Pas de problème" (r5) and "Aucune panne" (r8) carry no theme. February: r9, a delivery complaint.
/// </summary>
public class ThemeQueriesTests : EngineTestBase, IAsyncLifetime
{
    private const string Surveys =
        "ResponseId,CustomerId,OrderId,RespondedAt,Kind,Channel,RecommendScore,SatisfactionScore,Comment\n" +
        "r1,C1,,2026-03-02 10:00,Transactional,Web,10,5,\"Livraison rapide, merci\"\n" +
        "r2,C1,,2026-03-05 10:00,Transactional,Web,8,4,Installateur au top et livraison à l'heure\n" +
        "r3,C2,,2026-03-09 10:00,Transactional,Store,3,2,\"Livraison en retard, aucune information\"\n" +
        "r4,C2,,2026-03-12 10:00,Transactional,Store,2,1,\"Produit en panne, le SAV injoignable\"\n" +
        "r5,C3,,2026-03-15 10:00,Transactional,Web,8,4,Pas de problème\n" +
        "r6,C3,,2026-03-18 10:00,Transactional,Web,7,4,\n" +
        "r7,C3,,2026-03-20 10:00,Transactional,Phone,6,3,Prix trop élevés\n" +
        "r8,,,2026-03-25 10:00,Transactional,Web,10,5,Aucune panne depuis un an\n" +
        "r9,C1,,2026-02-15 10:00,Transactional,Web,0,1,Livraison jamais arrivée\n";

    private const string OrderLines =
        "OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice\n" +
        "O1,C1,2025-06-01,Web,Sale,P1,Four,1,500\n" +
        "O2,C1,2026-02-01,Web,Sale,P2,Filtre,1,20\n" +
        "O3,C1,2026-03-01,Web,Sale,P3,Lave-linge,1,600\n" +
        "O4,C2,2026-03-08,Store,Sale,P4,Frigo,1,900\n" +
        "O5,C3,2025-01-10,Phone,Sale,P5,Bouilloire,1,30\n";

    private static readonly KpiFilter March = new(Period.Month(2026, 3));
    private ImportTestContext context = null!;
    private ThemeQueries queries = null!;

    public async ValueTask InitializeAsync()
    {
        context = await ImportTestContext.CreateAsync(engine: Engine);
        var factory = context.Database.Factory;
        Assert.Equal(5, (await context.ImportAsync(context.WriteFile("orders.csv", OrderLines), ImportFormat.OrderLines, Token)).RowsImported);
        Assert.Equal(9, (await context.ImportAsync(context.WriteFile("surveys.csv", Surveys), ImportFormat.Surveys, Token)).RowsImported);
        queries = new ThemeQueries(factory, new SatisfactionQueries(factory),
            new RfmScoreCache(new RfmQueries(factory, Options.Create(new RfmOptions())), factory, TimeProvider.System),
            new AuditLog(factory, TimeProvider.System), TimeProvider.System, ResxTextResolver.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await context.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static ThemeFigures Of(ThemeOverview overview, IReadOnlyList<ThemeFigures> figures, string key) =>
        figures.Single(f => overview.Set.Themes[f.Theme].Key == key);

    [Fact]
    public async Task GetOverviewAsync_March_SharesNpsGapsImpacts_WorstFirst()
    {
        var overview = await queries.GetOverviewAsync(March, 30, Token);

        Assert.Equal(0, overview.Set.Version); // the default set, never saved
        Assert.Equal(7, overview.Comments);
        Assert.Equal(
            ["after-sales", "price", "product-quality", "installation", "delivery", "store-welcome", "website", "returns"],
            overview.Overall.Select(f => overview.Set.Themes[f.Theme].Key));

        var delivery = Of(overview, overview.Overall, "delivery");
        Assert.Equal(3, delivery.Mentions);
        Assert.Equal(3.0 / 7, delivery.Share!.Value, 10);
        Assert.Equal(0.0, delivery.Kpis.Nps!.Value, 10);
        Assert.Equal(-12.5, delivery.All.Nps!.Value, 10);
        Assert.Equal(12.5, delivery.NpsGap!.Value, 10);
        Assert.Equal(3.0 / 7 * 12.5, delivery.Impact!.Value, 10);
        Assert.Equal(2.0 / 3, delivery.Kpis.Csat!.Value, 10);
        Assert.True(delivery.Kpis.IsNpsSmallSample);

        var afterSales = Of(overview, overview.Overall, "after-sales");
        Assert.Equal(1, afterSales.Mentions);
        Assert.Equal(-100.0, afterSales.Kpis.Nps!.Value, 10);
        Assert.Equal(-12.5, afterSales.Impact!.Value, 10);
        Assert.Equal(0, Of(overview, overview.Overall, "returns").Mentions);
    }

    [Fact]
    public async Task GetOverviewAsync_ByMonthAndChannel_ComparedWithTheSameScope()
    {
        var overview = await queries.GetOverviewAsync(March, 30, Token);

        var february = overview.ByMonth.Single(m => m.Key == 202602);
        var delivery = Of(overview, february.Figures, "delivery");
        Assert.Equal(1, delivery.Comments);
        Assert.Equal(1.0, delivery.Share);
        Assert.Equal(-100.0, delivery.Kpis.Nps);
        Assert.Equal(0.0, delivery.NpsGap);
        Assert.Equal(3, Of(overview, overview.ByMonth.Single(m => m.Key == 202603).Figures, "delivery").Mentions);
        Assert.Equal(12, overview.ByMonth.Count); // the twelve months of the trend

        var web = Of(overview, overview.ByChannel.Single(c => c.Key == Channel.Web).Figures, "delivery");
        Assert.Equal(4, web.Comments);      // r1, r2, r5, r8
        Assert.Equal(0.5, web.Share);
        Assert.Equal(50.0, web.Kpis.Nps);   // 10 and 8
        Assert.Equal(40.0, web.All.Nps);    // 10, 8, 8, 7, 10
        Assert.Equal(5.0, web.Impact!.Value, 10);
        var store = Of(overview, overview.ByChannel.Single(c => c.Key == Channel.Store).Figures, "product-quality");
        Assert.Equal(-100.0, store.All.Nps);
        Assert.Equal(0.0, store.NpsGap);
    }

    /// <summary>The RFM segment of customer C2 at the end of March.</summary>
    private async Task<RfmSegment> SegmentOfC2AtMarchEndAsync()
    {
        var scores = await new RfmQueries(context.Database.Factory, Options.Create(new RfmOptions())).ScoreAsync(March.Period.End, Token);
        await using var db = context.Database.CreateContext();
        var c2 = await db.Customers.Where(c => c.SourceId == "C2").Select(c => c.Id).SingleAsync(Token);
        return scores.Customers.Single(c => c.CustomerId == c2).Segment;
    }

    [Fact]
    public async Task GetOverviewAsync_BySegment_EachCustomerInTheSegmentOfThePeriodsEnd()
    {
        var overview = await queries.GetOverviewAsync(March, 30, Token);
        var segmentOfC2 = await SegmentOfC2AtMarchEndAsync();

        // The six comments of identified customers in March (r8 is anonymous), split by segment.
        Assert.Equal(6, overview.BySegment.Sum(s => s.Figures[0].Comments));
        var slice = overview.BySegment.Single(s => s.Key == segmentOfC2);
        Assert.True(Of(overview, slice.Figures, "after-sales").Mentions >= 1);
    }

    [Fact]
    public async Task GetPeriodFiguresAsync_SegmentFilter_TheSegmentsSliceOfTheOverview()
    {
        var overview = await queries.GetOverviewAsync(March, 30, Token);
        var segment = await SegmentOfC2AtMarchEndAsync();

        // Only the segment's customers' comments and responses: the figures of its slice in the whole overview.
        var filtered = await queries.GetPeriodFiguresAsync(March with { Segment = segment }, 30, Token);

        var slice = overview.BySegment.Single(s => s.Key == segment).Figures;
        Assert.True(filtered.Comments >= 1 && filtered.Comments < overview.Comments, $"{filtered.Comments} of {overview.Comments} comments");
        Assert.Equal(slice, filtered.Overall);
    }

    [Fact]
    public async Task GetPeriodFiguresAsync_SameFiguresAsTheOverview_NoBreakdown()
    {
        var overview = await queries.GetOverviewAsync(March, 30, Token);
        var period = await queries.GetPeriodFiguresAsync(March, 30, Token);

        Assert.Equal(overview.Overall, period.Overall);
        Assert.Empty(period.ByMonth);
        Assert.Empty(period.ByChannel);
        Assert.Empty(period.BySegment);
    }

    [Fact]
    public async Task GetPeriodFiguresAsync_SameFilterTwice_OneSharedResult_NewAfterAThemeSaveOrAnImport()
    {
        var first = await queries.GetPeriodFiguresAsync(March, 30, Token);

        // Every open dashboard on this filter shares one computation (the load test's per-circuit work).
        Assert.Same(first, await queries.GetPeriodFiguresAsync(March, 30, Token));
        Assert.NotSame(first, await queries.GetPeriodFiguresAsync(March with { Channel = Channel.Web }, 30, Token));

        // A new theme set is used at once.
        ThemeDefinition[] set = [new("price", "Prix", "Price", ["prix", "cher"], ["price"])];
        Assert.Equal(1, (await queries.SaveAsync(set, basedOnVersion: 0, "Prix seulement", "analyste@demo.local", Token)).Version);
        var afterSave = await queries.GetPeriodFiguresAsync(March, 30, Token);
        Assert.Equal(1, afterSave.Set.Version);
        Assert.Equal("price", afterSave.Set.Themes[Assert.Single(afterSave.Overall).Theme].Key);

        // New answers (an import: a new data version) are counted at once.
        const string more = "ResponseId,CustomerId,OrderId,RespondedAt,Kind,Channel,RecommendScore,SatisfactionScore,Comment\n" +
            "r10,C3,,2026-03-28 10:00,Transactional,Web,1,1,Beaucoup trop cher\n";
        Assert.Equal(1, (await context.ImportAsync(context.WriteFile("more.csv", more), ImportFormat.Surveys, Token)).RowsImported);
        var afterImport = await queries.GetPeriodFiguresAsync(March, 30, Token);
        Assert.Equal(2, Assert.Single(afterImport.Overall).Mentions);
    }

    [Fact]
    public async Task GetPeriodFiguresAsync_CustomSegment_SharedPerVersion_NewVersionUsedAtOnce()
    {
        var factory = context.Database.Factory;
        var rfm = new RfmScoreCache(new RfmQueries(factory, Options.Create(new RfmOptions())), factory, TimeProvider.System);
        var audit = new AuditLog(factory, TimeProvider.System);
        var segmentations = new SegmentationQueries(factory, rfm, new ConsentQueries(factory), BusinessCalendar.ForZone("Europe/Paris"), audit,
            TimeProvider.System);
        var themes = new ThemeQueries(factory, new SatisfactionQueries(factory), rfm, audit, TimeProvider.System, ResxTextResolver.Instance,
            segmentations);
        SegmentationDefinition BoughtOn(string channel) => new([new SegmentDefinition("", "Clients", RuleMatch.All,
            [new SegmentRuleGroup(RuleMatch.All, [new SegmentCondition(SegmentField.Channel, RuleOperator.Equal, channel)])])]);
        Assert.Equal(1, (await segmentations.SaveAsync(null, "Canal", BoughtOn("Web"), 0, "Le web", "analyste@demo.local", Token)).Version);
        var filter = March with { CustomSegment = new SegmentRef("canal", "clients") };

        // C1 (the web): delivery in r1 and r2. Every dashboard on this filter shares the figures.
        var web = await themes.GetPeriodFiguresAsync(filter, 30, Token);
        Assert.Equal(2, Of(web, web.Overall, "delivery").Mentions);
        Assert.Same(web, await themes.GetPeriodFiguresAsync(filter, 30, Token));

        // The segment's new version (C2, the store: delivery in r3, after-sales in r4) is used at once.
        Assert.Equal(2, (await segmentations.SaveAsync("canal", "Canal", BoughtOn("Store"), 1, "Le magasin", "analyste@demo.local", Token)).Version);
        var store = await themes.GetPeriodFiguresAsync(filter, 30, Token);
        Assert.Equal((1, 1), (Of(store, store.Overall, "delivery").Mentions, Of(store, store.Overall, "after-sales").Mentions));
    }

    [Fact]
    public async Task GetCommentsAsync_Delivery_NewestFirstWithTheWordsMarked()
    {
        var list = await queries.GetCommentsAsync(March, "delivery", 2, Token);

        Assert.NotNull(list);
        Assert.Equal(3, list.Total);
        Assert.Equal(["Livraison en retard, aucune information", "Installateur au top et livraison à l'heure"],
            list.Comments.Select(c => c.Comment.Comment));
        Assert.Equal(["Livraison", "retard"], list.Comments[0].Parts.Where(p => p.Matched).Select(p => p.Text));
        Assert.Equal(["livraison"], list.Comments[1].Parts.Where(p => p.Matched).Select(p => p.Text));
        Assert.Null(await queries.GetCommentsAsync(March, "no-such-theme", 10, Token));
    }

    [Fact]
    public async Task SaveAsync_NewVersion_WhoWhenWhyAudited_FiguresUseIt()
    {
        ThemeDefinition[] set =
            [new("price", "Prix", "Price", ["prix", "cher"], ["price"]), new("silence", "Silence", "Silence", ["silencieux", "bruit*"], [])];

        var result = await queries.SaveAsync(set, basedOnVersion: 0, "Premier jeu resserré", "analyste@demo.local", Token);

        Assert.Equal(1, result.Version);
        var current = await queries.GetCurrentAsync(Token);
        Assert.Equal(1, current.Version);
        Assert.Equal("analyste@demo.local", current.SavedBy);
        Assert.Equal("Premier jeu resserré", current.Reason);
        Assert.Equal(set, current.Themes);
        var version = Assert.Single(await queries.GetVersionsAsync(Token));
        Assert.Equal((1, 2), (version.Number, version.Themes));
        await using (var db = context.Database.CreateContext())
        {
            Assert.Equal("themes:v1", (await db.AuditEntries.SingleAsync(a => a.Action == ThemeQueries.AuditAction, Token)).Target);
        }

        var overview = await queries.GetOverviewAsync(March, 30, Token);
        Assert.Equal(1, overview.Set.Version);
        Assert.Equal(2, overview.Overall.Count);
        Assert.Equal(1, Of(overview, overview.Overall, "price").Mentions);

        // Saved on an older version: refused, nothing written.
        var stale = await queries.SaveAsync(set, basedOnVersion: 0, "encore", "admin@demo.local", Token);
        Assert.Equal(ThemeError.Conflict, Assert.Single(stale.Errors).Code);
        Assert.Single(await queries.GetVersionsAsync(Token));
    }

    [Fact]
    public async Task SaveAsync_InvalidSet_LocatedErrorsNothingSaved()
    {
        ThemeDefinition[] set = [new("a", "Prix", "", ["li*"], []), new("b", "prix", "Price", [" "], [])];

        var result = await queries.SaveAsync(set, 0, "  ", "analyste@demo.local", Token);

        Assert.False(result.Saved);
        Assert.Equal(
            [(ThemeError.ReasonMissing, (int?)null, (string?)null), (ThemeError.NameMissing, 0, null), (ThemeError.PrefixTooShort, 0, "li*"),
             (ThemeError.DuplicateName, 1, null), (ThemeError.NoTerms, 1, null)],
            result.Errors.Select(e => (e.Code, e.Theme, e.Term)));
        Assert.Equal(0, (await queries.GetCurrentAsync(Token)).Version);
    }

    [Fact]
    public async Task Erasure_CustomersCommentsLeaveTheFiguresAndTheDrillDown_NoCopyInThemeTables()
    {
        await queries.SaveAsync(ThemeDefaults.Retail(ResxTextResolver.Instance), 0, "copie du jeu par défaut", "analyste@demo.local", Token);
        var factory = context.Database.Factory;
        var audit = new AuditLog(factory, TimeProvider.System);
        await new CustomerErasure(factory, new AppSecrets(factory), audit, TimeProvider.System).EraseBySourceIdAsync("C2", "admin@demo.local", Token);

        var list = await queries.GetCommentsAsync(March, "delivery", 10, Token);
        Assert.Equal(2, list!.Total);
        Assert.DoesNotContain(list.Comments, c => c.Comment.Comment.Contains("retard", StringComparison.Ordinal));
        var overview = await queries.GetOverviewAsync(March, 30, Token);
        Assert.Equal(5, overview.Comments);
        Assert.Equal(0, Of(overview, overview.Overall, "after-sales").Mentions);
        // Scores stay (erasure keeps them): NPS of all responses unchanged.
        Assert.Equal(-12.5, overview.Overall[0].All.Nps!.Value, 10);
        await using var db = context.Database.CreateContext();
        Assert.DoesNotContain(await db.Set<ThemeSetVersion>().Select(v => v.Definition).ToListAsync(Token),
            d => d.Contains("injoignable", StringComparison.Ordinal));
    }
}

/// <summary>Every test of <see cref="ThemeQueriesTests"/> on PostgreSQL.</summary>
public sealed class ThemeQueriesOnPostgresTests : ThemeQueriesTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

using CustomerInsight.Core.Dashboard;
using CustomerInsight.Web.Components.Pages.Dashboard;
using CustomerInsight.Web.Components.Shared;
using Microsoft.Extensions.Options;
using DashboardPage = CustomerInsight.Web.Components.Pages.Dashboard.Dashboard;

namespace CustomerInsight.Tests.Web.Dashboard;

/// <summary>
/// The dashboard over a small demo company (no sale on the Other channel; data from October 2023): every block
/// follows the filters or says which one it ignores, empty charts say why, comparisons carry their coverage,
/// a reversed range is reported instead of figures.
/// </summary>
public sealed class DashboardPageTests : DatabaseBunitTestBase
{

    protected override async Task ArrangeAsync()
    {
        await SeedDemoWithChartsAsync(60);
        SignInAs(Roles.Analyst);
    }

    /// <summary>The page at <paramref name="url"/> as a circuit renders it (interactive: a prerender only starts the figures).</summary>
    private IRenderedComponent<DashboardPage> Open(string url)
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var page = Render<DashboardPage>();
        page.WaitForElement("[data-testid=kpi-cards]", TimeSpan.FromSeconds(60));
        return page;
    }

    [Fact]
    public async Task Prerender_LeavesTheFiguresToTheInteractiveRenderButStartsComputingThem()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var queries = Services.GetRequiredService<DashboardQueries>();
        var kpis = Services.GetRequiredService<KpiQueries>();
        var options = Services.GetRequiredService<IOptions<KpiOptions>>().Value;
        var thresholds = new KpiThresholds(options.LapsedAfterDays, options.MinResponses);
        var filter = FilterState.FromQuery("last-year", null, null, "web", null, null, null)
            .ToKpiFilter((await kpis.GetLatestSaleDateAsync(Token))!.Value);

        Services.GetRequiredService<NavigationManager>().NavigateTo("/?period=last-year&channel=web");
        var page = Render<DashboardPage>();
        // The prerender's lifecycle goes on after its first render: it ends once the figures' entry is in place.
        await UntilAsync(page, () => queries.HoldsAsync(filter, thresholds, Token), TimeSpan.FromSeconds(60),
            "the dashboard's figures are not being computed");

        page.WaitForElement("[data-testid=dashboard-loading]");
        Assert.Empty(page.FindAll("[data-testid=kpi-cards]"));
        Assert.NotEmpty(page.FindAll(".mud-skeleton"));
        Assert.False(await queries.HoldsAsync(filter with { Channel = Channel.Store }, thresholds, Token));
        // The entry holds that view's figures.
        Assert.Equal((await kpis.GetSalesKpisAsync(filter.Period, Channel.Web, cancellationToken: Token)).Current.Orders,
            (await queries.GetDashboardAsync(filter, thresholds, Token)).Kpis.Current.Sales.Orders);
    }

    [Fact]
    public void ChangeMarkers_OnByDefaultOnEveryTrendChart_TheSwitchTakesThemOff()
    {
        // Trend months October 2025 – September 2026: the demo workshops of 14 Oct 2025, 9 and 16 June and
        // 22 Sept 2026 and the checkout go-live of 2 March 2026 (the omnichannel go-live, November 2026, is outside).
        var page = Open("/");

        IReadOnlyList<ChartMarker>? Markers(string testId) =>
            page.FindComponents<ChartJs>().Single(c => c.Instance.TestId == testId).Instance.Config.Options?.Plugins?.CiOverlays?.Markers;

        Assert.Contains("(5 ", page.Find("[data-testid=dashboard-changes-toggle]").TextContent, StringComparison.Ordinal);
        foreach (var chart in new[] { "chart-sales", "chart-satisfaction", "chart-active" })
        {
            var markers = Markers(chart);
            Assert.NotNull(markers);
            Assert.Equal([0d, 5d, 8d, 11d], markers.Select(m => m.X));
            Assert.Equal("Mise en service\u00a0: Nouveau logiciel de caisse", markers[1].Label);
            Assert.Equal(DashboardCharts.GoLiveColor, markers[1].Color);
            Assert.Equal(DashboardCharts.WorkshopColor, markers[2].Color);
            Assert.Equal("Bilan à trois mois (Nouveau logiciel de caisse) · Atelier d'impact initial (Parcours client omnicanal)",
                markers[2].Label);
        }

        page.Find("[data-testid=dashboard-changes-toggle] input").Change(false);

        foreach (var chart in new[] { "chart-sales", "chart-satisfaction", "chart-active" })
        {
            page.WaitForAssertion(() => Assert.Null(Markers(chart)));
        }
    }

    [Fact]
    public void ChannelChange_FiguresAlreadyShared_ShownWithoutAProgressRender_CohortGridNotRenderedAgain()
    {
        // Frozen clock: the node's shared reads (data version, segmentations, change events, theme set) stay fresh.
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UtcNow));
        var page = Open("/?channel=web");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=cohort-note]")), TimeSpan.FromSeconds(60));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=dashboard-loading]")), TimeSpan.FromSeconds(60));
        var grid = page.FindComponent<CohortGrid>();
        var gridRenders = grid.RenderCount;
        var progressShown = false;
        page.OnMarkupUpdated += (_, _) => progressShown |= page.FindAll("[data-testid=dashboard-loading]").Count > 0;

        // Back to a view every figure of which is already computed: one render with the figures, no progress bar first.
        navigation.NavigateTo("/?channel=web");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=cohort-note]")), TimeSpan.FromSeconds(60));
        Assert.False(progressShown, "the page rendered its progress bar although its figures were shared already");
        // The cohorts do not follow the channel: an equal matrix is not rendered again.
        Assert.Equal(gridRenders, grid.RenderCount);
    }

    [Fact]
    public void ChannelWithoutSales_EmptyChartsSayWhyInsteadOfDrawingEmptyAxes()
    {
        var page = Open("/?channel=other");

        Assert.Contains("Aucune commande du", page.Find("[data-testid=chart-sales-empty]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Aucun client identifié", page.Find("[data-testid=chart-active-empty]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Aucune réponse d'enquête", page.Find("[data-testid=chart-satisfaction-empty]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindComponents<ChartJs>());
        // The channel breakdown compares every channel (and says so): the other channels still have sales.
        Assert.Empty(page.FindAll("[data-testid=channel-breakdown-empty]"));
        Assert.NotNull(page.Find("[data-testid=channel-Other]"));
    }

    [Fact]
    public void ChannelFilter_CohortsSayTheyIgnoreItAndWhy()
    {
        var page = Open("/?channel=web");

        var note = page.Find("[data-testid=cohort-note]").TextContent;
        Assert.Contains("ignorent le filtre de canal (Web)", note, StringComparison.Ordinal);
        Assert.Contains("premier achat", note, StringComparison.Ordinal);
        Assert.Equal(3, page.FindComponents<ChartJs>().Count);
    }

    [Fact]
    public void SurveyKindFilter_SalesBlocksSayTheyIgnoreIt()
    {
        var page = Open("/?kind=relational");

        Assert.Contains("ne filtre que le NPS et le CSAT", page.Find("[data-testid=kpi-cards-note]").TextContent, StringComparison.Ordinal);
        Assert.Contains(page.FindAll("[data-testid=chart-sales-note]"), n =>
            n.TextContent.Contains("Relationnelle", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(page.FindAll("[data-testid=channel-breakdown-note]"), n =>
            n.TextContent.Contains("ne filtre que la satisfaction", StringComparison.Ordinal));
        Assert.Contains(page.FindAll("[data-testid=cohort-note]"), n =>
            n.TextContent.Contains("ne filtre que la satisfaction", StringComparison.Ordinal));
    }

    [Fact]
    public void NoFilter_NoIgnoredFilterNote()
    {
        var page = Open("/?period=last-month");

        Assert.Empty(page.FindAll("[data-testid=kpi-cards-note]"));
        Assert.Empty(page.FindAll("[data-testid=cohort-note]"));
        Assert.Empty(page.FindAll("[data-testid=chart-sales-note]"));
    }

    [Fact]
    public void ComparisonBeforeTheFirstOrder_CardsSayNotAvailableAndShowNoChange()
    {
        // The demo's orders start in October 2023: the three months before a custom Q4 2023 have no data.
        var page = Open("/?period=custom&from=2023-10-01&to=2023-12-31");

        var card = page.Find("[data-testid=kpi-NetRevenue]");
        Assert.Equal("none", card.QuerySelector("[data-testid=kpi-coverage]")!.GetAttribute("data-coverage"));
        Assert.Equal("n.d.", card.QuerySelector("[data-testid=kpi-change]")!.TextContent.Trim());
        Assert.Null(card.QuerySelector("[data-testid=kpi-trend]"));
        Assert.Contains(page.FindAll("[data-testid=chart-sales-note]"), n => n.TextContent.Contains("aucune donnée", StringComparison.Ordinal));
    }

    [Fact]
    public void ComparisonPartlyBeforeTheFirstOrder_EveryCardAndChartSaysPartial()
    {
        var page = Open("/?period=custom&from=2023-12-01&to=2024-03-31");

        Assert.All(page.FindAll("[data-testid=kpi-coverage]"), mark => Assert.Equal("partial", mark.GetAttribute("data-coverage")));
        Assert.Equal(DashboardPage.CardKpis.Count, page.FindAll("[data-testid=kpi-coverage]").Count);
        Assert.StartsWith("partielle (", page.Find("[data-testid=kpi-coverage]").TextContent.Trim(), StringComparison.Ordinal);
        foreach (var chart in new[] { "chart-sales", "chart-active", "chart-satisfaction" })
        {
            Assert.Contains(page.FindAll($"[data-testid={chart}-note]"), n => n.TextContent.Contains("partielle (", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void CompareLastYear_CardsSayLastYearAndTrendChartsGetTheOverlay()
    {
        var page = Open("/?period=this-year&compare=last-year");

        Assert.StartsWith("Même période l'an dernier",
            page.Find("[data-testid=kpi-NetRevenue] [data-testid=kpi-previous]").TextContent.Trim(), StringComparison.Ordinal);
        var blocks = page.FindComponents<ChartBlock>().ToDictionary(b => b.Instance.TestId, b => b.Instance.Config);
        Assert.Contains(blocks["chart-sales"].Data.Datasets, d =>
            d.Label.EndsWith("(an dernier)", StringComparison.Ordinal) && d.BorderDash is not null);
        Assert.Contains(blocks["chart-active"].Data.Datasets, d => d.Label.EndsWith("(an dernier)", StringComparison.Ordinal));
        Assert.Contains(blocks["chart-satisfaction"].Data.Datasets, d => d.Label.EndsWith("(an dernier)", StringComparison.Ordinal));
        Assert.Contains("compare=last-year", page.Find("[data-testid=dashboard-download-kpi]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void ComparePrevious_NoOverlay()
    {
        var page = Open("/?period=this-year");

        Assert.All(page.FindComponents<ChartBlock>(), b =>
            Assert.DoesNotContain(b.Instance.Config.Data.Datasets, d => d.Label.EndsWith("(an dernier)", StringComparison.Ordinal)));
    }

    [Fact]
    public void ReversedRange_SaysSoAndShowsNoFigures()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?period=custom&from=2026-04-01&to=2026-03-01");
        var page = Render<DashboardPage>();

        page.WaitForElement("[data-testid=filter-reversed]", TimeSpan.FromSeconds(60));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=dashboard-loading]")), TimeSpan.FromSeconds(60));
        Assert.Empty(page.FindAll("[data-testid=kpi-cards]"));
        Assert.Empty(page.FindAll("[data-testid=dashboard-download-kpi]"));
        Assert.Empty(page.FindAll("[data-testid=filter-period-text]"));
    }
}

using MudBlazor;
using SegmentsPage = CustomerInsight.Web.Components.Pages.Segments.Segments;

namespace CustomerInsight.Tests.Web.Segments;

/// <summary>
/// The segments page over a small demo company and the app's own services: the analysis date and the
/// migration's start come from the URL, and picking a date puts it there (a view can be bookmarked).
/// </summary>
public sealed class SegmentsPageTests : DatabaseBunitTestBase
{
    private RfmQueries rfm = null!;
    private DateOnly defaultDate;

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    protected override async Task ArrangeAsync()
    {
        await SeedDemoAsync(80);
        rfm = new RfmQueries(Database.Factory, AppSettings.Rfm());
        defaultDate = (await rfm.GetDefaultAnalysisDateAsync(Token))!.Value;
        JSInterop.SetupModule(ChartJs.ModulePath);
        SignInInteractiveAs(Roles.Analyst);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private IRenderedComponent<SegmentsPage> RenderAt(string uri)
    {
        var page = RenderWithoutWaiting(uri);
        page.WaitForElement("[data-testid=segments-scored]", Wait);
        return page;
    }

    private IRenderedComponent<SegmentsPage> RenderWithoutWaiting(string uri)
    {
        Navigation.NavigateTo(uri);
        return Render<SegmentsPage>();
    }

    /// <summary>
    /// The matrix's "new customers" row as rendered now. Meant for a check inside <c>WaitForAssertion</c>: bUnit runs
    /// that check on the renderer's dispatcher, so a wait nested in it (a <c>WaitForElement</c>) would block the very
    /// render it waits for until its own timeout, whenever the migration was not on screen at the first check.
    /// </summary>
    private static IReadOnlyList<string> NewCustomersRow(IRenderedComponent<SegmentsPage> page) =>
        page.Find("[data-testid=migration-matrix]")
            .QuerySelectorAll("tbody tr")[^1]
            .QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();

    private async Task<IReadOnlyList<string>> ExpectedNewCustomersRowAsync(DateOnly from, DateOnly to)
    {
        var migration = await rfm.GetMigrationAsync(from, to, Token);
        return [.. RfmSegments.All.Select(s => DisplayFormat.Count(migration.Flow(null, s).Customers))];
    }

    [Fact]
    public async Task DatesInTheUrl_ScoreThatDateAndMigrateFromThatStart()
    {
        var date = defaultDate.AddMonths(-4);
        var from = date.AddMonths(-9);
        var scored = (await rfm.ScoreAsync(date, Token)).Customers.Count;
        Assert.NotEqual(scored, (await rfm.ScoreAsync(defaultDate, Token)).Customers.Count);
        var expected = await ExpectedNewCustomersRowAsync(from, date);

        // The wait starts before the page has anything on screen: the migration comes last, after the overview.
        var page = RenderWithoutWaiting($"/segments?date={Iso(date)}&from={Iso(from)}");
        page.WaitForAssertion(() => Assert.Equal(expected, NewCustomersRow(page).Take(expected.Count)), Wait);

        Assert.StartsWith(DisplayFormat.Count(scored) + " ", page.Find("[data-testid=segments-scored]").TextContent, StringComparison.Ordinal);
        var pickers = page.FindComponents<MudDatePicker>();
        Assert.Equal(date.ToDateTime(TimeOnly.MinValue), pickers[0].Instance.Date);
        Assert.Equal(from.ToDateTime(TimeOnly.MinValue), pickers[1].Instance.Date);
    }

    [Fact]
    public async Task Prerender_LeavesTheFiguresToTheInteractiveRenderButStartsComputingThem()
    {
        var date = defaultDate.AddMonths(-4);
        var from = date.AddMonths(-9);
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var overviews = Services.GetRequiredService<SegmentQueries>();
        var scores = Services.GetRequiredService<RfmScoreCache>();

        var page = RenderWithoutWaiting($"/segments?date={Iso(date)}&from={Iso(from)}");
        // The prerender's lifecycle goes on after its first render: it ends once the overview's entry is in place.
        await UntilAsync(page, () => overviews.HoldsAsync(date, Token), Wait, $"the overview at {date} is not being computed");

        Assert.NotEmpty(page.FindAll(".mud-progress-linear"));
        Assert.Empty(page.FindAll("[data-testid=segments-scored]"));
        Assert.Empty(page.FindAll("[data-testid=segments-bubble-chart]"));
        Assert.Empty(page.FindAll("[data-testid=migration-matrix]"));
        Assert.False(await overviews.HoldsAsync(date.AddDays(1), Token));
        // The migration's start is left to the interactive render, after the overview.
        Assert.False(await scores.HoldsAsync(from, Token));
        // The entry holds that date's figures.
        Assert.Equal((await rfm.ScoreAsync(date, Token)).Customers.Count, (await overviews.GetOverviewAsync(date, Token)).Summary.Customers);
    }

    [Fact]
    public async Task NoDateInTheUrl_DefaultDateAndSixMonthsOfMigration()
    {
        var from = defaultDate.AddMonths(-SegmentsPage.DefaultMigrationMonths);
        var expected = await ExpectedNewCustomersRowAsync(from, defaultDate);

        var page = RenderWithoutWaiting("/segments");
        page.WaitForAssertion(() => Assert.Equal(expected, NewCustomersRow(page).Take(expected.Count)), Wait);

        var pickers = page.FindComponents<MudDatePicker>();
        Assert.Equal(defaultDate.ToDateTime(TimeOnly.MinValue), pickers[0].Instance.Date);
        Assert.Equal(from.ToDateTime(TimeOnly.MinValue), pickers[1].Instance.Date);
    }

    [Fact]
    public async Task PickingAnAnalysisDate_PutsItInTheUrl_KeepingAnEarlierMigrationStart()
    {
        var from = defaultDate.AddMonths(-10);
        var page = RenderAt($"/segments?date={Iso(defaultDate)}&from={Iso(from)}");
        var analysisPicker = page.FindComponents<MudDatePicker>()[0];

        var later = defaultDate.AddMonths(-2);
        await page.InvokeAsync(() => analysisPicker.Instance.DateChanged.InvokeAsync(later.ToDateTime(TimeOnly.MinValue)));
        Assert.EndsWith($"/segments?date={Iso(later)}&from={Iso(from)}", Navigation.Uri, StringComparison.Ordinal);

        // A start that is no longer before the new date gives way to the default (no "from" in the URL).
        var earlier = from.AddDays(-1);
        await page.InvokeAsync(() => analysisPicker.Instance.DateChanged.InvokeAsync(earlier.ToDateTime(TimeOnly.MinValue)));
        Assert.EndsWith($"/segments?date={Iso(earlier)}", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PickingAMigrationStart_PutsItInTheUrl_OrSaysItMustBeEarlier()
    {
        var page = RenderAt($"/segments?date={Iso(defaultDate)}");
        var fromPicker = page.FindComponents<MudDatePicker>()[1];

        var from = defaultDate.AddMonths(-3);
        await page.InvokeAsync(() => fromPicker.Instance.DateChanged.InvokeAsync(from.ToDateTime(TimeOnly.MinValue)));
        Assert.EndsWith($"/segments?date={Iso(defaultDate)}&from={Iso(from)}", Navigation.Uri, StringComparison.Ordinal);

        var uri = Navigation.Uri;
        await page.InvokeAsync(() => fromPicker.Instance.DateChanged.InvokeAsync(defaultDate.ToDateTime(TimeOnly.MinValue)));
        Assert.Equal(uri, Navigation.Uri);
        page.WaitForAssertion(() =>
            Assert.Contains("doit précéder", page.Find(".mud-alert").TextContent, StringComparison.OrdinalIgnoreCase), Wait);
        Assert.Empty(page.FindAll("[data-testid=migration-matrix]"));
    }
}

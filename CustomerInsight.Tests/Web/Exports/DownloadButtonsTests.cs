using CustomerInsight.Core.Dashboard;
using DashboardPage = CustomerInsight.Web.Components.Pages.Dashboard.Dashboard;
using SegmentsPage = CustomerInsight.Web.Components.Pages.Segments.Segments;
using AngleSharp.Dom;

namespace CustomerInsight.Tests.Web.Exports;

/// <summary>
/// The Excel download links of the dashboard, segments and OMOC pages over a small demo company: present
/// with the endpoint's URL for the roles of its policy, absent for an executive (the endpoints refuse them
/// too, see Integration/ExportEndpointsTests).
/// </summary>
public sealed class DownloadButtonsTests : DatabaseBunitTestBase
{
    private int projectId;
    private int workshopId;
    private DateOnly latestSale;
    private DateOnly analysisDate;

    protected override async Task ArrangeAsync()
    {
        await SeedDemoAsync(60);
        await using (var db = Database.CreateContext())
        {
            var workshop = await db.Workshops.AsNoTracking().OrderBy(w => w.Id).FirstAsync(Token);
            workshopId = workshop.Id;
            projectId = workshop.ChangeProjectId;
        }

        Services.AddScoped<OmocEditor>();
        // The project page dates late plan actions in the business time zone.
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(CustomerInsight.Core.Sales.BusinessCalendar.ForZone("Europe/Paris"));
        var kpis = new KpiQueries(Database.Factory);
        latestSale = (await kpis.GetLatestSaleDateAsync(Token))!.Value;
        analysisDate = (await new RfmQueries(Database.Factory, Options.Create(new RfmOptions())).GetDefaultAnalysisDateAsync(Token))!.Value;
        JSInterop.SetupModule(ChartJs.ModulePath);
    }

    /// <summary>The segments page as the app renders it (interactive server); call after <c>SignInAs</c>: the renderer then starts.</summary>
    private IRenderedComponent<SegmentsPage> RenderSegments() => RenderInteractive<SegmentsPage>();

    /// <summary>A page as a circuit renders it (a prerender only starts the figures); call after <c>SignInAs</c>.</summary>
    private IRenderedComponent<TPage> RenderInteractive<TPage>()
        where TPage : IComponent
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<TPage>();
    }

    private static void AssertLink(IElement link, string href)
    {
        Assert.Equal("a", link.TagName, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(href, link.GetAttribute("href"));
        Assert.True(link.HasAttribute("download"));
    }

    [Fact]
    public void Dashboard_Analyst_DownloadsTheKpiWorkbookOfTheFiltersOnScreen()
    {
        SignInAs(Roles.Analyst);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?period=this-year&channel=web&segment=champions");
        var page = RenderInteractive<DashboardPage>();

        var link = page.WaitForElement("[data-testid=dashboard-download-kpi]", TimeSpan.FromSeconds(30));

        // "This year" runs up to the latest sale (a year to date), and the link says so.
        AssertLink(link, AppUrls.KpiWorkbook(Period.ToDate(PeriodUnit.Year, latestSale), Channel.Web, RfmSegment.Champions));
        Assert.Contains("&unit=yeartodate", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains($"to={latestSale:yyyy-MM-dd}", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("segment=champions", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("Champions", page.Find("[data-testid=dashboard-segment]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboard_Executive_NoDownload()
    {
        SignInAs(Roles.Executive);
        var page = RenderInteractive<DashboardPage>();

        page.WaitForElement("[data-testid=kpi-cards]", TimeSpan.FromSeconds(30));

        Assert.Empty(page.FindAll("[data-testid=dashboard-download-kpi]"));
    }

    [Theory]
    [InlineData(Roles.Analyst, false)]
    [InlineData(Roles.Admin, true)]
    public void Segments_ExportRoles_RfmWorkbookAtTheAnalysisDatePersonalForAdminsOnly(string role, bool personal)
    {
        SignInAs(role);
        var page = RenderSegments();

        var link = page.WaitForElement("[data-testid=segments-download-rfm]", TimeSpan.FromSeconds(30));

        AssertLink(link, AppUrls.RfmWorkbook(analysisDate));
        var personalLinks = page.FindAll("[data-testid=segments-download-rfm-personal]");
        if (personal)
        {
            AssertLink(Assert.Single(personalLinks), AppUrls.RfmWorkbook(analysisDate, personal: true));
        }
        else
        {
            Assert.Empty(personalLinks);
        }
    }

    [Fact]
    public void Segments_Executive_NoDownload()
    {
        SignInAs(Roles.Executive);
        var page = RenderSegments();

        page.WaitForElement("[data-testid=segments-scored]", TimeSpan.FromSeconds(30));

        Assert.Empty(page.FindAll("[data-testid=segments-download-rfm]"));
        Assert.Empty(page.FindAll("[data-testid=segments-download-rfm-personal]"));
    }

    [Theory]
    [InlineData(Roles.Analyst, true)]
    [InlineData(Roles.ChangeManager, true)]
    [InlineData(Roles.Executive, false)]
    public void OmocProject_OmocReportForItsPolicyOnly(string role, bool shown)
    {
        SignInAs(role);
        var page = Render<OmocProject>(p => p.Add(c => c.Id, projectId));

        page.WaitForElement("[data-testid=project-name]", TimeSpan.FromSeconds(30));

        var links = page.FindAll("[data-testid=omoc-download]");
        if (shown)
        {
            AssertLink(Assert.Single(links), AppUrls.OmocWorkbook(projectId));
        }
        else
        {
            Assert.Empty(links);
        }
    }

    [Theory]
    [InlineData(Roles.Analyst, true)]
    [InlineData(Roles.Executive, false)]
    public void OmocWorkshop_TheReportOfItsProject(string role, bool shown)
    {
        SignInAs(role);
        var page = Render<OmocWorkshop>(p => p.Add(c => c.Id, workshopId));

        page.WaitForElement("[data-testid=workshop-title]", TimeSpan.FromSeconds(30));

        var links = page.FindAll("[data-testid=omoc-download]");
        if (shown)
        {
            AssertLink(Assert.Single(links), AppUrls.OmocWorkbook(projectId));
        }
        else
        {
            Assert.Empty(links);
        }
    }
}

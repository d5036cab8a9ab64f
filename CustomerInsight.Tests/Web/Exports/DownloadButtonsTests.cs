using Bunit;
using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Dashboard;
using CustomerInsight.Core.Data.Demo;
using CustomerInsight.Core.Omoc;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Sales;
using CustomerInsight.Tests.Core.Data;
using CustomerInsight.Web.Components.Charts;
using DashboardPage = CustomerInsight.Web.Components.Pages.Dashboard.Dashboard;
using CustomerInsight.Web.Components.Pages.Omoc;
using SegmentsPage = CustomerInsight.Web.Components.Pages.Segments.Segments;
using CustomerInsight.Web;
using CustomerInsight.Web.Endpoints;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using AngleSharp.Dom;

namespace CustomerInsight.Tests.Web.Exports;

/// <summary>
/// The Excel download links of the dashboard, segments and OMOC pages over a small demo company: present
/// with the endpoint's URL for the roles of its policy, absent for an executive (the endpoints refuse them
/// too, see Integration/ExportEndpointsTests).
/// </summary>
public sealed class DownloadButtonsTests : BunitTestBase, IAsyncLifetime
{
    private static readonly BusinessCalendar Paris = BusinessCalendar.ForZone("Europe/Paris");
    private TestDatabase database = null!;
    private int projectId;
    private int workshopId;
    private DateOnly latestSale;
    private DateOnly analysisDate;

    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await new DemoSeeder(database.Factory, Paris).SeedIfEmptyAsync(60, Token);
        await using (var db = database.CreateContext())
        {
            var workshop = await db.Workshops.AsNoTracking().OrderBy(w => w.Id).FirstAsync(Token);
            workshopId = workshop.Id;
            projectId = workshop.ChangeProjectId;
        }

        AddAppServices(database.ConnectionString);
        Services.AddScoped<OmocEditor>();
        // The project page dates late plan actions in the business time zone.
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(CustomerInsight.Core.Sales.BusinessCalendar.ForZone("Europe/Paris"));
        var kpis = new KpiQueries(database.Factory);
        latestSale = (await kpis.GetLatestSaleDateAsync(Token))!.Value;
        analysisDate = (await new RfmQueries(database.Factory, Options.Create(new RfmOptions())).GetDefaultAnalysisDateAsync(Token))!.Value;
        JSInterop.SetupModule(ChartJs.ModulePath);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }

    /// <summary>The segments page as the app renders it (interactive server); call after <c>SignInAs</c>: the renderer then starts.</summary>
    private IRenderedComponent<SegmentsPage> RenderSegments()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<SegmentsPage>();
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
        var page = Render<DashboardPage>();

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
        var page = Render<DashboardPage>();

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

using Bunit;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Data.Demo;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Segments;
using CustomerInsight.Core.Value;
using CustomerInsight.Tests.Core.Data;
using CustomerInsight.Tests.Core.Segments;
using CustomerInsight.Tests.Core.Importing;
using CustomerInsight.Tests.Web.Cli;
using CustomerInsight.Web;
using CustomerInsight.Web.Components.Charts;
using CustomerInsight.Web.Components.Pages.Value;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerInsight.Tests.Web.Value;

/// <summary>
/// The value and churn page over the app's own services and a real SQLite file: the fits' parameters, the value by RFM
/// segment, the lost valuable customers for analysts only (never computed for executives) and the holdout chart.
/// </summary>
public sealed class ValuePageTests : BunitTestBase, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private TestDatabase database = null!;

    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync(migrate: false);

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task SeedDemoAsync()
    {
        await InsightDatabase.MigrateAsync(database.Factory);
        await new DemoSeeder(database.Factory, BusinessCalendar.ForZone("Europe/Paris")).SeedIfEmptyAsync(300, Token);
        AddAppServices(database.ConnectionString);
        JSInterop.SetupModule(ChartJs.ModulePath);
    }

    private IRenderedComponent<ValuePage> RenderAt(string uri)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        var page = Render<ValuePage>();
        page.WaitForElement("[data-testid=value-by-segment]", Wait);
        return page;
    }

    [Fact]
    public async Task Analyst_SeesParametersSegmentTableAndLostCustomers()
    {
        await SeedDemoAsync();
        SignInInteractiveAs(Roles.Analyst);
        var end = (await Services.GetRequiredService<ClvQueries>().GetDefaultCalibrationEndAsync(Token))!.Value;

        var page = RenderAt("/value");

        var report = (await Services.GetRequiredService<ClvQueries>().GetReportAsync(end, cancellationToken: Token))!;
        Assert.Contains(DisplayFormat.Count(report.Model.Customers.Count), page.Find("[data-testid=value-summary]").TextContent, StringComparison.Ordinal);
        Assert.Contains(DisplayFormat.Date(end), page.Find("[data-testid=value-summary]").TextContent, StringComparison.Ordinal);
        var bgnbd = page.Find("[data-testid=value-bgnbd]");
        Assert.Equal(DisplayFormat.Number(report.Model.BgNbd.Parameters.R, 4), bgnbd.QuerySelector("tr[data-param=r] td:nth-child(2)")!.TextContent);
        Assert.Equal(DisplayFormat.Number(report.Model.BgNbd.Parameters.B, 4), bgnbd.QuerySelector("tr[data-param=b] td:nth-child(2)")!.TextContent);
        Assert.False(string.IsNullOrWhiteSpace(bgnbd.QuerySelector("tr[data-param=alpha] td:nth-child(3)")!.TextContent));

        var rows = page.FindAll("[data-testid=value-by-segment] tbody tr");
        Assert.Equal(Enum.GetValues<RfmSegment>().Length, rows.Count);
        var counted = rows.Sum(r => int.Parse(r.QuerySelectorAll("td")[1].TextContent.Replace("\u202f", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(report.Model.Customers.Count, counted);

        var lost = page.FindAll("[data-testid=value-lost] tbody tr");
        Assert.NotEmpty(lost);
        Assert.Contains("/customers/", page.Find("[data-testid=value-lost]").InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomSegmentation_InTheUrl_TableHasTheCountMeanAndSumOfEachProfileAndNamesTheVersion()
    {
        await SeedDemoAsync();
        SignInInteractiveAs(Roles.Analyst);
        var end = (await Services.GetRequiredService<ClvQueries>().GetDefaultCalibrationEndAsync(Token))!.Value;
        var saved = await Services.GetRequiredService<SegmentationQueries>()
            .SaveAsync(null, "Deux profils", SegmentationQueriesTests.RecentThenRegulars(), 0, "Pour commencer", "analyste@test", Token);

        var page = RenderAt($"/value?segmentation={saved.Key}");
        page.WaitForElement("[data-testid=value-by-custom-segment]", Wait);

        // Directly from the fit and the RFM scores of the day after the calibration end: first profile R ≥ 4, then 2 orders or more.
        var report = (await Services.GetRequiredService<ClvQueries>().GetReportAsync(end, cancellationToken: Token))!;
        var scores = (await Services.GetRequiredService<RfmQueries>().ScoreAsync(end.AddDays(1), Token)).Customers.ToDictionary(c => c.CustomerId);
        var groups = report.Model.Customers
            .ToLookup(c => !scores.TryGetValue(c.CustomerId, out var s) ? "" : s.RecencyScore >= 4 ? "recents" : s.Frequency >= 2 ? "fideles" : "");
        var format = Services.GetRequiredService<DisplayFormat>();
        var rows = page.FindAll("[data-testid=value-by-custom-segment] tbody tr");
        Assert.Equal(["recents", "fideles", ""], rows.Select(r => r.GetAttribute("data-segment")));
        Assert.Equal(["Récents", "Fidèles", "Dans aucun segment"], rows.Select(r => r.QuerySelector("td")!.TextContent));
        foreach (var row in rows)
        {
            var members = groups[row.GetAttribute("data-segment")!].ToList();
            Assert.NotEmpty(members);
            var cells = row.QuerySelectorAll("td").Select(c => c.TextContent).ToArray();
            Assert.Equal(DisplayFormat.Count(members.Count), cells[1]);
            Assert.Equal(DisplayFormat.Percent(members.Average(c => c.ProbabilityAlive)), cells[2]);
            Assert.Equal(DisplayFormat.Number(members.Sum(c => c.ExpectedPurchases)), cells[3]);
            Assert.Equal(format.Money((decimal)members.Sum(c => c.Clv!.Value), 0), cells[4]);
        }
        var note = page.Find("[data-testid=value-custom-version]").TextContent;
        Assert.Contains("Segmentation «\u00a0Deux profils\u00a0», version 1", note, StringComparison.Ordinal);
        Assert.Contains(DisplayFormat.Date(end.AddDays(1)), note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executive_GetsAggregatesButNoLostCustomers_NoCustomSegmentationYet_UnknownOneSaid()
    {
        await SeedDemoAsync();
        SignInInteractiveAs(Roles.Executive);

        var page = RenderAt("/value");

        Assert.NotEmpty(page.FindAll("[data-testid=value-by-segment] tbody tr"));
        Assert.Empty(page.FindAll("[data-testid=value-lost]"));
        Assert.Empty(page.FindAll("[data-testid=value-lost-none]"));
        Assert.DoesNotContain("/customers/", page.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("[data-testid=value-custom-none]"));
        Assert.Empty(page.FindAll("[data-testid=value-by-custom-segment]"));

        var unknown = RenderAt("/value?segmentation=inconnue");
        Assert.Contains("inconnue", unknown.Find("[data-testid=value-custom-unknown]").TextContent, StringComparison.Ordinal);
        Assert.Empty(unknown.FindAll("[data-testid=value-by-custom-segment]"));
    }

    [Fact]
    public async Task PublicOnlineRetail_CalibrationEnd2011_06_30_HoldoutChartHasPredictedAndActual()
    {
        var path = TestFiles.OnlineRetail();
        if (path is null)
        {
            Assert.Skip("../shared/data/online_retail.csv.gz (beside the repository) is absent: the public-file test needs it.");
        }
        var import = await CliTestRunner.RunAsync(database.ConnectionString, ["import", path, "--format", "online-retail"],
            settings: new Dictionary<string, string?> { ["Business:Currency"] = "GBP" });
        Assert.Equal(0, import.ExitCode);
        AddAppServices(database.ConnectionString);
        JSInterop.SetupModule(ChartJs.ModulePath);
        SignInInteractiveAs(Roles.Analyst);

        var page = RenderAt("/value?end=2011-06-30");

        Assert.Contains(DisplayFormat.Date(new DateOnly(2011, 6, 30)), page.Find("[data-testid=value-summary]").TextContent, StringComparison.Ordinal);
        page.WaitForElement("[data-testid=value-holdout-chart]", Wait);
        var chart = page.FindComponent<ChartJs>().Instance.Config;
        Assert.Equal(2, chart.Data.Datasets.Count);
        // 2011-07-01 … 2011-12-09: 23 whole weeks after the calibration end, within the horizon.
        Assert.Equal(23, chart.Data.Labels.Count);
        var predicted = chart.Data.Datasets[0].Values!;
        var actual = chart.Data.Datasets[1].Values!;
        Assert.Equal(23, predicted.Count);
        Assert.Equal(23, actual.Count);
        Assert.All(predicted, v => Assert.True(v > 0));
        Assert.True(actual.Sum() > 0);
    }
}

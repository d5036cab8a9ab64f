using CustomerInsight.Core.Dashboard;
using CustomerInsight.Web.Components.Pages.Satisfaction;
using CustomerInsight.Web.Components.Shared;

namespace CustomerInsight.Tests.Web.Satisfaction;

/// <summary>The dashboard's top themes: read only once what they wait for (the satisfaction chart drawn) is done.</summary>
public sealed class TopThemesTests : DatabaseBunitTestBase
{
    protected override async Task ArrangeAsync()
    {
        await SeedDemoWithChartsAsync(60);
        SignInAs(Roles.Analyst);
    }

    [Fact]
    public async Task Themes_ReadOnceTheChartIsDrawn_ASkeletonUntilThen()
    {
        var latest = (await Services.GetRequiredService<KpiQueries>().GetLatestSaleDateAsync(Token))!.Value;
        var filter = FilterState.FromQuery("last-year", null, null, null, null, null, null).ToKpiFilter(latest);
        var drawn = new TaskCompletionSource();

        var block = Render<TopThemes>(p => p.Add(c => c.Filter, filter).Add(c => c.MoreHref, "/satisfaction?period=last-year")
            .Add(c => c.After, drawn.Task));
        await block.InvokeAsync(() => { });

        // Nothing read while the chart is not drawn: its skeleton.
        Assert.NotEmpty(block.FindAll(".mud-skeleton"));
        Assert.Empty(block.FindAll("[data-testid=top-theme]"));

        drawn.SetResult();
        block.WaitForAssertion(() => Assert.NotEmpty(block.FindAll("[data-testid=top-theme]")), TimeSpan.FromSeconds(30));
        Assert.Empty(block.FindAll(".mud-skeleton"));
    }
}

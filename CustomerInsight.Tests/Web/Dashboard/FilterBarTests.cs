using Bunit;
using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Sales;
using CustomerInsight.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace CustomerInsight.Tests.Web.Dashboard;

public sealed class FilterBarTests : BunitTestBase
{
    private static readonly DateOnly Reference = new(2026, 9, 30);

    private IRenderedComponent<FilterBar> RenderBar(FilterState state) =>
        Render<FilterBar>(p => p.Add(c => c.Value, state).Add(c => c.ReferenceDate, Reference));

    [Fact]
    public void Default_ShowsTheLast30DaysBeforeTheReferenceDateAndTheirPreviousPeriod()
    {
        var bar = RenderBar(FilterState.Default);

        var text = bar.Find("[data-testid=filter-period-text]").TextContent;
        Assert.Contains("01/09/2026", text, StringComparison.Ordinal);
        Assert.Contains("30/09/2026", text, StringComparison.Ordinal);
        Assert.Contains("02/08/2026", text, StringComparison.Ordinal);
        Assert.Contains("31/08/2026", text, StringComparison.Ordinal);
        Assert.Contains("30/09/2026", bar.Find("[data-testid=filter-reference]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PresetLastMonth_PutsItInTheUrl()
    {
        var bar = RenderBar(FilterState.Default);

        await bar.InvokeAsync(() => bar.Instance.OnPresetChanged(PeriodPreset.LastMonth));

        var uri = new Uri(Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Contains("period=last-month", uri.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("from=", uri.Query, StringComparison.Ordinal);
        var state = FilterState.FromQuery("last-month", null, null, null, null);
        Assert.Equal(Period.Month(2026, 8), state.ResolvePeriod(Reference));
        Assert.Equal(Period.Month(2026, 7), state.ResolvePeriod(Reference).Previous);
    }

    [Fact]
    public async Task Custom_StartsFromTheShownPeriodAndKeepsTheChannel()
    {
        var bar = RenderBar(new FilterState(PeriodPreset.ThisQuarter, Channel: Channel.Store));

        await bar.InvokeAsync(() => bar.Instance.OnPresetChanged(PeriodPreset.Custom));

        var query = new Uri(Services.GetRequiredService<NavigationManager>().Uri).Query;
        Assert.Contains("period=custom", query, StringComparison.Ordinal);
        Assert.Contains("from=2026-07-01", query, StringComparison.Ordinal);
        Assert.Contains("to=2026-10-01", query, StringComparison.Ordinal);
        Assert.Contains("channel=store", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelAll_RemovesTheChannelFromTheUrl()
    {
        var bar = RenderBar(new FilterState(PeriodPreset.ThisYear, Channel: Channel.Web));

        await bar.InvokeAsync(() => bar.Instance.OnChannelChanged(""));

        var query = new Uri(Services.GetRequiredService<NavigationManager>().Uri).Query;
        Assert.DoesNotContain("channel=", query, StringComparison.Ordinal);
        Assert.Contains("period=this-year", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segment_ShownOnTheDashboardAndPutInTheUrlByCode()
    {
        var bar = Render<FilterBar>(p => p.Add(c => c.Value, new FilterState(PeriodPreset.ThisQuarter, Channel: Channel.Web))
            .Add(c => c.ReferenceDate, Reference).Add(c => c.ShowSegment, true));
        Assert.NotNull(bar.Find("[data-testid=filter-segment]"));
        Assert.Contains("Segment RFM", bar.Markup, StringComparison.Ordinal);

        await bar.InvokeAsync(() => bar.Instance.OnSegmentChanged(RfmSegment.CantLoseThem.Code()));

        var query = new Uri(Services.GetRequiredService<NavigationManager>().Uri).Query;
        Assert.Contains("segment=cant_lose_them", query, StringComparison.Ordinal);
        Assert.Contains("period=this-quarter", query, StringComparison.Ordinal);
        Assert.Contains("channel=web", query, StringComparison.Ordinal);
        var state = FilterState.FromQuery("this-quarter", null, null, "web", null, "cant_lose_them");
        Assert.Equal(RfmSegment.CantLoseThem, state.Segment);
        Assert.Equal(RfmSegment.CantLoseThem, state.ToKpiFilter(Reference).Segment);
        Assert.Equal(new DateOnly(2026, 10, 1), state.ToKpiFilter(Reference).SegmentDate);
    }

    [Fact]
    public async Task SegmentAll_RemovesTheSegmentFromTheUrl()
    {
        var bar = Render<FilterBar>(p => p.Add(c => c.Value, new FilterState(PeriodPreset.ThisYear, Segment: RfmSegment.Champions))
            .Add(c => c.ReferenceDate, Reference).Add(c => c.ShowSegment, true));

        await bar.InvokeAsync(() => bar.Instance.OnSegmentChanged(""));

        var query = new Uri(Services.GetRequiredService<NavigationManager>().Uri).Query;
        Assert.DoesNotContain("segment=", query, StringComparison.Ordinal);
        Assert.Contains("period=this-year", query, StringComparison.Ordinal);
    }

    [Fact]
    public void Segment_NotShownWhereThePageDoesNotFilterBySegment()
    {
        var bar = RenderBar(FilterState.Default);

        Assert.Empty(bar.FindAll("[data-testid=filter-segment]"));
        Assert.Null(FilterState.FromQuery(null, null, null, null, null, "bogus").Segment);
    }

    [Theory]
    [InlineData("custom", "2026-03-01", "2026-04-01", 2026, 3, 1, 31)]
    [InlineData("custom", "2026-04-01", "2026-03-01", 2026, 9, 1, 30)] // reversed range: default preset
    [InlineData("bogus", null, null, 2026, 9, 1, 30)]
    [InlineData("this-year", null, null, 2026, 1, 1, 365)]
    public void FromQuery_ResolvesPeriods(string period, string? from, string? to, int year, int month, int day, int days)
    {
        var resolved = FilterState.FromQuery(period, from, to, null, null).ResolvePeriod(Reference);

        Assert.Equal(new DateOnly(year, month, day), resolved.Start);
        Assert.Equal(days, resolved.Days);
    }
}

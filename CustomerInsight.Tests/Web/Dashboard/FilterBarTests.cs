namespace CustomerInsight.Tests.Web.Dashboard;

public sealed class FilterBarTests : BunitTestBase
{
    private static readonly DateOnly Reference = new(2026, 9, 30);

    /// <summary>The text a date picker shows (MudBlazor puts the test id on the input or on its wrapper).</summary>
    private static string? PickerValue(IRenderedComponent<FilterBar> bar, string testId)
    {
        var picker = bar.Find($"[data-testid={testId}]");
        var input = picker.TagName == "INPUT" ? picker : picker.QuerySelector("input");
        return input?.GetAttribute("value");
    }

    private IRenderedComponent<FilterBar> RenderBar(FilterState state) =>
        Render<FilterBar>(p => p.Add(c => c.Value, state).Add(c => c.ReferenceDate, Reference));

    [Fact]
    public void Default_ShowsTheLast30DaysBeforeTheReferenceDateAndTheirPreviousPeriod()
    {
        var bar = RenderBar(FilterState.Default);

        var text = bar.Find("[data-testid=filter-period-text]").TextContent;
        Assert.Contains("01/09/2026", text, StringComparison.Ordinal);
        Assert.Contains("30/09/2026", text, StringComparison.Ordinal);
        // 1–30 September is a whole month: compared with the whole of August (metrics.md).
        Assert.Contains("01/08/2026", text, StringComparison.Ordinal);
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
        // The URL's "to" is the last day included, as the picker shows it.
        Assert.Contains("to=2026-09-30", query, StringComparison.Ordinal);
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
    [InlineData("custom", "2026-03-01", "2026-03-31", 2026, 3, 1, 31)]
    [InlineData("custom", "2026-03-05", "2026-03-05", 2026, 3, 5, 1)]
    [InlineData("custom", "2026-04-01", "2026-03-01", 2026, 9, 1, 30)] // reversed range: reported, never used for figures
    [InlineData("bogus", null, null, 2026, 9, 1, 30)]
    [InlineData("this-year", null, null, 2026, 1, 1, 273)] // to date: 1 January – 30 September
    public void FromQuery_ResolvesPeriods(string period, string? from, string? to, int year, int month, int day, int days)
    {
        var resolved = FilterState.FromQuery(period, from, to, null, null).ResolvePeriod(Reference);

        Assert.Equal(new DateOnly(year, month, day), resolved.Start);
        Assert.Equal(days, resolved.Days);
    }

    [Fact]
    public void CustomToInclusive_31December_ShowsAndMeans31December()
    {
        // The issue: to=2011-12-31 showed 30/12/2011 because "to" was exclusive while the picker says "Au (inclus)".
        var state = FilterState.FromQuery("custom", "2011-12-01", "2011-12-31", null, null);
        var bar = Render<FilterBar>(p => p.Add(c => c.Value, state).Add(c => c.ReferenceDate, new DateOnly(2011, 12, 9)));

        var period = state.ResolvePeriod(new DateOnly(2011, 12, 9));
        Assert.Equal(new DateOnly(2011, 12, 31), period.LastDay);
        Assert.Contains("Du 01/12/2011 au 31/12/2011", bar.Find("[data-testid=filter-period-text]").TextContent, StringComparison.Ordinal);
        Assert.Equal("31/12/2011", PickerValue(bar, "filter-to"));
        Assert.Equal("2011-12-31", state.ToQuery()[FilterState.ToKey]);
    }

    [Fact]
    public void ReversedRange_SaysSoInsteadOfShowingTheLast30Days()
    {
        var state = FilterState.FromQuery("custom", "2026-04-01", "2026-03-01", null, null);
        var bar = RenderBar(state);

        Assert.True(state.IsReversedRange);
        var message = bar.Find("[data-testid=filter-reversed]").TextContent;
        Assert.Contains("Période inversée", message, StringComparison.Ordinal);
        Assert.Contains("01/03/2026", message, StringComparison.Ordinal);
        Assert.Contains("01/04/2026", message, StringComparison.Ordinal);
        Assert.Empty(bar.FindAll("[data-testid=filter-period-text]"));
        Assert.Equal("01/04/2026", PickerValue(bar, "filter-from"));
    }

    [Fact]
    public async Task LastDayBeforeFirst_PutsTheReversedRangeInTheUrl()
    {
        var bar = RenderBar(FilterState.FromQuery("custom", "2026-03-10", "2026-03-20", null, null));

        await bar.InvokeAsync(() => bar.Instance.OnLastDayChanged(new DateTime(2026, 3, 5)));

        var query = new Uri(Services.GetRequiredService<NavigationManager>().Uri).Query;
        Assert.Contains("from=2026-03-10", query, StringComparison.Ordinal);
        Assert.Contains("to=2026-03-05", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareLastYear_InTheUrlAndThePeriodText()
    {
        var bar = Render<FilterBar>(p => p.Add(c => c.Value, new FilterState(PeriodPreset.ThisYear))
            .Add(c => c.ReferenceDate, Reference).Add(c => c.ShowCompare, true));
        Assert.Contains("comparé au 01/01/2025 – 30/09/2025", bar.Find("[data-testid=filter-period-text]").TextContent, StringComparison.Ordinal);

        await bar.InvokeAsync(() => bar.Instance.OnCompareChanged(nameof(ComparisonMode.LastYear)));

        var query = new Uri(Services.GetRequiredService<NavigationManager>().Uri).Query;
        Assert.Contains("compare=last-year", query, StringComparison.Ordinal);
        var state = FilterState.FromQuery("this-year", null, null, null, null, null, "last-year");
        Assert.Equal(ComparisonMode.LastYear, state.ToKpiFilter(Reference).Compare);
        var shown = Render<FilterBar>(p => p.Add(c => c.Value, state).Add(c => c.ReferenceDate, Reference).Add(c => c.ShowCompare, true));
        Assert.Contains("même période l'an dernier", shown.Find("[data-testid=filter-period-text]").TextContent, StringComparison.Ordinal);
        Assert.Contains("01/01/2025 – 30/09/2025", shown.Find("[data-testid=filter-period-text]").TextContent, StringComparison.Ordinal);
    }
}

using SegmentsPage = CustomerInsight.Web.Components.Pages.Segments.Segments;

namespace CustomerInsight.Tests.Web.Segments;

/// <summary>The R×F heat map and the segment table, rendered with bUnit over a hand-made RFM result.</summary>
public sealed class SegmentComponentsTests : BunitTestBase
{
    private static readonly DateOnly Date = new(2011, 12, 10);

    // Five customers: two champions (R5 F5), one hibernating (R1 F1) with negative monetary, two at risk (R2 F3).
    private static readonly RfmSummary Summary = RfmSummary.Create(new RfmResult(Date,
    [
        Score(1, 5, 5, 300m, RfmSegment.Champions),
        Score(2, 5, 5, 100m, RfmSegment.Champions),
        Score(3, 1, 1, -20m, RfmSegment.Hibernating),
        Score(4, 2, 3, 10m, RfmSegment.AtRisk),
        Score(5, 2, 3, 10m, RfmSegment.AtRisk),
    ]), RfmGrid.Default);

    private static readonly IReadOnlyList<SegmentConsentReach> Reach = RfmSegments.All
        .Select(s => new SegmentConsentReach(s, s == RfmSegment.Champions ? new ConsentReach(2, 1, 0, 2) : new ConsentReach(0, 0, 0, 0)))
        .ToArray();

    [Fact]
    public void HeatMap_Summary_25CellsWithCountsAndSegmentNames()
    {
        var cut = Render<RfmGridHeatMap>(p => p.Add(c => c.Cells, Summary.Cells));

        Assert.Equal(25, cut.FindAll("td[data-segment]").Count);
        var champions = cut.Find("[data-testid=rfm-cell-5-5]");
        Assert.Contains("2", champions.QuerySelector(".ci-heatmap-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Champions", champions.QuerySelector(".ci-heatmap-name")!.TextContent);
        Assert.Equal("En hibernation", cut.Find("[data-testid=rfm-cell-1-1] .ci-heatmap-name").TextContent);
        Assert.Equal("champions", champions.GetAttribute("data-segment"));
        // The fullest cell is the darkest; an empty one the lightest.
        Assert.Contains("0.9)", champions.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("0.08)", cut.Find("[data-testid=rfm-cell-3-3]").GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public void HeatMap_WithoutHref_NoLinks()
    {
        var cut = Render<RfmGridHeatMap>(p => p.Add(c => c.Cells, Summary.Cells));

        Assert.Empty(cut.FindAll("a"));
    }

    [Fact]
    public void HeatMap_WithHref_EachCellLinksToThatCellsCustomersNotItsWholeSegment()
    {
        var cut = Render<RfmGridHeatMap>(p => p
            .Add(c => c.Cells, Summary.Cells)
            .Add(c => c.CellHref, (r, f) => AppUrls.CellCustomers(r, f, Date)));

        Assert.Equal(25, cut.FindAll("a").Count);
        Assert.Equal("/customers?date=2011-12-10&r=2&f=3", cut.Find("[data-testid=rfm-cell-2-3] a").GetAttribute("href"));
        Assert.Equal("/customers?date=2011-12-10&r=5&f=1", cut.Find("[data-testid=rfm-cell-5-1] a").GetAttribute("href"));
    }

    [Fact]
    public void SummaryTable_Summary_AllTenSegmentsWithSharesAndReach()
    {
        var cut = Render<SegmentSummaryTable>(p => p.Add(c => c.Summary, Summary).Add(c => c.Reach, Reach));

        Assert.Equal(10, cut.FindAll("tbody tr").Count);
        var champions = cut.Find("[data-testid=segment-row-champions]").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal("Champions", champions[0]);
        Assert.Equal("2", champions[1]);
        Assert.Equal("40,0 %", champions[2].Replace('\u00a0', ' ').Replace('\u202f', ' '));
        Assert.Equal("400 €", champions[3].Replace('\u00a0', ' ').Replace('\u202f', ' '));
        Assert.Equal(["1", "0", "2"], champions[6..]);
        var empty = cut.Find("[data-testid=segment-row-promising]").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal("n.d.", empty[5]);
        Assert.Equal("5", cut.Find("[data-testid=segment-total-customers]").TextContent.Trim());
        Assert.Empty(cut.FindAll("a"));
    }

    [Fact]
    public void SummaryTable_WithHref_SegmentNamesLink()
    {
        var cut = Render<SegmentSummaryTable>(p => p.Add(c => c.Summary, Summary).Add(c => c.Reach, Reach)
            .Add(c => c.SegmentHref, s => AppUrls.SegmentCustomers(s, Date)));

        Assert.Equal("/customers?segment=champions&date=2011-12-10", cut.Find("[data-testid=segment-link-champions]").GetAttribute("href"));
    }

    [Fact]
    public void Bubbles_NegativeAndLargestMonetary_MinAndMaxRadius()
    {
        Assert.Equal(SegmentCharts.MinRadius, SegmentCharts.Radius(-20m, 300m));
        Assert.Equal(SegmentCharts.MaxRadius, SegmentCharts.Radius(300m, 300m));
        Assert.Equal(9, SegmentCharts.Radius(75m, 300m));
    }

    [Fact]
    public void Charts_French_ChartJsFormatsTheirNumbersInFrench()
    {
        var migration = RfmMigrationCalculator.Calculate(new RfmResult(Date.AddMonths(-3), []), new RfmResult(Date, []));
        ChartConfig[] charts =
        [
            SegmentCharts.Sizes(Summary, "Clients", "Montant", "EUR"),
            SegmentCharts.Bubbles([], "Récence", "Fréquence"),
            SegmentCharts.Flows(migration, "Nouveaux"),
        ];

        foreach (var chart in charts)
        {
            using var json = JsonDocument.Parse(chart.ToJson());
            Assert.Equal("fr-FR", json.RootElement.GetProperty("options").GetProperty("locale").GetString());
        }
    }

    private static RfmCustomerScore Score(int id, int r, int f, decimal monetary, RfmSegment segment) =>
        new(id, Date.AddDays(-r), r, f, monetary, r, f, 3, segment);

    [Fact]
    public void Table_QuintilesLeavingF2Empty_SaysWhichLevelWhyAndNamesTheSetting()
    {
        int[] frequencies = [1, 1, 1, 1, 2, 2, 3, 5, 8, 13];
        var result = RfmScorer.Score(frequencies.Select((f, i) => new CustomerActivity(i + 1, Date.AddDays(-1 - i), f, 10m * f)).ToArray(), Date);

        var cut = Render<SegmentSummaryTable>(p => p.Add(c => c.Summary, RfmSummary.Create(result, RfmGrid.Default)).Add(c => c.Reach, Reach));

        Assert.Contains("Rfm:FrequencyScoring = Quintiles",
            cut.Find("[data-testid=segment-table-empty-levels-scoring]").TextContent, StringComparison.Ordinal);
        var note = cut.Find("[data-testid=segment-table-empty-levels-note]").TextContent;
        Assert.Contains("F\u00a02", note, StringComparison.Ordinal);
        Assert.Contains("40\u00a0%", note, StringComparison.Ordinal);
        Assert.Contains("Rfm:FrequencyScoring = Thresholds", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_Thresholds_NamesTheThresholdsAndNoEmptyFrequencyNote()
    {
        int[] frequencies = [1, 1, 1, 1, 2, 2, 3, 5, 8, 13];
        var scale = new RfmFrequencyScale(RfmFrequencyScoring.Thresholds, RfmFrequencyScale.DefaultThresholds);
        var result = RfmScorer.Score(frequencies.Select((f, i) => new CustomerActivity(i + 1, Date.AddDays(-1 - i), f, 10m * f)).ToArray(),
            Date, frequencyScale: scale);

        var cut = Render<SegmentSummaryTable>(p => p.Add(c => c.Summary, RfmSummary.Create(result, RfmGrid.Default)).Add(c => c.Reach, Reach));

        Assert.Contains("Rfm:FrequencyThresholds = [2, 3, 4, 6]",
            cut.Find("[data-testid=segment-table-empty-levels-scoring]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(cut.FindAll("[data-testid=segment-table-empty-levels-note]"),
            n => n.TextContent.Contains('F', StringComparison.Ordinal));
    }
}

using CustomerInsight.Core.Omoc;
using CustomerInsight.Web.Components.Charts;

namespace CustomerInsight.Web.Components.Pages.Omoc;

/// <summary>The Chart.js configuration of an OMOC radar ("cible"): radial scale 0–4, rings 1–4, one polygon per series.</summary>
public static class OmocRadarConfig
{
    /// <summary>Axis labels in the language of <paramref name="culture"/>; drafts drawn dashed. Chart.js toggles a series from its legend entry.</summary>
    public static ChartConfig Build(RadarChart chart, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(culture);
        var labels = chart.Axes.Select(axis => OmocAxes.Describe(axis).Name.For(culture)).ToList();
        var datasets = chart.Series.Select((series, index) =>
        {
            var colour = ChartPalette.At(index);
            return new ChartDataset(series.Label)
            {
                Values = series.Values.Select(v => (double?)v).ToList(),
                BorderColor = colour,
                BackgroundColor = ChartPalette.Translucent(colour),
                PointBackgroundColor = colour,
                BorderWidth = 2,
                Fill = true,
                BorderDash = series.Status == AssessmentStatus.Draft ? [6, 4] : null,
            };
        }).ToList();
        return new ChartConfig(ChartType.Radar, new ChartData(labels, datasets), new ChartOptions
        {
            Locale = culture.Name,
            Plugins = new ChartPlugins(Legend: new ChartLegend(Display: true, Position: "bottom")),
            Scales = new Dictionary<string, ChartScale>
            {
                ["r"] = new()
                {
                    Min = RadarChart.ScaleMin,
                    Max = RadarChart.ScaleMax,
                    BeginAtZero = true,
                    // Over the polygons: a point at 2 on the first axis sits exactly on the ring number 2.
                    Ticks = new ChartTicks(StepSize: 1, Display: true, Precision: 0, Z: 1),
                    PointLabels = new ChartPointLabels(new ChartFont(13)),
                },
            },
        });
    }
}

/// <summary>The Chart.js configuration of a population's trend: one line per axis over its workshops, y from 1 to 4.</summary>
public static class OmocTrendConfig
{
    /// <summary>One dash pattern per axis (Tools solid): axes with equal scores draw on top of each other and stay tellable apart.</summary>
    private static readonly IReadOnlyList<IReadOnlyList<double>?> Dashes = [null, [8, 4], [2, 3], [12, 4, 2, 4]];

    public static ChartConfig Build(PopulationTrend trend, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(trend);
        ArgumentNullException.ThrowIfNull(culture);
        var labels = trend.Workshops.Select(w => $"{w.Date.ToString("d", culture)} · {w.Title}").ToList();
        var datasets = trend.Axes.Select(axisTrend =>
        {
            var colour = ChartPalette.At((int)axisTrend.Axis);
            return new ChartDataset(OmocAxes.Describe(axisTrend.Axis).Name.For(culture))
            {
                Values = axisTrend.Scores.Select(s => (double?)s).ToList(),
                BorderColor = colour,
                BackgroundColor = colour,
                Fill = false,
                Tension = 0,
                PointRadius = 4,
                BorderWidth = 2,
                BorderDash = Dashes[(int)axisTrend.Axis],
            };
        }).ToList();
        return new ChartConfig(ChartType.Line, new ChartData(labels, datasets), new ChartOptions
        {
            Locale = culture.Name,
            Plugins = new ChartPlugins(Legend: new ChartLegend(Display: true, Position: "bottom")),
            Scales = new Dictionary<string, ChartScale>
            {
                // Suggested, not fixed: Chart.js clips points at a fixed min or max, and scores sit on 1 and 4.
                ["y"] = new() { SuggestedMin = OmocScores.MinScore, SuggestedMax = OmocScores.MaxScore, Ticks = new ChartTicks(StepSize: 1, Precision: 0) },
            },
        });
    }
}

using CustomerInsight.Core.Rfm;
using CustomerInsight.Web.Components.Charts;

namespace CustomerInsight.Web.Components.Pages.Segments;

/// <summary>Chart.js configurations of the segments page (the maths here, the drawing in the chart component).</summary>
public static class SegmentCharts
{
    /// <summary>Largest bubble radius in pixels; the smallest is <see cref="MinRadius"/> (also for zero or negative monetary).</summary>
    public const double MaxRadius = 18;
    public const double MinRadius = 2;

    public static string Name(RfmSegment segment) => segment.DisplayName(CultureInfo.CurrentUICulture);

    /// <summary>Customers (bars, left axis) and monetary (bars, right axis) per segment.</summary>
    public static ChartConfig Sizes(RfmSummary summary, string customersLabel, string monetaryLabel, string currency) => new(
        ChartType.Bar,
        new ChartData(
            summary.Segments.Select(s => Name(s.Segment)).ToList(),
            [
                new ChartDataset(customersLabel) { Values = summary.Segments.Select(s => (double?)s.Customers).ToList(),
                    BackgroundColor = ChartPalette.At(0), YAxisID = "y" },
                new ChartDataset(monetaryLabel) { Values = summary.Segments.Select(s => (double?)s.Monetary).ToList(),
                    BackgroundColor = ChartPalette.At(1), YAxisID = "y1" },
            ]),
        new ChartOptions
        {
            Scales = new Dictionary<string, ChartScale>
            {
                ["y"] = new() { BeginAtZero = true, Position = "left", Title = new ChartScaleTitle(customersLabel) },
                ["y1"] = new() { BeginAtZero = true, Position = "right", Title = new ChartScaleTitle(monetaryLabel),
                    Grid = new ChartGrid(DrawOnChartArea: false) },
            },
            ValueFormat = new ValueFormat(CultureInfo.CurrentCulture.Name, new Dictionary<string, AxisFormat>
            {
                ["y"] = new("decimal", MaximumFractionDigits: 0),
                ["y1"] = new("currency", currency, 0),
            }),
        });

    /// <summary>Recency × frequency, one series per segment so the legend names them; radius ∝ √monetary.</summary>
    public static ChartConfig Bubbles(IReadOnlyList<RfmCustomerScore> sample, string recencyLabel, string frequencyLabel)
    {
        var maxMonetary = sample.Count == 0 ? 0 : sample.Max(c => c.Monetary);
        var datasets = RfmSegments.All
            .Where(s => sample.Any(c => c.Segment == s))
            .Select(s => new ChartDataset(Name(s))
            {
                Points = sample.Where(c => c.Segment == s).Select(c => new BubblePoint(c.Recency, c.Frequency,
                    Radius(c.Monetary, maxMonetary))).ToList(),
                BackgroundColor = ChartPalette.Translucent(ChartPalette.At((int)s), 0.5),
                BorderColor = ChartPalette.At((int)s),
            })
            .ToList();
        return new ChartConfig(
            ChartType.Bubble,
            new ChartData([], datasets),
            new ChartOptions
            {
                Scales = new Dictionary<string, ChartScale>
                {
                    ["x"] = new() { BeginAtZero = true, Title = new ChartScaleTitle(recencyLabel) },
                    ["y"] = new() { BeginAtZero = true, Title = new ChartScaleTitle(frequencyLabel) },
                },
                Plugins = new ChartPlugins(Legend: new ChartLegend(Position: "bottom")),
            });
    }

    /// <summary>Bubble radius: area proportional to monetary, <see cref="MinRadius"/> for zero or negative.</summary>
    public static double Radius(decimal monetary, decimal maxMonetary)
    {
        if (monetary <= 0 || maxMonetary <= 0)
        {
            return MinRadius;
        }
        return Math.Round(Math.Max(MinRadius, MaxRadius * Math.Sqrt((double)(monetary / maxMonetary))), 2);
    }

    /// <summary>Migration as horizontal stacked bars: one bar per origin (segments, then new), one stacked series per destination.</summary>
    public static ChartConfig Flows(RfmMigration migration, string newLabel)
    {
        var origins = RfmSegments.All.Select(s => (RfmSegment?)s).Append(null).ToArray();
        return new ChartConfig(
            ChartType.Bar,
            new ChartData(
                origins.Select(o => o is { } s ? Name(s) : newLabel).ToList(),
                RfmSegments.All.Select(to => new ChartDataset(Name(to))
                {
                    Values = origins.Select(from => (double?)migration.Flow(from, to).Customers).ToList(),
                    BackgroundColor = ChartPalette.At((int)to),
                    Stack = "flows",
                }).ToList()),
            new ChartOptions
            {
                IndexAxis = "y",
                Scales = new Dictionary<string, ChartScale>
                {
                    ["x"] = new() { Stacked = true, BeginAtZero = true },
                    ["y"] = new() { Stacked = true },
                },
                Plugins = new ChartPlugins(Legend: new ChartLegend(Position: "bottom")),
            });
    }
}

using CustomerInsight.Core.Dashboard;
using CustomerInsight.Core.Omoc;
using CustomerInsight.Web.Components.Charts;

namespace CustomerInsight.Web.Components.Pages.Dashboard;

/// <summary>The dashboard's chart configurations, built from its records (no maths in the page or in JS).</summary>
public static class DashboardCharts
{
    /// <summary>Colour of a point drawn hollow: small samples.</summary>
    public const string Hollow = "transparent";

    public static IReadOnlyList<string> MonthLabels(IEnumerable<int> months) =>
        months.Select(m => DisplayFormat.Month(BusinessCalendar.MonthStart(m))).ToList();

    /// <summary>The dash of a "last year" overlay series.</summary>
    public static readonly IReadOnlyList<double> LastYearDash = [6, 4];

    /// <summary>Whether a sales trend has nothing to draw (no order, no return in any month).</summary>
    public static bool IsEmpty(IReadOnlyList<MonthlySales> trend) => trend.All(m => m.Totals.Orders == 0 && m.Totals.Returns == 0);

    /// <summary>Whether no identified customer bought in any month.</summary>
    public static bool HasNoActiveCustomers(IReadOnlyList<MonthlySales> trend) => trend.All(m => m.Totals.ActiveCustomers == 0);

    /// <summary>Whether no survey response falls in any month.</summary>
    public static bool IsEmpty(IReadOnlyList<MonthlySatisfactionKpis> trend) => trend.All(m => m.Kpis.NpsResponses == 0 && m.Kpis.CsatResponses == 0);

    /// <summary>
    /// Net revenue as bars (left axis), average basket as a line (right axis), both money; with
    /// <paramref name="lastYear"/> (the same months a year earlier), last year's net revenue as a dashed line.
    /// </summary>
    public static ChartConfig Sales(IReadOnlyList<MonthlySales> trend, string netRevenueLabel, string basketLabel, string currency,
        IReadOnlyList<MonthlySales>? lastYear = null, string? lastYearLabel = null)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var revenue = ChartPalette.At(0);
        var basket = ChartPalette.At(1);
        var overlay = lastYear is null
            ? []
            : new[]
            {
                new ChartDataset(lastYearLabel ?? netRevenueLabel)
                {
                    Type = ChartType.Line,
                    Values = lastYear.Select(m => (double?)m.Totals.NetRevenue).ToList(),
                    BorderColor = ChartPalette.At(5),
                    BackgroundColor = ChartPalette.At(5),
                    BorderDash = LastYearDash,
                    YAxisID = "y",
                },
            };
        return new ChartConfig(
            ChartType.Bar,
            new ChartData(MonthLabels(trend.Select(m => m.Month)),
            [
                new ChartDataset(netRevenueLabel) { Values = trend.Select(m => (double?)m.Totals.NetRevenue).ToList(), BackgroundColor = revenue,
                    YAxisID = "y" },
                new ChartDataset(basketLabel)
                {
                    Type = ChartType.Line,
                    Values = trend.Select(m => (double?)m.Totals.AverageBasket).ToList(),
                    BorderColor = basket,
                    BackgroundColor = basket,
                    YAxisID = "y1",
                    Tension = 0.2,
                },
                .. overlay,
            ]),
            new ChartOptions
            {
                Scales = new Dictionary<string, ChartScale>
                {
                    ["y"] = new() { BeginAtZero = true, Position = "left" },
                    ["y1"] = new() { BeginAtZero = true, Position = "right", Grid = new ChartGrid(DrawOnChartArea: false) },
                },
                ValueFormat = new ValueFormat(CultureInfo.CurrentCulture.Name, new Dictionary<string, AxisFormat>
                {
                    ["y"] = new("currency", currency, 0),
                    ["y1"] = new("currency", currency, 2),
                }),
            });
    }

    /// <summary>
    /// NPS (left axis, −100…100) and CSAT in % (right axis, 0…100); small-sample points hollow, empty months as gaps;
    /// with <paramref name="lastYear"/>, last year's NPS as a dashed line.
    /// </summary>
    public static ChartConfig Satisfaction(IReadOnlyList<MonthlySatisfactionKpis> trend, string npsLabel, string csatLabel,
        IReadOnlyList<MonthlySatisfactionKpis>? lastYear = null, string? lastYearLabel = null)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var nps = ChartPalette.At(2);
        var csat = ChartPalette.At(4);
        var overlay = lastYear is null
            ? []
            : new[]
            {
                new ChartDataset(lastYearLabel ?? npsLabel)
                {
                    Values = lastYear.Select(m => m.Kpis.Nps).ToList(),
                    BorderColor = ChartPalette.At(5),
                    BackgroundColor = ChartPalette.At(5),
                    BorderDash = LastYearDash,
                    PointRadius = 2,
                    YAxisID = "y",
                },
            };
        return new ChartConfig(
            ChartType.Line,
            new ChartData(MonthLabels(trend.Select(m => m.Month)),
            [
                new ChartDataset(npsLabel)
                {
                    Values = trend.Select(m => m.Kpis.Nps).ToList(),
                    BorderColor = nps,
                    BackgroundColor = nps,
                    PointBorderColor = nps,
                    PointBackgroundColor = PointFills(trend.Select(m => m.Kpis.IsNpsSmallSample), nps),
                    PointRadius = 4,
                    YAxisID = "y",
                },
                new ChartDataset(csatLabel)
                {
                    Values = trend.Select(m => m.Kpis.CsatPoints).ToList(),
                    BorderColor = csat,
                    BackgroundColor = csat,
                    PointBorderColor = csat,
                    PointBackgroundColor = PointFills(trend.Select(m => m.Kpis.IsCsatSmallSample), csat),
                    PointRadius = 4,
                    YAxisID = "y1",
                },
                .. overlay,
            ]),
            new ChartOptions
            {
                Scales = new Dictionary<string, ChartScale>
                {
                    ["y"] = new() { Min = -100, Max = 100, Position = "left", Title = new ChartScaleTitle(npsLabel) },
                    ["y1"] = new() { Min = 0, Max = 100, Position = "right", Title = new ChartScaleTitle(csatLabel),
                        Grid = new ChartGrid(DrawOnChartArea: false) },
                },
                ValueFormat = new ValueFormat(CultureInfo.CurrentCulture.Name, new Dictionary<string, AxisFormat>
                {
                    ["y"] = new("decimal", null, 0),
                    ["y1"] = new("decimal", null, 1),
                }),
            });
    }

    /// <summary>Active customers per month as bars; with <paramref name="lastYear"/>, last year's as a dashed line (and a legend).</summary>
    public static ChartConfig ActiveCustomers(IReadOnlyList<MonthlySales> trend, string label, IReadOnlyList<MonthlySales>? lastYear = null,
        string? lastYearLabel = null)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var overlay = lastYear is null
            ? []
            : new[]
            {
                new ChartDataset(lastYearLabel ?? label)
                {
                    Type = ChartType.Line,
                    Values = lastYear.Select(m => (double?)m.Totals.ActiveCustomers).ToList(),
                    BorderColor = ChartPalette.At(5),
                    BackgroundColor = ChartPalette.At(5),
                    BorderDash = LastYearDash,
                },
            };
        return new ChartConfig(
            ChartType.Bar,
            new ChartData(MonthLabels(trend.Select(m => m.Month)),
                [new ChartDataset(label) { Values = trend.Select(m => (double?)m.Totals.ActiveCustomers).ToList(),
                    BackgroundColor = ChartPalette.At(3) }, .. overlay]),
            new ChartOptions
            {
                Plugins = new ChartPlugins(Legend: new ChartLegend(Display: lastYear is not null)),
                Scales = new Dictionary<string, ChartScale> { ["y"] = new() { BeginAtZero = true, Ticks = new ChartTicks(Precision: 0) } },
                ValueFormat = new ValueFormat(CultureInfo.CurrentCulture.Name, new Dictionary<string,
                    AxisFormat> { ["y"] = new("decimal", null, 0) }),
            });
    }

    /// <summary>Colour of a month marker holding a go-live.</summary>
    public const string GoLiveColor = "#c62828";

    /// <summary>Colour of a month marker holding workshops only.</summary>
    public const string WorkshopColor = "#6a1b9a";

    /// <summary>
    /// One vertical marker per month of <paramref name="months"/> holding change events (a monthly chart has one
    /// category per month), at that month's index, labelled with its events in date order; red when a go-live is
    /// among them. Events outside the months are left out.
    /// </summary>
    public static IReadOnlyList<ChartMarker> ChangeMarkers(IReadOnlyList<int> months, IEnumerable<ChangeEvent> events, Func<ChangeEvent,
        string> label)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(label);
        return events
            .Select(e => (Event: e, Index: IndexOf(months, BusinessCalendar.MonthKey(e.Date))))
            .Where(e => e.Index >= 0)
            .GroupBy(e => e.Index)
            .OrderBy(g => g.Key)
            .Select(g => new ChartMarker(
                g.Key,
                string.Join(" · ", g.OrderBy(e => e.Event.Date).Select(e => label(e.Event))),
                g.Any(e => e.Event.Kind == ChangeEventKind.GoLive) ? GoLiveColor : WorkshopColor))
            .ToList();
    }

    /// <summary>The chart with these markers drawn by the overlay plugin (none: the chart unchanged).</summary>
    public static ChartConfig WithMarkers(ChartConfig config, IReadOnlyList<ChartMarker> markers)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(markers);
        if (markers.Count == 0)
        {
            return config;
        }
        var options = config.Options ?? new ChartOptions();
        var plugins = options.Plugins ?? new ChartPlugins();
        var overlays = (plugins.CiOverlays ?? new ChartOverlays()) with { Markers = markers };
        return config with { Options = options with { Plugins = plugins with { CiOverlays = overlays } } };
    }

    private static int IndexOf(IReadOnlyList<int> months, int month)
    {
        for (var i = 0; i < months.Count; i++)
        {
            if (months[i] == month)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>One fill per point: the series colour, or transparent (hollow) for a small sample.</summary>
    public static ChartColors PointFills(IEnumerable<bool> smallSample, string color) =>
        new(smallSample.Select(small => small ? Hollow : color).ToList());

    /// <summary>The heat colour of a retention cell: the primary blue, more opaque for a higher share.</summary>
    public static string HeatColor(double share) => ChartPalette.Translucent(ChartPalette.At(0), 0.08 + (0.82 * Math.Clamp(share, 0, 1)));
}

using CustomerInsight.Core.Dashboard;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Omoc;
using CustomerInsight.Web.Components.Charts;
using CustomerInsight.Web.Components.Shared;
using CustomerInsight.Web.Endpoints;
using Microsoft.Extensions.Options;

namespace CustomerInsight.Web.Components.Pages.Dashboard;

/// <summary>One KPI card's content.</summary>
public sealed record KpiCardModel(Kpi Kpi, string Title, string Value, string Previous, KpiChange Change, int DifferenceDecimals, bool SmallSample);

/// <summary>
/// The executive dashboard (home for every role): KPI cards, monthly trends, channels, cohorts. Filters in the URL.
/// The RFM segment filter (<c>?segment=champions</c>) takes the customers of that segment at the period's end
/// (the analysis date is the day after the period's last day) and computes every figure on the page, the
/// previous period's included, over that fixed set of customers only; anonymous orders are left out. A custom segment
/// (<c>?segment=deux-profils.gros-acheteurs</c>) does the same with the customers its segmentation's version in use places there.
/// </summary>
public sealed partial class Dashboard
{
    private DashboardData? data;
    private IReadOnlyList<KpiCardModel> cards = [];
    private (ChartConfig Sales, ChartConfig Satisfaction, ChartConfig Active)? charts;
    private DashboardNotes? notes;
    private IReadOnlyList<ChangeEvent> changeEvents = [];

    /// <summary>
    /// Completed once the browser shows the satisfaction chart of the figures on screen: the top themes are read only then, the
    /// figures' charts drawn first (on two cores, reading them meanwhile delayed the charts by 0.2–0.3 s with a custom segment at
    /// 10 M order lines: bench/RESULTS.md).
    /// </summary>
    private TaskCompletionSource satisfactionDrawn = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Whether the trend charts show the change projects' workshops and go-lives (on by default: the few dated
    /// events are what a steering committee reads the trends against; a click hides them).
    /// </summary>
    private bool showChanges = true;

    /// <summary>The cards of product.md, in its order.</summary>
    public static readonly IReadOnlyList<Kpi> CardKpis =
    [
        Kpi.AverageBasket, Kpi.Nps, Kpi.Csat, Kpi.RetentionRate, Kpi.NetRevenue,
        Kpi.Orders, Kpi.ActiveCustomers, Kpi.NewCustomers, Kpi.RepeatPurchaseRate,
    ];

    [Inject] public required DashboardQueries Queries { get; set; }
    [Inject] public required CustomerInsight.Core.Segments.SegmentationQueries Segmentations { get; set; }
    [Inject] public required OmocQueries OmocQueries { get; set; }
    [Inject] public required IOptions<KpiOptions> KpiOptions { get; set; }
    [Inject] public required DisplayFormat Format { get; set; }
    [Inject] public required IStringLocalizer<DashboardText> T { get; set; }


    private int MinResponses => KpiOptions.Value.MinResponses;

    /// <summary>The custom segmentations the segment filter lists besides the RFM segments.</summary>
    private IReadOnlyList<CustomerInsight.Core.Segments.SegmentationInfo> customSegmentations = [];

    /// <summary>The KPI workbook of the figures on screen (period, channel, segment); null until they are loaded.</summary>
    private string? KpiDownloadHref => data is null || State.IsReversedRange
        ? null
        : AppUrls.KpiWorkbookFor(data.Kpis.Period, data.Kpis.Filter.Channel, data.Kpis.Filter.CustomSegment?.ToString()
            ?? (data.Kpis.Filter.Segment is { } rfm ? CustomerInsight.Core.Rfm.RfmSegments.Code(rfm) : null), data.Kpis.Filter.Compare);

    protected override async Task LoadFiguresAsync(DateOnly? reference, CancellationToken cancellationToken)
    {
        customSegmentations = await Segmentations.GetSegmentationsAsync(cancellationToken);
        if (reference is not { } day || State.IsReversedRange)
        {
            data = null;
            return;
        }
        var options = KpiOptions.Value;
        var filter = State.ToKpiFilter(day);
        // The figures not yet shared are computed on the pool's threads; the top themes are read once they are drawn.
        var dashboard = Queries.GetDashboardAsync(filter, new KpiThresholds(options.LapsedAfterDays, options.MinResponses), cancellationToken);
        var loaded = await dashboard;
        var events = await OmocQueries.ListChangeEventsAsync(loaded.TrendRange.Start, loaded.TrendRange.End, cancellationToken);
        // Everything shown changes together, after the last await: a render in between (a shared read still running)
        // never sees new figures with the previous view's cards, charts or notes.
        (data, changeEvents) = (loaded, events);
        satisfactionDrawn = new(TaskCreationOptions.RunContinuationsAsynchronously);
        cards = BuildCards(data.Kpis);
        BuildCharts();
        notes = DashboardNotes.Create(data, MinResponses, T);
    }

    /// <summary>
    /// The prerender starts the figures (at 10 M order lines a new view's take a few tenths of a second) and leaves them to the
    /// interactive render, so that the browser loads the scripts and starts the circuit meanwhile instead of afterwards.
    /// </summary>
    protected override async Task<bool> StartFiguresAsync(DateOnly? reference, CancellationToken cancellationToken)
    {
        // The filter bar lists them in the prerender too.
        customSegmentations = await Segmentations.GetSegmentationsAsync(cancellationToken);
        if (reference is not { } day || State.IsReversedRange)
        {
            return false;
        }
        var options = KpiOptions.Value;
        var filter = State.ToKpiFilter(day);
        await Queries.StartAsync(filter, new KpiThresholds(options.LapsedAfterDays, options.MinResponses), cancellationToken);
        return true;
    }

    private void SatisfactionDrawn() => satisfactionDrawn.TrySetResult();

    private void BuildCharts()
    {
        var data = this.data!;
        var lastYear = data.LastYear;
        charts = (
            Marked(DashboardCharts.Sales(data.SalesTrend, T["Kpi_NetRevenue"], T["Kpi_AverageBasket"], Format.Currency, lastYear?.Sales,
                T["LastYearSeries", T["Kpi_NetRevenue"]]),
                data.SalesTrend.Select(m => m.Month)),
            Marked(DashboardCharts.Satisfaction(data.SatisfactionTrend, T["Kpi_Nps"], T["CsatPercent"], lastYear?.Satisfaction,
                T["LastYearSeries", T["Kpi_Nps"]]),
                data.SatisfactionTrend.Select(m => m.Month)),
            Marked(DashboardCharts.ActiveCustomers(data.SalesTrend, T["Kpi_ActiveCustomers"], lastYear?.Sales,
                T["LastYearSeries", T["Kpi_ActiveCustomers"]]),
                data.SalesTrend.Select(m => m.Month)));
    }

    private ChartConfig Marked(ChartConfig config, IEnumerable<int> months) =>
        showChanges ? DashboardCharts.WithMarkers(config, DashboardCharts.ChangeMarkers(months.ToList(), changeEvents, ChangeLabel)) : config;

    private string ChangeLabel(ChangeEvent change) => change.Kind == ChangeEventKind.GoLive
        ? T["ChangeGoLive", change.ProjectName]
        : T["ChangeWorkshop", change.Title, change.ProjectName];

    private void OnShowChangesChanged(bool value)
    {
        showChanges = value;
        if (data is not null)
        {
            BuildCharts();
        }
    }

    private IReadOnlyList<KpiCardModel> BuildCards(KpiComparison kpis) =>
        CardKpis.Select(kpi => new KpiCardModel(
            kpi,
            T["Kpi_" + kpi],
            FormatValue(kpi, kpis.Current),
            FormatValue(kpi, kpis.Previous),
            kpis.Change(kpi),
            DifferenceDecimals: 0,
            SmallSample: kpis.Current.IsSmallSample(kpi))).ToList();

    private string FormatValue(Kpi kpi, KpiSnapshot snapshot) => kpi switch
    {
        Kpi.AverageBasket => Format.Money(snapshot.Sales.AverageBasket),
        Kpi.NetRevenue => Format.Money(snapshot.Sales.NetRevenue, 0),
        Kpi.Nps => SatisfactionCalculator.RoundForDisplay(snapshot.Satisfaction.Nps) is { } nps
            ? nps.ToString("+0;-0;0", DisplayFormat.Culture)
            : DisplayFormat.NotAvailable,
        Kpi.Csat or Kpi.RetentionRate or Kpi.RepeatPurchaseRate => DisplayFormat.Percent(snapshot.Value(kpi)),
        _ => DisplayFormat.Count((long?)snapshot.Value(kpi)),
    };
}

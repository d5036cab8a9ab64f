using CustomerInsight.Core.Dashboard;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Surveys;
using CustomerInsight.Core.Surveys.Themes;
using CustomerInsight.Web.Components.Charts;

namespace CustomerInsight.Web.Components.Pages.Satisfaction;

/// <summary>
/// NPS and CSAT over the period, by month, channel and survey kind, the score distributions and,
/// for roles allowed customer data only, the latest comments: the policy is checked on the
/// server before the comments are even read.
/// </summary>
public sealed partial class Satisfaction
{
    public const int CommentCount = 20;

    private bool commentsAllowed;
    private bool canEditThemes;
    private ThemeOverview? themes;
    private SatisfactionOverview? overview;
    private IReadOnlyList<SatisfactionTable.Row> overallRows = [], monthRows = [], channelRows = [], kindRows = [];
    private IReadOnlyList<SurveyComment> comments = [];

    /// <summary>The custom segmentations the segment filter lists besides the RFM segments.</summary>
    private IReadOnlyList<CustomerInsight.Core.Segments.SegmentationInfo> customSegmentations = [];

    /// <summary>NPS and CSAT by segment side by side (RFM, or the filter's custom segmentation).</summary>
    private SatisfactionBySegment? bySegment;
    private IReadOnlyList<SatisfactionTable.Row> segmentRows = [];
    private ChartConfig? recommendChart, satisfactionChart;

    [Inject] public required DashboardQueries Queries { get; set; }
    [Inject] public required CustomerInsight.Core.Segments.SegmentationQueries Segmentations { get; set; }
    [Inject] public required SatisfactionQueries SatisfactionQueries { get; set; }
    [Inject] public required ThemeQueries ThemeQueries { get; set; }
    [Inject] public required IOptions<KpiOptions> KpiOptions { get; set; }
    [Inject] public required CircuitAccess Access { get; set; }
    [Inject] public required IStringLocalizer<SatisfactionText> T { get; set; }
    [Inject] public required IStringLocalizer<DashboardText> Names { get; set; }


    protected override async Task OnInitializedAsync()
    {
        commentsAllowed = await Access.AllowsAsync(Policies.CustomerData);
        canEditThemes = await Access.AllowsAsync(Policies.ThemeEdit);
    }

    /// <summary>The satisfaction figures follow the segment filter (RFM or custom) and ignore the comparison.</summary>
    protected override FilterState ReadFilters() => FilterState.FromQuery(PeriodQuery, FromQuery, ToQuery, ChannelQuery, KindQuery, SegmentQuery);

    protected override async Task LoadFiguresAsync(DateOnly? reference, CancellationToken cancellationToken)
    {
        // Without sales, presets are relative to today's date in the business calendar's sense: any date works, the figures are empty.
        var day = reference ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var filter = State.ToKpiFilter(day);
        var options = KpiOptions.Value;
        var thresholds = new KpiThresholds(options.LapsedAfterDays, options.MinResponses);
        customSegmentations = await Segmentations.GetSegmentationsAsync(cancellationToken);
        // The segment filter (RFM or custom) keeps its customers' responses only.
        var responses = new SatisfactionFilter(filter.Period, filter.Channel, filter.SurveyKind,
            await Queries.GetCustomerIdsAsync(filter, cancellationToken));
        overview = await SatisfactionQueries.GetOverviewAsync(responses, options.MinResponses, cancellationToken);
        bySegment = await Queries.GetSatisfactionBySegmentAsync(filter, thresholds, cancellationToken);
        // Comments are personal data: read only for roles allowed customer data (never for an executive).
        comments = commentsAllowed
            ? await SatisfactionQueries.GetLatestCommentsAsync(responses, CommentCount, cancellationToken)
            : [];
        // Theme figures are aggregates (every role); their comments are behind CustomerData.
        themes = await ThemeQueries.GetOverviewAsync(filter, options.MinResponses, cancellationToken);
        BuildView(overview);
    }

    /// <summary>The title of the by-segment table: which segmentation and version placed the customers, at which date.</summary>
    private string BySegmentTitle => bySegment is null ? "" : bySegment.SegmentationName is { } name
        ? string.Format(CultureInfo.CurrentCulture, T["BySegmentCustom"], name, bySegment.Version, DisplayFormat.Date(bySegment.AnalysisDate))
        : string.Format(CultureInfo.CurrentCulture, T["BySegmentRfm"], DisplayFormat.Date(bySegment.AnalysisDate));

    private void BuildView(SatisfactionOverview o)
    {
        overallRows = [new SatisfactionTable.Row("", o.Kpis)];
        monthRows = o.ByMonth.Select(m => new SatisfactionTable.Row(DisplayFormat.Month(BusinessCalendar.MonthStart(m.Key)), m.Kpis)).ToList();
        channelRows = o.ByChannel.Select(c => new SatisfactionTable.Row(c.Key is { } ch ? Names["Channel_" + ch] : Names["NoChannel"],
            c.Kpis)).ToList();
        kindRows = o.ByKind.Select(k => new SatisfactionTable.Row(Names["Kind_" + k.Key], k.Kpis)).ToList();
        segmentRows = bySegment?.Segments.Select(s => new SatisfactionTable.Row(s.Rfm?.DisplayName(CultureInfo.CurrentUICulture) ?? s.Name ?? s.Key,
            s.Kpis)).ToList() ?? [];
        recommendChart = Distribution(
            Enumerable.Range(0, 11).Select(s => s.ToString(CultureInfo.CurrentCulture)).ToList(),
            o.Facts.RecommendHistogram,
            Enumerable.Range(0, 11).Select(s => s <= 6 ? ChartPalette.At(3) : s <= 8 ? ChartPalette.At(7) : ChartPalette.At(2)).ToArray());
        satisfactionChart = Distribution(
            Enumerable.Range(1, 5).Select(s => s.ToString(CultureInfo.CurrentCulture)).ToList(),
            o.Facts.SatisfactionHistogram,
            Enumerable.Range(1, 5).Select(s => s >= 4 ? ChartPalette.At(2) : ChartPalette.At(7)).ToArray());
    }

    private ChartConfig Distribution(IReadOnlyList<string> labels, IReadOnlyList<long> counts, string[] colors) => new(
        ChartType.Bar,
        new ChartData(labels, [new ChartDataset(T["Responses"]) { Values = counts.Select(c => (double?)c).ToList(), BackgroundColor = colors }]),
        new ChartOptions
        {
            Plugins = new ChartPlugins(Legend: new ChartLegend(Display: false)),
            Scales = new Dictionary<string, ChartScale> { ["y"] = new() { BeginAtZero = true, Ticks = new ChartTicks(Precision: 0) } },
            ValueFormat = new ValueFormat(CultureInfo.CurrentCulture.Name, new Dictionary<string, AxisFormat> { ["y"] = new("decimal", null, 0) }),
        });
}

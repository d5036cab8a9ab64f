using System.Globalization;
using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Dashboard;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Surveys;
using CustomerInsight.Core.Surveys.Themes;
using CustomerInsight.Web.Components.Charts;
using CustomerInsight.Web.Components.Shared;
using CustomerInsight.Web.Localization;
using CustomerInsight.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerInsight.Web.Components.Pages.Satisfaction;

/// <summary>
/// NPS and CSAT over the period, by month, channel and survey kind, the score distributions and,
/// for roles allowed customer data only, the latest comments: the policy is checked on the
/// server before the comments are even read.
/// </summary>
public sealed partial class Satisfaction : IDisposable
{
    public const int CommentCount = 20;

    private readonly CancellationTokenSource disposed = new();
    private FilterState state = FilterState.Default;
    private DateOnly? reference;
    private bool loading;
    private bool error;
    private bool commentsAllowed;
    private bool canEditThemes;
    private ThemeOverview? themes;
    private SatisfactionOverview? overview;
    private IReadOnlyList<SatisfactionTable.Row> overallRows = [], monthRows = [], channelRows = [], kindRows = [];
    private IReadOnlyList<SurveyComment> comments = [];
    private ChartConfig? recommendChart, satisfactionChart;

    [Inject] public required DashboardQueries Queries { get; set; }
    [Inject] public required CustomerInsight.Core.Segments.SegmentationQueries Segmentations { get; set; }
    [Inject] public required KpiQueries KpiQueries { get; set; }
    [Inject] public required SatisfactionQueries SatisfactionQueries { get; set; }
    [Inject] public required ThemeQueries ThemeQueries { get; set; }
    [Inject] public required DataChangeNotifier Notifier { get; set; }
    [Inject] public required IOptions<KpiOptions> KpiOptions { get; set; }
    [Inject] public required IAuthorizationService Authorization { get; set; }
    [Inject] public required AuthenticationStateProvider Authentication { get; set; }
    [Inject] public required IStringLocalizer<SatisfactionText> T { get; set; }
    [Inject] public required IStringLocalizer<DashboardText> Names { get; set; }
    [Inject] public required ILogger<Satisfaction> Logger { get; set; }

    [SupplyParameterFromQuery(Name = FilterState.PeriodKey)] public string? PeriodQuery { get; set; }
    [SupplyParameterFromQuery(Name = FilterState.FromKey)] public string? FromQuery { get; set; }
    [SupplyParameterFromQuery(Name = FilterState.ToKey)] public string? ToQuery { get; set; }
    [SupplyParameterFromQuery(Name = FilterState.ChannelKey)] public string? ChannelQuery { get; set; }
    [SupplyParameterFromQuery(Name = FilterState.KindKey)] public string? KindQuery { get; set; }
    [SupplyParameterFromQuery(Name = FilterState.SegmentKey)] public string? SegmentQuery { get; set; }

    /// <summary>The custom segmentations the segment filter lists besides the RFM segments.</summary>
    private IReadOnlyList<CustomerInsight.Core.Segments.SegmentationInfo> customSegmentations = [];

    /// <summary>NPS and CSAT by segment side by side (RFM, or the filter's custom segmentation).</summary>
    private SatisfactionBySegment? bySegment;
    private IReadOnlyList<SatisfactionTable.Row> segmentRows = [];

    protected override async Task OnInitializedAsync()
    {
        Notifier.Changed += OnDataChanged;
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        commentsAllowed = (await Authorization.AuthorizeAsync(user, Policies.CustomerData)).Succeeded;
        canEditThemes = (await Authorization.AuthorizeAsync(user, Policies.ThemeEdit)).Succeeded;
    }

    protected override async Task OnParametersSetAsync()
    {
        state = FilterState.FromQuery(PeriodQuery, FromQuery, ToQuery, ChannelQuery, KindQuery, SegmentQuery);
        await LoadAsync(reloadReference: reference is null);
    }

    private async Task LoadAsync(bool reloadReference)
    {
        loading = true;
        error = false;
        try
        {
            if (reloadReference)
            {
                reference = await KpiQueries.GetLatestSaleDateAsync(disposed.Token);
                customSegmentations = await Segmentations.GetSegmentationsAsync(disposed.Token);
            }
            // Without sales, presets are relative to today's date in the business calendar's sense: any date works, the figures are empty.
            var day = reference ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var filter = state.ToKpiFilter(day);
            var options = KpiOptions.Value;
            var thresholds = new KpiThresholds(options.LapsedAfterDays, options.MinResponses);
            overview = await Queries.GetSatisfactionAsync(filter, thresholds, disposed.Token);
            bySegment = await Queries.GetSatisfactionBySegmentAsync(filter, thresholds, disposed.Token);
            // Comments are personal data: read only for roles allowed customer data (never for an executive).
            comments = commentsAllowed
                ? await SatisfactionQueries.GetLatestCommentsAsync(new SatisfactionFilter(filter.Period, filter.Channel, filter.SurveyKind, await Queries.GetCustomerIdsAsync(filter, disposed.Token)), CommentCount, disposed.Token)
                : [];
            // Theme figures are aggregates (every role); their comments are behind CustomerData.
            themes = await ThemeQueries.GetOverviewAsync(filter, options.MinResponses, disposed.Token);
            BuildView(overview);
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
            // The page is gone.
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Satisfaction figures failed to load for {Filter}", state);
            error = true;
        }
        finally
        {
            loading = false;
        }
    }

    /// <summary>The title of the by-segment table: which segmentation and version placed the customers, at which date.</summary>
    private string BySegmentTitle => bySegment is null ? "" : bySegment.SegmentationName is { } name
        ? string.Format(CultureInfo.CurrentCulture, T["BySegmentCustom"], name, bySegment.Version, DisplayFormat.Date(bySegment.AnalysisDate))
        : string.Format(CultureInfo.CurrentCulture, T["BySegmentRfm"], DisplayFormat.Date(bySegment.AnalysisDate));

    private void BuildView(SatisfactionOverview o)
    {
        overallRows = [new SatisfactionTable.Row("", o.Kpis)];
        monthRows = o.ByMonth.Select(m => new SatisfactionTable.Row(DisplayFormat.Month(BusinessCalendar.MonthStart(m.Key)), m.Kpis)).ToList();
        channelRows = o.ByChannel.Select(c => new SatisfactionTable.Row(c.Key is { } ch ? Names["Channel_" + ch] : Names["NoChannel"], c.Kpis)).ToList();
        kindRows = o.ByKind.Select(k => new SatisfactionTable.Row(Names["Kind_" + k.Key], k.Kpis)).ToList();
        segmentRows = bySegment?.Segments.Select(s => new SatisfactionTable.Row(s.Rfm?.DisplayName(CultureInfo.CurrentUICulture) ?? s.Name ?? s.Key, s.Kpis)).ToList() ?? [];
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

    private void OnDataChanged() => _ = InvokeAsync(async () =>
    {
        await LoadAsync(reloadReference: true);
        StateHasChanged();
    });

    public void Dispose()
    {
        Notifier.Changed -= OnDataChanged;
        disposed.Cancel();
        disposed.Dispose();
    }
}

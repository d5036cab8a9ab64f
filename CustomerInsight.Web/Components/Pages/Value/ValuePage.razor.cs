using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Segments;
using CustomerInsight.Core.Value;
using CustomerInsight.Web.Components.Charts;
using CustomerInsight.Web.Components.Pages.Segments;

namespace CustomerInsight.Web.Components.Pages.Value;

/// <summary>
/// Value and churn (product.md page 10) at a calibration end taken from the URL: the two fits with their meaning, the
/// expected value by RFM segment and by segment of the custom segmentation in the URL (its latest version), the holdout
/// check week by week and, for <see cref="Policies.CustomerData"/> only
/// (checked here, on the server, before anything is computed), the valuable customers most likely lost.
/// </summary>
public sealed partial class ValuePage : IDisposable
{
    /// <summary>Rows of the valuable customers most likely lost.</summary>
    public const int LostCount = 25;

    private CancellationTokenSource? fitting;
    private DateOnly? calibrationEnd;
    private double progress;
    private State state = State.Loading;
    private ClvReport? report;
    private IReadOnlyList<ClvSegmentValue<RfmSegment>> bySegment = [];
    private IReadOnlyList<SegmentationInfo> segmentations = [];
    private SegmentationValue? customValue;
    private string? shownSegmentation;
    private IReadOnlyList<ClvCustomerAtRisk>? lost;
    private ChartConfig? holdoutChart;
    private RfmGridSettings? rfmSettings;

    private enum State { Loading, Fitting, Ready, NoCustomers, Cancelled, Failed, LoadError }

    [Inject]
    public required ClvQueries Queries { get; set; }

    [Inject]
    public required RfmScoreCache RfmScores { get; set; }

    [Inject]
    public required SegmentationQueries Segmentations { get; set; }

    [Inject]
    public required CircuitAccess Access { get; set; }

    [Inject]
    public required NavigationManager Navigation { get; set; }

    /// <summary>The calibration end in the URL (<c>?end=2011-06-30</c>); default the latest sale day.</summary>
    [SupplyParameterFromQuery(Name = AppUrls.ValueEndKey)]
    public string? EndQuery { get; set; }

    /// <summary>The custom segmentation whose segments the value is also shown by (<c>?segmentation=deux-profils</c>); none by default.</summary>
    [SupplyParameterFromQuery(Name = AppUrls.ValueSegmentationKey)]
    public string? SegmentationQuery { get; set; }

    private DateTime? CalibrationEndDateTime => calibrationEnd?.ToDateTime(TimeOnly.MinValue);

    protected override async Task OnParametersSetAsync()
    {
        var end = IsoDate.ParseQuery(EndQuery);
        if (end is null)
        {
            try
            {
                end = await Queries.GetDefaultCalibrationEndAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Logger.LogError(e, "Default calibration end failed");
                state = State.LoadError;
                return;
            }
            if (end is null)
            {
                state = State.NoCustomers;
                return;
            }
        }
        if (end != calibrationEnd || report is null)
        {
            calibrationEnd = end;
            await FitAsync();
        }
        else if (SegmentationQuery != shownSegmentation)
        {
            try
            {
                await LoadCustomValueAsync(report.Model, CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Logger.LogError(e, "Value by custom segment failed");
                state = State.LoadError;
            }
        }
    }

    /// <summary>The custom segmentations to pick from and the value by segment of the one in the URL (the fit is not redone).</summary>
    private async Task LoadCustomValueAsync(ClvResult model, CancellationToken cancellationToken)
    {
        segmentations = await Segmentations.GetSegmentationsAsync(cancellationToken);
        var key = string.IsNullOrWhiteSpace(SegmentationQuery) ? null : SegmentationQuery.Trim();
        customValue = key is null ? null : await Segmentations.GetValueAsync(model, key, cancellationToken);
        shownSegmentation = SegmentationQuery;
    }

    private void OnSegmentationChanged(string? key)
    {
        if (calibrationEnd is { } end && (key ?? "") != (SegmentationQuery ?? ""))
        {
            Navigation.NavigateTo(AppUrls.Value(end, string.IsNullOrEmpty(key) ? null : key));
        }
    }

    private void OnEndChanged(DateTime? value)
    {
        if (value is { } v && DateOnly.FromDateTime(v) is var date && date != calibrationEnd)
        {
            Navigation.NavigateTo(AppUrls.Value(date, SegmentationQuery));
        }
    }

    private void Cancel() => fitting?.Cancel();

    private async Task FitAsync()
    {
        if (calibrationEnd is not { } end)
        {
            return;
        }
        fitting?.Cancel();
        using var cts = new CancellationTokenSource();
        fitting = cts;
        state = State.Fitting;
        progress = 0;
        report = null;
        bySegment = [];
        customValue = null;
        lost = null;
        holdoutChart = null;
        StateHasChanged();
        var onProgress = new Progress<double>(p =>
        {
            progress = p;
            _ = InvokeAsync(StateHasChanged);
        });
        try
        {
            // The RFM scores of the day after the calibration end meanwhile, on another thread (the snapshot's scoring runs
            // synchronously), and kept for the interactive render after the prerender and for the segments page.
            var scoring = Concurrent.Read(() => RfmScores.GetAsync(end.AddDays(1), cts.Token));
            var fit = Queries.GetReportAsync(end, null, onProgress, cts.Token);
            await Task.WhenAll(fit, scoring);
            var found = await fit;
            if (found is null)
            {
                state = State.NoCustomers;
                return;
            }
            var scores = await scoring;
            // Personal data: computed only for the roles that may see customers, never merely hidden.
            var showLost = await Access.AllowsAsync(Policies.CustomerData);
            // One pass over every customer's predictions (on all cores) for both groupings, off the renderer's thread.
            var grouped = Task.Run(() => ClvSegments.ByRfmWithLost(found.Model, scores, showLost ? LostCount : 0), cts.Token);
            await LoadCustomValueAsync(found.Model, cts.Token);
            (bySegment, var mostLikelyLost) = await grouped;
            lost = showLost ? mostLikelyLost : null;
            rfmSettings = scores.Settings;
            holdoutChart = found.HoldoutWeeks.Count > 0 ? HoldoutChart(found.HoldoutWeeks) : null;
            report = found;
            state = State.Ready;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            state = State.Cancelled;
        }
        catch (Exception e) when (e is ArgumentException or ArithmeticException or InvalidOperationException)
        {
            Logger.LogWarning(e, "CLV fit failed at {CalibrationEnd}", end);
            state = State.Failed;
        }
        finally
        {
            if (ReferenceEquals(fitting, cts))
            {
                fitting = null;
            }
        }
    }

    private ChartConfig HoldoutChart(IReadOnlyList<WeeklyPurchases> weeks)
    {
        var predicted = ChartPalette.At(0);
        var actual = ChartPalette.At(1);
        return new ChartConfig(ChartType.Line, new ChartData(
            weeks.Select(w => string.Format(CultureInfo.CurrentCulture, T["WeekLabel"], w.Week)).ToList(),
            [
                new ChartDataset(T["Predicted"]) { Values = weeks.Select(w => (double?)w.Predicted).ToList(), BorderColor = predicted,
                    BackgroundColor = predicted, PointRadius = 2 },
                new ChartDataset(T["Actual"]) { Values = weeks.Select(w => (double?)w.Actual).ToList(), BorderColor = actual,
                    BackgroundColor = actual, PointRadius = 2 },
            ]));
    }

    private string ModelVersion(ClvReport fit) => string.Format(CultureInfo.CurrentCulture, T["ModelVersion"], fit.ModelVersion,
        Format.Instant(fit.FittedAtUtc));

    private static string SegmentName(RfmSegment segment) => SegmentCharts.Name(segment);

    public void Dispose()
    {
        fitting?.Cancel();
    }
}

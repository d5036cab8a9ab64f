using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Web.Components.Charts;
using CustomerInsight.Web.Components.Pages.Customers;
using CustomerInsight.Web.Components.Pages.Segments;
using Microsoft.AspNetCore.Components.Routing;

namespace CustomerInsight.Web.Components.Pages.Segments;

/// <summary>
/// RFM segments at an analysis date: sizes, the R×F grid, a bubble sample, migration and reach by consent.
/// Customer links only for roles of <see cref="Policies.CustomerData"/>; executives see aggregates.
/// </summary>
public sealed partial class Segments : IDisposable
{
    /// <summary>Default start of the migration: this many months before the analysis date.</summary>
    public const int DefaultMigrationMonths = 6;

    private DateOnly? analysisDate;
    private DateOnly? migrationFrom;
    private SegmentOverview? overview;
    private RfmMigration? migration;
    private ChartConfig? sizesChart;
    private ChartConfig? bubbleChart;
    private ChartConfig? flowChart;
    private Func<RfmSegment, string>? segmentHref;
    private Func<int, int, string>? cellHref;
    private bool loading = true;
    private bool canEdit;
    private bool error;
    private string? migrationError;

    [Inject]
    public required SegmentQueries Queries { get; set; }

    [Inject]
    public required CircuitAccess Access { get; set; }

    /// <summary>The analysis date in the URL (<c>?date=2011-12-10</c>), so a view can be shared; default per metrics.md.</summary>
    [SupplyParameterFromQuery(Name = AppUrls.SegmentsDateKey)]
    public string? DateQuery { get; set; }

    /// <summary>The migration's start in the URL (<c>?from=2011-06-10</c>); default <see cref="DefaultMigrationMonths"/> before the analysis
    /// date.</summary>
    [SupplyParameterFromQuery(Name = AppUrls.SegmentsFromKey)]
    public string? FromQuery { get; set; }

    [Inject]
    public required NavigationManager Navigation { get; set; }

    private DateOnly? defaultDate;
    private string? pendingHref;
    private bool defaultDateLoaded;

    private DateTime? AnalysisDateTime => analysisDate?.ToDateTime(TimeOnly.MinValue);

    private DateTime? MigrationFromDateTime => migrationFrom?.ToDateTime(TimeOnly.MinValue);

    private static DateOnly? ParseDate(string? value) => IsoDate.ParseQuery(value);

    protected override async Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        var canSeeCustomers = await Access.AllowsAsync(Policies.CustomerData);
        canEdit = await Access.AllowsAsync(Policies.Segmentation);
        segmentHref = canSeeCustomers ? s => AppUrls.SegmentCustomers(s, analysisDate ?? default) : null;
        cellHref = canSeeCustomers ? (r, f) => AppUrls.CellCustomers(r, f, analysisDate ?? default) : null;
    }

    /// <summary>
    /// The dates come from the URL (a date picked on the page navigates, so the view can be bookmarked and the
    /// browser's back button returns to the previous date): a new analysis date reloads everything, a new
    /// migration start only the migration.
    /// </summary>
    protected override async Task OnParametersSetAsync()
    {
        var date = ParseDate(DateQuery);
        if (date is null && !defaultDateLoaded)
        {
            try
            {
                defaultDate = await Queries.GetDefaultAnalysisDateAsync();
                defaultDateLoaded = true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Logger.LogError(e, "Default analysis date failed");
                error = true;
                loading = false;
                return;
            }
        }
        date ??= defaultDate;
        var from = ParseDate(FromQuery) is { } f && f < date ? f : date?.AddMonths(-DefaultMigrationMonths);
        if (date != analysisDate || overview is null)
        {
            analysisDate = date;
            migrationFrom = from;
            await LoadAsync();
        }
        else if (from != migrationFrom)
        {
            migrationFrom = from;
            await LoadMigrationAsync();
        }
    }

    private void OnDateChanged(DateTime? value)
    {
        if (value is null)
        {
            return;
        }
        var date = DateOnly.FromDateTime(value.Value);
        if (date == analysisDate)
        {
            return;
        }
        // A migration start the user chose stays while it is still before the new date; the default follows the date.
        var from = ParseDate(FromQuery) is { } f && f < date ? f : (DateOnly?)null;
        GoTo(AppUrls.Segments(date, from));
    }

    private void OnMigrationFromChanged(DateTime? value)
    {
        if (value is null || analysisDate is not { } date)
        {
            return;
        }
        var from = DateOnly.FromDateTime(value.Value);
        if (from == migrationFrom)
        {
            // The picker echoes a value the page gave it (a new analysis date moves the default start).
            return;
        }
        if (from >= date)
        {
            migration = null;
            migrationFrom = from;
            migrationError = T["MigrationDatesInvalid"];
            return;
        }
        GoTo(AppUrls.Segments(date, from));
    }

    /// <summary>
    /// Navigates to this page's view at <paramref name="href"/>, unless the address is already that one or that navigation
    /// is on its way: a picker can report the same date twice (input, then blur), and on the server
    /// <see cref="NavigationManager.Uri"/> changes only once the browser has confirmed the navigation (a round trip, long
    /// under load). A second history entry would make the back button stay on the same view.
    /// </summary>
    private void GoTo(string href)
    {
        if (string.Equals(href, pendingHref, StringComparison.Ordinal)
            || string.Equals("/" + Navigation.ToBaseRelativePath(Navigation.Uri), href, StringComparison.Ordinal))
        {
            return;
        }
        pendingHref = href;
        Navigation.NavigateTo(href);
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => pendingHref = null;

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    /// <summary>A new RFM version places customers anew: the figures are read again (the caches are keyed by the version).</summary>
    private Task OnRfmSavedAsync(int version) => LoadAsync();

    private async Task LoadAsync()
    {
        if (analysisDate is not { } date)
        {
            loading = false;
            overview = Queries.EmptyOverview();
            return;
        }
        loading = true;
        error = false;
        migration = null;
        if (!RendererInfo.IsInteractive)
        {
            // The prerender sends the page without its figures and leaves them to the interactive render: the overview (at 10 M
            // lines about 0.3 s of a first visit) is computed while the browser loads the scripts and starts the circuit, instead
            // of before the HTML leaves. The migration follows the overview in the interactive render.
            await StartAsync(date);
            return;
        }
        try
        {
            overview = await Queries.GetOverviewAsync(date);
            sizesChart = SegmentCharts.Sizes(overview.Summary, T["Customers"], T["Monetary"], Format.Currency);
            bubbleChart = SegmentCharts.Bubbles(overview.Sample, T["RecencyDays"], T["Frequency"]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "Segments at {Date} failed", date);
            error = true;
        }
        finally
        {
            loading = false;
        }
        // The overview shows now; the migration (on a first visit, the scores of another date) follows.
        StateHasChanged();
        await LoadMigrationAsync();
    }

    private async Task StartAsync(DateOnly date)
    {
        try
        {
            await Queries.StartAsync(date);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "Segments at {Date} failed", date);
            error = true;
            loading = false;
        }
    }

    private async Task LoadMigrationAsync()
    {
        migration = null;
        migrationError = null;
        if (analysisDate is not { } to || migrationFrom is not { } from)
        {
            return;
        }
        if (from >= to)
        {
            migrationError = T["MigrationDatesInvalid"];
            return;
        }
        try
        {
            migration = await Queries.GetMigrationAsync(from, to);
            flowChart = SegmentCharts.Flows(migration, T["NewCustomersRow"]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "Migration {From} → {To} failed", from, to);
            migrationError = T["Error"];
        }
    }
}

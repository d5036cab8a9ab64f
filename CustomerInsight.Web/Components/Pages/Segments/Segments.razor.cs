using System.Globalization;
using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Customers;
using CustomerInsight.Web.Components.Charts;
using CustomerInsight.Web.Components.Segments;
using CustomerInsight.Web.Localization;
using CustomerInsight.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace CustomerInsight.Web.Components.Pages.Segments;

/// <summary>
/// RFM segments at an analysis date: sizes, the R×F grid, a bubble sample, migration and reach by consent.
/// Customer links only for roles of <see cref="Policies.CustomerData"/>; executives see aggregates.
/// </summary>
public sealed partial class Segments
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
    private bool loading = true;
    private bool error;
    private string? migrationError;

    [Inject]
    public required SegmentQueries Queries { get; set; }

    [Inject]
    public required DisplayFormat Format { get; set; }

    [Inject]
    public required IStringLocalizer<SegmentsText> T { get; set; }

    [Inject]
    public required IAuthorizationService Authorization { get; set; }

    [Inject]
    public required AuthenticationStateProvider Authentication { get; set; }

    [Inject]
    public required ILogger<Segments> Logger { get; set; }

    /// <summary>The analysis date in the URL (<c>?date=2011-12-10</c>), so a view can be shared.</summary>
    [SupplyParameterFromQuery(Name = "date")]
    public string? DateQuery { get; set; }

    private DateTime? AnalysisDateTime => analysisDate?.ToDateTime(TimeOnly.MinValue);

    private DateTime? MigrationFromDateTime => migrationFrom?.ToDateTime(TimeOnly.MinValue);

    /// <summary>The customer list of a segment at a date (what a click on a segment opens).</summary>
    public static string CustomersHref(RfmSegment segment, DateOnly date) =>
        $"/customers?segment={segment.Code()}&date={date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        var canSeeCustomers = (await Authorization.AuthorizeAsync(user, Policies.CustomerData)).Succeeded;
        try
        {
            analysisDate = DateOnly.TryParseExact(DateQuery, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : await Queries.GetDefaultAnalysisDateAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "Default analysis date failed");
            error = true;
            return;
        }
        segmentHref = canSeeCustomers ? s => CustomersHref(s, analysisDate ?? default) : null;
        migrationFrom = analysisDate?.AddMonths(-DefaultMigrationMonths);
        await LoadAsync();
    }

    private async Task OnDateChangedAsync(DateTime? value)
    {
        if (value is null)
        {
            return;
        }
        analysisDate = DateOnly.FromDateTime(value.Value);
        if (migrationFrom >= analysisDate)
        {
            migrationFrom = analysisDate.Value.AddMonths(-DefaultMigrationMonths);
        }
        await LoadAsync();
    }

    private async Task OnMigrationFromChangedAsync(DateTime? value)
    {
        if (value is null)
        {
            return;
        }
        migrationFrom = DateOnly.FromDateTime(value.Value);
        await LoadMigrationAsync();
    }

    private async Task LoadAsync()
    {
        if (analysisDate is not { } date)
        {
            loading = false;
            overview = new SegmentOverview(RfmSummary.Create(new RfmResult(default, [])), [], []);
            return;
        }
        loading = true;
        error = false;
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
        await LoadMigrationAsync();
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

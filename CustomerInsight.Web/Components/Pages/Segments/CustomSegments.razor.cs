using CustomerInsight.Core.Segments;
using CustomerInsight.Web.Components.Shared;

namespace CustomerInsight.Web.Components.Pages.Segments;

/// <summary>
/// Custom segments (product.md page 11; analysts, admins): a segmentation's segments as rules, the live count of each
/// while editing, saves as versions (who, when, why) and the audience export. The segmentation shown is in the URL
/// (<c>?segmentation=deux-profils</c>). The save re-checks the policy on the server, whatever the page rendered.
/// </summary>
public sealed partial class CustomSegments : IDisposable
{
    private readonly CancellationTokenSource disposed = new();
    private IReadOnlyList<SegmentationInfo> segmentations = [];
    private SegmentationVersionInfo? saved;
    private IReadOnlyList<SegmentationVersionInfo> versions = [];
    private SegmentMigration? migration;

    /// <summary>The migration view compares the analysis date with this many months earlier, as the RFM page does.</summary>
    public const int MigrationMonths = 6;
    private SegmentationDraft? draft;
    private SegmentationCounts? counts;
    private DateOnly? analysisDate;
    private IReadOnlyList<string> errors = [];
    private string? reason;
    private int? savedVersion;
    private int? pendingSavedVersion;
    private bool busy;
    private bool loadError;
    private bool countFailed;

    [Inject] public required SegmentationQueries Queries { get; set; }
    [Inject] public required CircuitAccess Access { get; set; }
    [Inject] public required NavigationManager Navigation { get; set; }

    /// <summary>The segmentation open in the editor; none: a new one.</summary>
    [SupplyParameterFromQuery(Name = AppUrls.CustomSegmentsKey)]
    public string? SegmentationKey { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            analysisDate ??= await Queries.GetDefaultAnalysisDateAsync(disposed.Token);
            segmentations = await Queries.GetSegmentationsAsync(disposed.Token);
            saved = string.IsNullOrEmpty(SegmentationKey) ? null : await Queries.GetVersionAsync(SegmentationKey, cancellationToken: disposed.Token);
            versions = saved is null ? [] : await Queries.GetVersionsAsync(saved.Key, disposed.Token);
            draft = saved is null ? SegmentationDraft.New() : SegmentationDraft.From(saved);
            // Like with like: the version in use places the customers at both dates.
            migration = saved is not null && analysisDate is { } date
                ? await Queries.GetMigrationAsync(saved.Key, saved.Number, date.AddMonths(-MigrationMonths), date, disposed.Token)
                : null;
            errors = [];
            await RecountAsync();
            savedVersion = pendingSavedVersion;
            pendingSavedVersion = null;
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
            // The page is gone.
        }
        catch (Exception e)
        {
            Logger.LogError(e, "The custom segments page failed to load");
            loadError = true;
        }
    }

    private void OpenAsync(string? key) => Navigation.NavigateTo(AppUrls.CustomSegments(key));

    /// <summary>After an edit: the live count of the draft as it stands.</summary>
    private async Task RecountAsync()
    {
        savedVersion = null;
        if (draft is null || analysisDate is not { } date)
        {
            counts = null;
            return;
        }
        try
        {
            counts = await Queries.CountAsync(draft.ToDefinition(), date, disposed.Token);
            countFailed = false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // E.g. the value model could not be fitted for a P(alive) or CLV rule: say so, keep the page usable.
            Logger.LogError(e, "The live count of a custom segmentation failed");
            counts = null;
            countFailed = true;
        }
    }

    private int? CountOf(int index) => counts is not null && index < counts.Segments.Count ? counts.Segments[index].Customers : null;

    private async Task AddAsync()
    {
        draft?.Segments.Add(SegmentDraft.New());
        await RecountAsync();
    }

    private async Task RemoveAsync(int index)
    {
        draft?.Segments.RemoveAt(index);
        await RecountAsync();
    }

    private async Task SaveAsync()
    {
        if (draft is null || busy)
        {
            return;
        }
        busy = true;
        savedVersion = null;
        try
        {
            await Access.RunAsync(Policies.Segmentation, Logger, "Segmentation save", async user =>
            {
                var result = await Queries.SaveAsync(draft.Key, draft.Name, draft.ToDefinition(), draft.BasedOnVersion, reason, user, disposed.Token);
                if (!result.Saved)
                {
                    errors = result.Errors.Select(Describe).ToList();
                    return;
                }
                errors = [];
                reason = null;
                pendingSavedVersion = result.Version;
                if (result.Key != SegmentationKey)
                {
                    // A new segmentation: its key goes into the URL, which reloads it.
                    Navigation.NavigateTo(AppUrls.CustomSegments(result.Key));
                    return;
                }
                await OnParametersSetAsync();
            }, m => errors = [m], new(T["NotAllowedSave"], T["SaveFailed"]));
        }
        finally
        {
            busy = false;
        }
    }

    private string Describe(SegmentError error)
    {
        var segment = error.Segment is { } s ? (s + 1).ToString(CultureInfo.CurrentCulture) : "";
        var group = error.Group is { } g ? string.Format(CultureInfo.CurrentCulture, T["ErrorGroup"], g + 1) : "";
        var condition = error.Condition is { } c ? string.Format(CultureInfo.CurrentCulture, T["ErrorCondition"], c + 1) : "";
        return string.Format(CultureInfo.CurrentCulture, T["Error_" + error.Code], segment, group, condition);
    }

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }
}

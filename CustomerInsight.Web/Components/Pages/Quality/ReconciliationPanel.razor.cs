using CustomerInsight.Core.Unify;
using MudBlazor;

namespace CustomerInsight.Web.Components.Pages.Quality;

/// <summary>
/// The reconciliation tab: every merge is prepared first (the dry run: how many groups and customers), then confirmed;
/// the server finds the groups again and merges those that still match (<see cref="UnifyCommands.MergeAsync"/>).
/// </summary>
public sealed partial class ReconciliationPanel
{
    private const int MaxShown = 200;

    private sealed record PendingMerge(IReadOnlyList<IReadOnlyList<int>>? GroupIds, int Groups, int Customers);

    private UnifyPreview? preview;
    private IReadOnlyList<MergeHistoryRow> history = [];
    private readonly HashSet<int> selected = [];
    private PendingMerge? pending;
    private bool busy;
    private bool error;

    [Inject] public required QualityActions Actions { get; set; }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        error = !await PageLoad.TryAsync(Logger, "Match groups", async () =>
        {
            preview = await Actions.PreviewAsync();
            history = await Actions.HistoryAsync();
            selected.IntersectWith(preview.Result.Groups.Select(g => g.SurvivorId));
        });
    }

    private ActionFailureTexts Texts => new(T["Denied"], T["MergeFailed"]);

    private void ShowError(string message) => Snackbar.Add(message, Severity.Error);

    private void Toggle(MatchGroup group, bool on)
    {
        if (on)
        {
            selected.Add(group.SurvivorId);
        }
        else
        {
            selected.Remove(group.SurvivorId);
        }
    }

    private void PrepareOne(MatchGroup group) => pending = new PendingMerge([group.CustomerIds], 1, group.CustomerIds.Count);

    private void PrepareSelection()
    {
        var groups = preview!.Result.Groups.Where(g => selected.Contains(g.SurvivorId)).ToList();
        pending = new PendingMerge(groups.Select(g => g.CustomerIds).ToList(), groups.Count, groups.Sum(g => g.CustomerIds.Count));
    }

    private void PrepareAll() => pending = new PendingMerge(null, preview!.Result.Groups.Count, preview.Result.Customers);

    private async Task ConfirmAsync()
    {
        if (pending is null)
        {
            return;
        }
        busy = true;
        try
        {
            await CircuitAction.RunAsync(Logger, "Merge", async () =>
            {
                var result = await Actions.MergeAsync(pending.GroupIds);
                Snackbar.Add(T.Plural("Merged", result.Groups, DisplayFormat.Count(result.Customers)), Severity.Success);
                if (result.Stale > 0)
                {
                    Snackbar.Add(T.Plural("Stale", result.Stale), Severity.Warning);
                }
                pending = null;
                selected.Clear();
                await LoadAsync();
            }, ShowError, Texts);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task UndoAsync(MergeHistoryRow row)
    {
        busy = true;
        try
        {
            await CircuitAction.RunAsync(Logger, "Undo of merge " + row.MergeId.ToString(CultureInfo.InvariantCulture), async () =>
            {
                var result = await Actions.UndoAsync(row.MergeId);
                Snackbar.Add(T["Undo_" + result.Outcome], result.Succeeded ? Severity.Success : Severity.Warning);
                await LoadAsync();
            }, ShowError, Texts);
        }
        finally
        {
            busy = false;
        }
    }
}

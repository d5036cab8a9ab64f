using CustomerInsight.Core.Rfm;
using CustomerInsight.Web.Components.Shared;

namespace CustomerInsight.Web.Components.Pages.Segments;

/// <summary>
/// Edits the RFM segmentation (product.md page 11: the RFM grid is the default segmentation, configurable from the page and
/// versioned): frequency scoring and thresholds, which segment each R×F cell makes; a save (reason required) is a version,
/// checked against <see cref="Policies.Segmentation"/> on the server.
/// </summary>
public sealed partial class RfmGridEditor : IDisposable
{
    private readonly CancellationTokenSource disposed = new();
    private readonly RfmSegment[,] cells = new RfmSegment[RfmGrid.Levels, RfmGrid.Levels];
    private RfmGridSettings? current;
    private IReadOnlyList<RfmGridSettings> versions = [];
    private RfmFrequencyScoring scoring;
    private int[] thresholds = [.. RfmFrequencyScale.DefaultThresholds];
    private string? reason;
    private string? error;
    private int? savedVersion;
    private bool busy;

    [Inject] public required RfmQueries Rfm { get; set; }
    [Inject] public required RfmGridCommands Commands { get; set; }
    [Inject] public required CircuitAccess Access { get; set; }

    /// <summary>Raised with the new version's number after a save (the page reloads its figures).</summary>
    [Parameter] public EventCallback<int> Saved { get; set; }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        versions = await Rfm.GetSettingsVersionsAsync(disposed.Token);
        current = versions[0];
        scoring = current.FrequencyScale.Scoring;
        thresholds = [.. current.FrequencyScale.Thresholds];
        for (var r = 1; r <= RfmGrid.Levels; r++)
        {
            for (var f = 1; f <= RfmGrid.Levels; f++)
            {
                cells[r - 1, f - 1] = current.Grid.SegmentOf(r, f);
            }
        }
    }

    private RfmGrid Grid() => RfmGrid.Parse([.. Enumerable.Range(0, RfmGrid.Levels)
        .Select(row => string.Join(", ", Enumerable.Range(1, RfmGrid.Levels).Select(f => cells[RfmGrid.Levels - row - 1, f - 1].Code())))]);

    private string ScoringText(RfmFrequencyScale scale) => scale.Scoring == RfmFrequencyScoring.Thresholds
        ? string.Format(CultureInfo.CurrentCulture, T["EditorThresholdsList"], string.Join(", ", scale.Thresholds))
        : T["EditorQuintiles"];

    private async Task SaveAsync()
    {
        if (current is null || busy)
        {
            return;
        }
        busy = true;
        savedVersion = null;
        error = null;
        try
        {
            await Access.RunAsync(Policies.Segmentation, Logger, "RFM segmentation save", async user =>
            {
                var result = await Commands.SaveAsync(scoring, thresholds, Grid(), current.Version, reason, user, disposed.Token);
                if (result.Version is not { } number)
                {
                    error = T["EditorError_" + result.Error];
                    return;
                }
                reason = null;
                await LoadAsync();
                savedVersion = number;
                await Saved.InvokeAsync(number);
            }, m => error = m, new(T["EditorNotAllowed"], T["EditorSaveFailed"]));
        }
        finally
        {
            busy = false;
        }
    }

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }
}

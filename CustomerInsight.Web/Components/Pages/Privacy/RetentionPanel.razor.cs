using CustomerInsight.Core.Privacy;
using MudBlazor;

namespace CustomerInsight.Web.Components.Pages.Privacy;

/// <summary>The retention purge of the privacy page. The purge is one transaction: cancelling changes nothing.</summary>
public sealed partial class RetentionPanel : IDisposable
{
    private RetentionCandidates? candidates;
    private bool running;
    private RetentionProgress progress;
    private CancellationTokenSource? cancellation;

    [Inject] public required PrivacyActions Actions { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required IStringLocalizer<PrivacyText> T { get; set; }
    [Inject] public required ILogger<RetentionPanel> Logger { get; set; }

    private async Task DryRunAsync()
    {
        running = true;
        try
        {
            await CircuitAction.RunAsync(Logger, "Retention dry run", async () => candidates = await Actions.DryRunAsync(), Fail, Texts);
        }
        finally
        {
            running = false;
        }
    }

    private async Task PurgeAsync()
    {
        running = true;
        progress = new RetentionProgress(0, candidates?.Count ?? 0);
        cancellation = new CancellationTokenSource();
        var reporter = new Progress<RetentionProgress>(p => _ = InvokeAsync(() =>
        {
            progress = p;
            StateHasChanged();
        }));
        try
        {
            await CircuitAction.RunAsync(Logger, "Retention purge", async () =>
            {
                // Off the circuit's sync context so the Cancel button stays responsive.
                var token = cancellation.Token;
                var done = await Task.Run(() => Actions.PurgeAsync(reporter, token), token);
                Snackbar.Add(T.Plural("Purged", done), Severity.Success);
                candidates = null;
            }, Fail, Texts);
        }
        catch (OperationCanceledException)
        {
            Snackbar.Add(T["PurgeCancelled"], Severity.Info);
        }
        finally
        {
            running = false;
            cancellation.Dispose();
            cancellation = null;
        }
    }

    private void Cancel() => cancellation?.Cancel();

    private ActionFailureTexts Texts => new(T["Denied"], T["Failed"]);

    private void Fail(string message) => Snackbar.Add(message, Severity.Error);

    public void Dispose() => cancellation?.Cancel();
}

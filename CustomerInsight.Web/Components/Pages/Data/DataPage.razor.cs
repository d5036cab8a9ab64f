using CustomerInsight.Core.Importing;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CustomerInsight.Web.Components.Pages.Data;

/// <summary>
/// Data imports: upload → preview (format detected, overridable) → import with progress and cancel → report;
/// the history below. The work runs on the server through <see cref="ImportActions"/>, which re-checks the policy.
/// </summary>
public sealed partial class DataPage : IDisposable
{
    private UploadedFile? file;
    private ImportPreview? preview;
    private ImportReport? report;
    private IReadOnlyList<ImportHistoryEntry>? history;
    private ImportProgress progress;
    private CancellationTokenSource? cancellation;
    private bool ready;
    private bool uploading;
    private bool importing;
    private bool cancelled;
    private string? error;
    private string currency = "";
    private string? undoMessage;
    private bool undoSucceeded;
    private bool undoWaiting;
    private bool undoing;

    [Inject]
    public required ImportActions Actions { get; set; }

    [Inject]
    public required TimeProvider Clock { get; set; }

    private bool Busy => uploading || importing || undoing;

    private double ProgressPercent => (progress.Fraction ?? 0) * 100;

    private string ProgressText => string.Format(System.Globalization.CultureInfo.CurrentCulture,
        progress.Phase switch
        {
            ImportPhase.Reading => T["Importing"],
            ImportPhase.Waiting => T["Waiting"],
            _ => T["Writing"],
        }, DisplayFormat.Count(progress.RowsProcessed));

    protected override async Task OnInitializedAsync() => await RunAsync(async () => history = await Actions.HistoryAsync());

    /// <summary>The picker is enabled once the circuit is up and the file input has been initialised (not in the prerendered page).</summary>
    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            ready = true;
            StateHasChanged();
        }
    }

    private async Task OnFileChosenAsync(IBrowserFile? chosen)
    {
        if (chosen is null)
        {
            return;
        }
        (preview, report, error, cancelled, uploading) = (null, null, null, false, true);
        await RunAsync(async () =>
        {
            file = await Actions.SaveUploadAsync(chosen);
            preview = await Actions.PreviewAsync(file, null);
            currency = preview.Format is { } format ? Actions.DefaultCurrency(format) : Actions.DatabaseCurrency;
        });
        uploading = false;
    }

    private async Task OnFormatChangedAsync(ImportFormat format)
    {
        if (file is not null)
        {
            await RunAsync(async () => preview = await Actions.PreviewAsync(file, format));
            currency = Actions.DefaultCurrency(format);
        }
    }

    private async Task ImportAsync()
    {
        if (file is null || preview?.Format is not { } format)
        {
            return;
        }
        (report, error, cancelled, importing, progress) = (null, null, false, true, new ImportProgress(ImportPhase.Reading, 0, 0));
        cancellation = new CancellationTokenSource();
        var reporter = new ThrottledProgress(p => InvokeAsync(() =>
        {
            progress = p;
            StateHasChanged();
        }), TimeSpan.FromMilliseconds(250), Clock);
        try
        {
            await RunAsync(async () => report = await Actions.ImportAsync(file, format, currency, reporter, cancellation.Token));
            if (report is { Succeeded: true })
            {
                // Imported: the upload is gone from the server; the report stays, the next import starts with a file.
                (file, preview) = (null, null);
            }
        }
        catch (OperationCanceledException)
        {
            cancelled = true;
        }
        finally
        {
            importing = false;
            cancellation.Dispose();
            cancellation = null;
        }
        await RunAsync(async () => history = await Actions.HistoryAsync());
    }

    private void Cancel() => cancellation?.Cancel();

    /// <summary>Undo of one import of the history, after a confirmation naming what goes; the result and the history are shown.</summary>
    private async Task UndoAsync(ImportHistoryEntry entry)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        var confirmed = await Dialogs.ShowMessageBoxAsync(string.Format(culture, T["UndoTitle"], entry.Id),
            string.Format(culture, T["UndoText"], entry.FileName),
            yesText: T["UndoConfirm"], cancelText: T["Cancel"]);
        if (confirmed != true)
        {
            return;
        }
        (undoMessage, undoing) = (null, true);
        await RunAsync(async () =>
        {
            var result = await Actions.UndoAsync(entry.Id, () => InvokeAsync(() =>
            {
                undoWaiting = true;
                StateHasChanged();
            }));
            undoSucceeded = result.Succeeded;
            undoMessage = result.Outcome switch
            {
                UndoOutcome.Undone => string.Format(culture, T["UndoDone"], result.BatchId, DisplayFormat.Count(result.Orders),
                    DisplayFormat.Count(result.Responses), DisplayFormat.Count(result.Consents), DisplayFormat.Count(result.Customers)),
                UndoOutcome.AlreadyUndone => string.Format(culture, T["UndoAlready"], result.BatchId),
                UndoOutcome.UnknownBatch => string.Format(culture, T["UndoUnknown"], result.BatchId),
                _ => string.Format(culture, T["UndoNothing"], result.BatchId),
            };
        });
        (undoing, undoWaiting) = (false, false);
        await RunAsync(async () => history = await Actions.HistoryAsync());
    }

    /// <summary>Runs a server action; a refusal or a failure becomes a short localised message (details in the log).</summary>
    private Task RunAsync(Func<Task> action) =>
        CircuitAction.RunAsync(Logger, "Import action", action, m => error = m, new(T["NotAllowed"], T["ImportFailed"]), e => e switch
        {
            UploadTooLargeException large => string.Format(System.Globalization.CultureInfo.CurrentCulture, T["UploadTooLarge"],
                DisplayFormat.Count(large.Limit / (1024 * 1024))),
            IOException => T["UploadFailed"],
            _ => null,
        });

    public void Dispose()
    {
        cancellation?.Cancel();
        cancellation?.Dispose();
    }
}

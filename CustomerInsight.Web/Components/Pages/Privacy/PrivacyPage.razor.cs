using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Privacy;
using MudBlazor;

namespace CustomerInsight.Web.Components.Pages.Privacy;

/// <summary>
/// "/privacy": find a customer by source id, then export, rectify, record a consent change or erase it;
/// the retention purge below. Every action goes through <see cref="PrivacyActions"/> (Admin re-checked).
/// </summary>
public sealed partial class PrivacyPage
{
    private string query = "";
    private bool busy;
    private bool notFound;
    private CustomerFile? file;

    [Inject] public required PrivacyActions Actions { get; set; }
    [Inject] public required IDialogService Dialogs { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required IStringLocalizer<PrivacyText> T { get; set; }
    [Inject] public required ILogger<PrivacyPage> Logger { get; set; }

    /// <summary>A source customer id to open directly (the 360 page links here).</summary>
    [SupplyParameterFromQuery(Name = "customer")]
    public string? Customer { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (!string.IsNullOrWhiteSpace(Customer))
        {
            query = Customer;
            await SearchAsync();
        }
    }

    private Task SearchAsync() => RunAsync(async () =>
    {
        file = await Actions.FindAsync(query);
        notFound = file is null;
    });

    private Task SearchOnEnterAsync(Microsoft.AspNetCore.Components.Web.KeyboardEventArgs e) =>
        e.Key == "Enter" ? SearchAsync() : Task.CompletedTask;

    private async Task RectifyAsync()
    {
        var id = file!.Profile.Id;
        var fields = await Guard(() => Actions.GetPersonalFieldsAsync(id));
        if (fields is null)
        {
            return;
        }
        var dialog = await Dialogs.ShowAsync<RectifyDialog>(T["RectifyTitle"], new DialogParameters<RectifyDialog> { { d => d.Fields, fields } });
        if (await dialog.Result is not { Canceled: false, Data: PersonalFields edited })
        {
            return;
        }
        await RunAsync(async () =>
        {
            var (outcome, changed) = await Actions.RectifyAsync(id, edited);
            Report(outcome, changed.Count == 0 ? T["NothingChanged"] : string.Format(System.Globalization.CultureInfo.CurrentCulture, T["Rectified"],
                string.Join(", ", changed.Select(f => T[f].Value))));
            file = await Actions.GetAsync(id);
        });
    }

    private async Task RecordConsentAsync()
    {
        var id = file!.Profile.Id;
        var dialog = await Dialogs.ShowAsync<ConsentDialog>(T["ConsentTitle"]);
        if (await dialog.Result is not { Canceled: false, Data: ConsentChange change })
        {
            return;
        }
        await RunAsync(async () =>
        {
            Report(await Actions.RecordConsentAsync(id, change), T["ConsentRecorded"]);
            file = await Actions.GetAsync(id);
        });
    }

    private async Task EraseAsync()
    {
        var id = file!.Profile.Id;
        var dialog = await Dialogs.ShowAsync<EraseDialog>(T["EraseTitle"], new DialogParameters<EraseDialog> { { d => d.SourceId,
            file.Profile.SourceId } });
        if (await dialog.Result is not { Canceled: false, Data: string typed })
        {
            return;
        }
        await RunAsync(async () =>
        {
            var result = await Actions.EraseAsync(id, typed);
            if (result is null)
            {
                Snackbar.Add(T["EraseMismatch"], Severity.Warning);
                return;
            }
            Snackbar.Add(result.Outcome == ErasureOutcome.AlreadyErased
                ? T["AlreadyErased"]
                : string.Format(System.Globalization.CultureInfo.CurrentCulture, T["Erased"], result.Pseudonym), Severity.Success);
            file = await Actions.GetAsync(id);
            query = file?.Profile.SourceId ?? "";
        });
    }

    private void Report(PrivacyCommandOutcome outcome, string doneMessage) =>
        Snackbar.Add(outcome switch
        {
            PrivacyCommandOutcome.Done => doneMessage,
            PrivacyCommandOutcome.ErasedCustomer => T["ErasedCustomer"],
            PrivacyCommandOutcome.UnknownCustomer => T["NotFound"],
            _ => T["Invalid"],
        }, outcome == PrivacyCommandOutcome.Done ? Severity.Success : Severity.Warning);

    private async Task<TResult?> Guard<TResult>(Func<Task<TResult>> action)
    {
        TResult? result = default;
        await RunAsync(async () => result = await action());
        return result;
    }

    private async Task RunAsync(Func<Task> action)
    {
        busy = true;
        try
        {
            await CircuitAction.RunAsync(Logger, "Privacy action", action, m => Snackbar.Add(m, Severity.Error), new(T["Denied"], T["Failed"]));
        }
        finally
        {
            busy = false;
        }
    }
}

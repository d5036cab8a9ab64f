using CustomerInsight.Core.Omoc;
using MudBlazor;

namespace CustomerInsight.Web.Components.Pages.Omoc;

/// <summary>Opens the OMOC edit dialogs and confirmations; the dialogs call back into <see cref="OmocEditor"/> to save.</summary>
public static class OmocDialogs
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    /// <summary>True when the dialog saved (its result is the row's id).</summary>
    public static async Task<bool> EditAsync<TDialog, TInput>(this IDialogService dialogs, string title, TInput? initial,
        Func<TInput, Task<OmocCommandResult>> submit)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
        where TInput : class
    {
        var parameters = new DialogParameters { ["Initial"] = initial, ["Submit"] = submit };
        var reference = await dialogs.ShowAsync<TDialog>(title, parameters, Options);
        var result = await reference.Result;
        return result is { Canceled: false };
    }

    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string yes, string cancel) =>
        await dialogs.ShowMessageBoxAsync(title, message, yesText: yes, cancelText: cancel) == true;
}

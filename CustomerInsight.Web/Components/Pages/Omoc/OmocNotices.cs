using CustomerInsight.Core.Omoc;
using MudBlazor;

namespace CustomerInsight.Web.Components.Pages.Omoc;

/// <summary>A command's outcome as a short snackbar message in the UI language.</summary>
public static class OmocNotices
{
    public static void Show(ISnackbar snackbar, OmocCommandResult result, string success)
    {
        ArgumentNullException.ThrowIfNull(snackbar);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded)
        {
            snackbar.Add(success, Severity.Success);
            return;
        }
        foreach (var error in result.Errors)
        {
            snackbar.Add(error.Message.For(CultureInfo.CurrentUICulture), Severity.Error);
        }
    }
}

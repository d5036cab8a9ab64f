using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CustomerInsight.Web.Components.Pages.Admin;

/// <summary>Administration (product.md page 9): users and roles through <see cref="UserAdministration"/>, and the settings in effect.</summary>
public sealed partial class AdminPage
{
    private IReadOnlyList<UserRow>? users;
    private string? currentUserId;
    private bool busy;

    [Inject] public required UserAdministration Users { get; set; }
    [Inject] public required AuthenticationStateProvider Authentication { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var state = await Authentication.GetAuthenticationStateAsync();
        currentUserId = state.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        await RunAsync(() => Task.CompletedTask); // loads the accounts
    }

    private async Task CreateAsync()
    {
        string? created = null;
        var dialog = await Dialogs.ShowAsync<NewUserDialog>(T["NewUser"], new DialogParameters<NewUserDialog>
        {
            { d => d.Submit, async account =>
                {
                    // Refused or failed: the dialog stays open and says so under its fields.
                    var result = await CircuitAction.RunAsync(Logger, "Account creation", () => Users.CreateAsync(account),
                        refused: new UserAdminResult(UserAdminError.Rejected, T["Denied"]),
                        failed: new UserAdminResult(UserAdminError.Rejected, T["Failed"]));
                    created = result.Succeeded ? account.Email.Trim() : null;
                    return result;
                }
            },
        });
        if (await dialog.Result is not { Canceled: false } || created is null)
        {
            return;
        }
        await RunAsync(() =>
        {
            Snackbar.Add(Text("Created", created), Severity.Success);
            return Task.CompletedTask;
        });
    }

    private Task ChangeRoleAsync(UserRow user, string role) =>
        RunAsync(async () => Report(await Users.ChangeRoleAsync(user.Id, role), Text("RoleChanged", user.Email, Shared["Role_" + role])));

    private Task SetDisabledAsync(UserRow user, bool disabled) =>
        RunAsync(async () => Report(await Users.SetDisabledAsync(user.Id, disabled), Text(disabled ? "DisabledDone" : "EnabledDone", user.Email)));

    private async Task SetPasswordAsync(UserRow user)
    {
        var dialog = await Dialogs.ShowAsync<PasswordDialog>(T["SetPassword"], new DialogParameters<PasswordDialog>
        {
            { d => d.Email, user.Email },
            { d => d.MinimumLength, UserAdministration.MinimumPasswordLength(user.Role) },
        });
        if (await dialog.Result is not { Canceled: false, Data: string password })
        {
            return;
        }
        await RunAsync(async () => Report(await Users.SetPasswordAsync(user.Id, password), Text("PasswordSet", user.Email)));
    }

    private void Report(UserAdminResult result, string doneMessage)
    {
        if (result.Succeeded)
        {
            Snackbar.Add(doneMessage, Severity.Success);
            return;
        }
        var message = result.Error == UserAdminError.Rejected ? $"{T["Error_Rejected"]} {result.Details}" : T["Error_" + result.Error].Value;
        Snackbar.Add(message, Severity.Warning);
    }

    /// <summary>Runs a command with the buttons disabled, then shows the accounts as they now are.</summary>
    private async Task RunAsync(Func<Task> action)
    {
        busy = true;
        try
        {
            await CircuitAction.RunAsync(Logger, "Administration action", async () =>
            {
                await action();
                users = await Users.ListAsync();
            }, m => Snackbar.Add(m, Severity.Error), new(T["Denied"], T["Failed"]));
        }
        finally
        {
            busy = false;
        }
    }
}

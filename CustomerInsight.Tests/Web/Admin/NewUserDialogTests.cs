using CustomerInsight.Web.Components.Pages.Admin;
using MudBlazor;

namespace CustomerInsight.Tests.Web.Admin;

/// <summary>The new-account dialog: a refused password leaves the dialog open with what was typed, and states the real rule.</summary>
public sealed class NewUserDialogTests : BunitTestBase
{
    private readonly List<NewUser> submitted = [];
    private readonly Queue<UserAdminResult> answers = new();

    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, IDialogReference Reference)> OpenAsync()
    {
        var dialogs = Render<MudDialogProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<NewUserDialog>
        {
            {
                d => d.Submit, account =>
                {
                    submitted.Add(account);
                    return Task.FromResult(answers.Dequeue());
                }
            },
        };
        IDialogReference? reference = null;
        await dialogs.InvokeAsync(async () => reference = await service.ShowAsync<NewUserDialog>("Nouveau compte", parameters));
        dialogs.WaitForElement("[data-testid=new-user-dialog]");
        return (dialogs, reference!);
    }

    // MudBlazor puts the data-testid on the input itself; its label and helper text are in the surrounding control.
    private static AngleSharp.Dom.IElement Input(IRenderedComponent<MudDialogProvider> dialogs, string testId) =>
        dialogs.Find($"input[data-testid={testId}], [data-testid={testId}] input");

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<MudDialogProvider> dialogs, string testId) =>
        dialogs.Find($"[data-testid={testId}]").Closest(".mud-input-control")
            ?? throw new InvalidOperationException($"{testId} has no input control");

    private static string InputValue(IRenderedComponent<MudDialogProvider> dialogs, string testId) =>
        Input(dialogs, testId).GetAttribute("value") ?? "";

    private static void Type(IRenderedComponent<MudDialogProvider> dialogs, string testId, string value) =>
        Input(dialogs, testId).Input(value);

    [Fact]
    public async Task Save_PasswordRefused_StaysOpenKeepsWhatWasTypedAndSaysWhy()
    {
        answers.Enqueue(new UserAdminResult(UserAdminError.PasswordTooShort));
        answers.Enqueue(new UserAdminResult(UserAdminError.PasswordTooCommon));
        answers.Enqueue(UserAdminResult.Ok);
        var (dialogs, reference) = await OpenAsync();

        Type(dialogs, "new-user-email", "claire.martin@example.org");
        Input(dialogs, "new-user-name").Change("Claire Martin");
        Type(dialogs, "new-user-password", "court");
        dialogs.Find("[data-testid=new-user-save]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("au moins 8 caractères pour ce rôle", dialogs.Markup, StringComparison.Ordinal));
        Assert.Single(submitted);
        Assert.Equal("claire.martin@example.org", InputValue(dialogs, "new-user-email"));
        Assert.Equal("Claire Martin", InputValue(dialogs, "new-user-name"));
        Assert.Equal("court", InputValue(dialogs, "new-user-password"));
        Assert.False(reference.Result.IsCompleted);

        Type(dialogs, "new-user-password", "motdepasse123");
        dialogs.Find("[data-testid=new-user-save]").Click();
        dialogs.WaitForAssertion(() =>
            Assert.Contains("fait partie des plus courants", Field(dialogs, "new-user-password").TextContent, StringComparison.Ordinal));
        Assert.Equal("claire.martin@example.org", InputValue(dialogs, "new-user-email"));

        Type(dialogs, "new-user-password", "un mot de passe assez long");
        dialogs.Find("[data-testid=new-user-save]").Click();
        var result = await reference.Result;
        Assert.False(result!.Canceled);
        Assert.Equal(new NewUser("claire.martin@example.org", "Claire Martin", Roles.Analyst, "un mot de passe assez long"), submitted[^1]);
        Assert.Equal(3, submitted.Count);
    }

    [Fact]
    public async Task Render_StatesTheRuleOfPasswordRulesAndMarksRequiredFields()
    {
        var (dialogs, _) = await OpenAsync();

        var rule = Field(dialogs, "new-user-password").TextContent;
        Assert.Contains($"Au moins {PasswordRules.MinimumLength} caractères ({PasswordRules.MinimumAdminLength} pour un administrateur",
            rule, StringComparison.Ordinal);
        Assert.Contains("pas un mot de passe courant", rule, StringComparison.Ordinal);
        foreach (var field in new[] { "new-user-email", "new-user-password", "new-user-role" })
        {
            Assert.Contains("*", Field(dialogs, field).QuerySelector("label")!.TextContent, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("*", Field(dialogs, "new-user-name").QuerySelector("label")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("* champ obligatoire", dialogs.Find("[data-testid=new-user-required-note]").TextContent.Trim());
    }
}

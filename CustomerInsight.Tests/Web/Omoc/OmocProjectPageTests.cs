using CustomerInsight.Tests.Core.Omoc;
using MudBlazor;

namespace CustomerInsight.Tests.Web.Omoc;

/// <summary>The project page's delete flow: a workshop holding assessments is deleted only after a second question naming how many.</summary>
public sealed class OmocProjectPageTests : DatabaseBunitTestBase
{
    private int projectId;
    private int workshopId;

    protected override async Task ArrangeAsync()
    {
        var commands = OmocTestProjects.Commands(Database);
        (projectId, var population, workshopId) = await OmocTestProjects.CreateCheckoutAsync(commands, Token);
        await OmocTestProjects.CompleteAsync(commands, workshopId, population, new OmocScores(4, 4, 2, 4), Token);
        AddAppServicesWithCharts();
    }

    private async Task<int> WorkshopsAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Workshops.CountAsync(Token);
    }

    private static void Answer(IRenderedComponent<MudDialogProvider> dialogs, string button) =>
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == button).Click());

    /// <summary>A change manager asks to delete the workshop and confirms once: the second question names the assessments.</summary>
    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<OmocProject> Page) AskToDeleteTheWorkshop()
    {
        SignInAs(Roles.ChangeManager, "alice@demo.local");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<OmocProject>(p => p.Add(c => c.Id, projectId));
        page.WaitForElement($"[data-testid=delete-workshop-{workshopId}]").Click();

        Answer(dialogs, "Supprimer");
        dialogs.WaitForAssertion(() => Assert.Contains("1 bilan déjà saisi sera supprimé", dialogs.Markup, StringComparison.Ordinal));
        return (dialogs, page);
    }

    [Fact]
    public async Task DeleteWorkshop_WithAssessments_AsksTwiceSecondNamesTheCount()
    {
        var (dialogs, page) = AskToDeleteTheWorkshop();
        Assert.Equal(1, await WorkshopsAsync());

        Answer(dialogs, "Tout supprimer");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-testid=delete-workshop-{workshopId}]")));
        Assert.Equal(0, await WorkshopsAsync());
    }

    [Fact]
    public async Task DeleteWorkshop_SecondQuestionCancelled_NothingDeleted()
    {
        var (dialogs, page) = AskToDeleteTheWorkshop();
        Answer(dialogs, "Annuler");

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("1 bilan déjà saisi sera supprimé", dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal(1, await WorkshopsAsync());
        Assert.NotNull(page.Find($"[data-testid=delete-workshop-{workshopId}]"));
    }
}

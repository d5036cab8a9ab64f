using Bunit;
using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Omoc;
using CustomerInsight.Tests.Core.Data;
using CustomerInsight.Web.Components.Charts;
using CustomerInsight.Web.Components.Pages.Omoc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CustomerInsight.Tests.Web.Omoc;

/// <summary>The project page's delete flow: a workshop holding assessments is deleted only after a second question naming how many.</summary>
public sealed class OmocProjectPageTests : BunitTestBase, IAsyncLifetime
{
    private TestDatabase database = null!;
    private int projectId;
    private int workshopId;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        var commands = new OmocCommands(database.Factory, new AuditLog(database.Factory, TimeProvider.System), TimeProvider.System);
        projectId = (await commands.CreateProjectAsync(new ChangeProjectInput("Caisse", null, null, new DateOnly(2026, 1, 5), new DateOnly(2026, 6, 1)), "setup", Token)).Id!.Value;
        var population = (await commands.CreatePopulationAsync(projectId, new PopulationInput("Caissiers", 120, null), "setup", Token)).Id!.Value;
        workshopId = (await commands.CreateWorkshopAsync(projectId, new WorkshopInput("Cadrage", new DateOnly(2026, 2, 1), WorkshopPhase.BeforeGoLive, null, null), "setup", Token)).Id!.Value;
        await commands.SaveAssessmentAsync(new AssessmentInput(workshopId, population, new OmocScores(4, 4, 2, 4), OmocJustifications.Empty, 0), AssessmentStatus.Completed, "setup", Token);

        // The app's own registrations (AddCustomerInsightCore, AddCircuitActions): OMOC queries, commands, editor, calendar.
        AddAppServices(database.ConnectionString);
        JSInterop.SetupModule(ChartJs.ModulePath);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }

    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    private async Task<int> WorkshopsAsync()
    {
        await using var db = database.CreateContext();
        return await db.Workshops.CountAsync(Token);
    }

    private static void Answer(IRenderedComponent<MudDialogProvider> dialogs, string button) =>
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == button).Click());

    [Fact]
    public async Task DeleteWorkshop_WithAssessments_AsksTwiceSecondNamesTheCount()
    {
        SignInAs(Roles.ChangeManager, "alice@demo.local");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<OmocProject>(p => p.Add(c => c.Id, projectId));
        page.WaitForElement($"[data-testid=delete-workshop-{workshopId}]").Click();

        Answer(dialogs, "Supprimer");
        dialogs.WaitForAssertion(() => Assert.Contains("1 bilan déjà saisi sera supprimé", dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal(1, await WorkshopsAsync());

        Answer(dialogs, "Tout supprimer");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-testid=delete-workshop-{workshopId}]")));
        Assert.Equal(0, await WorkshopsAsync());
    }

    [Fact]
    public async Task DeleteWorkshop_SecondQuestionCancelled_NothingDeleted()
    {
        SignInAs(Roles.ChangeManager, "alice@demo.local");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<OmocProject>(p => p.Add(c => c.Id, projectId));
        page.WaitForElement($"[data-testid=delete-workshop-{workshopId}]").Click();

        Answer(dialogs, "Supprimer");
        dialogs.WaitForAssertion(() => Assert.Contains("1 bilan déjà saisi sera supprimé", dialogs.Markup, StringComparison.Ordinal));
        Answer(dialogs, "Annuler");

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("1 bilan déjà saisi sera supprimé", dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal(1, await WorkshopsAsync());
        Assert.NotNull(page.Find($"[data-testid=delete-workshop-{workshopId}]"));
    }
}

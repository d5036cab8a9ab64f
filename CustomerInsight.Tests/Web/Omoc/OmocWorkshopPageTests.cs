using CustomerInsight.Tests.Core.Omoc;

namespace CustomerInsight.Tests.Web.Omoc;

/// <summary>The workshop page over a real SQLite file: concurrent saves are reported and reloaded, and the save path refuses readers.</summary>
public sealed class OmocWorkshopPageTests : DatabaseBunitTestBase
{
    private OmocCommands commands = null!;
    private int workshopId;
    private int populationId;

    protected override async Task ArrangeAsync()
    {
        commands = OmocTestProjects.Commands(Database);
        (_, populationId, workshopId) = await OmocTestProjects.CreateCheckoutAsync(commands, Token);
        AddAppServicesWithCharts();
    }

    private IRenderedComponent<OmocWorkshop> RenderPage()
    {
        var page = Render<OmocWorkshop>(p => p.Add(c => c.Id, workshopId));
        page.WaitForElement($"[data-testid=scoring-card-{populationId}]");
        return page;
    }

    private static void Choose(IRenderedComponent<OmocWorkshop> page, OmocAxis axis, int score) =>
        page.Find($"input[type=radio][data-testid=score-{axis}-{score}]").Click();

    private async Task<OmocAssessment> StoredAsync()
    {
        await using var db = Database.CreateContext();
        return await db.OmocAssessments.AsNoTracking().SingleAsync(Token);
    }

    [Fact]
    public async Task Complete_SomeoneSavedMeanwhile_ConflictShownNothingOverwrittenReloadShowsTheirVersion()
    {
        SignInAs(Roles.ChangeManager, "alice@demo.local");
        var page = RenderPage();
        // Bob saves the same assessment after Alice's page loaded it (version 0).
        var bob = await commands.SaveAssessmentAsync(new AssessmentInput(workshopId,
            populationId, new OmocScores(1, 2, 1, 2), OmocJustifications.Empty, 0),
            AssessmentStatus.Draft, "bob@demo.local", Token);
        Assert.True(bob.Succeeded);

        foreach (var axis in OmocAxes.All)
        {
            Choose(page, axis, 4);
        }
        page.Find("button[data-testid=complete]").Click();

        page.WaitForElement("[data-testid=conflict]");
        Assert.Contains("bob@demo.local", page.Find("[data-testid=conflict]").TextContent, StringComparison.Ordinal);
        var stored = await StoredAsync();
        Assert.Equal((AssessmentStatus.Draft, 1, 2), (stored.Status, stored.ToolsScore!.Value, stored.JobScore!.Value));

        page.Find("[data-testid=reload]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=conflict]")));
        // Bob's scores are on the card now: 1, 2, 1, 2 → index 1.5.
        Assert.Contains("1,5", page.Find("[data-testid=impact]").TextContent, StringComparison.Ordinal);
        page.Find("button[data-testid=complete]").Click();
        page.WaitForAssertion(() =>
            Assert.Contains("Terminé",
            page.Find($"[data-testid=scoring-card-{populationId}] [data-testid=status]").TextContent, StringComparison.Ordinal));
        stored = await StoredAsync();
        Assert.Equal((AssessmentStatus.Completed, 2, "alice@demo.local"), (stored.Status, stored.Version, stored.UpdatedBy));
        Assert.Equal([1, 2, 1, 2], OmocScores.Of(stored).Values);
    }

    [Fact]
    public async Task SavePath_Executive_NoControlsAndTheServerRefusesTheSave()
    {
        SignInAs(Roles.Executive, "direction@demo.local");
        var page = RenderPage();
        Assert.Empty(page.FindAll("input[type=radio]"));
        Assert.Empty(page.FindAll("button[data-testid=complete]"));

        // A forged event reaching the handler: the editor re-checks the policy before any write.
        var submission = new ScoringSubmission(new AssessmentInput(workshopId, populationId,
            new OmocScores(4, 4, 4, 4), OmocJustifications.Empty, 0), AssessmentStatus.Completed);
        await page.InvokeAsync(() => page.Instance.SaveAsync(submission));

        await using var db = Database.CreateContext();
        Assert.False(await db.OmocAssessments.AnyAsync(Token));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == OmocCommands.AssessmentSave
            || a.Action == OmocCommands.AssessmentComplete, Token));
    }
}

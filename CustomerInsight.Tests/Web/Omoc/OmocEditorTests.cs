using CustomerInsight.Tests.Core.Omoc;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerInsight.Tests.Web.Omoc;

/// <summary>The pages' save path checks the OmocEdit policy on the server, whatever the UI rendered.</summary>
public sealed class OmocEditorTests : DatabaseTestBase
{
    private int projectId;
    private int populationId;
    private int workshopId;

    protected override async Task ArrangeAsync() =>
        (projectId, populationId, workshopId) = await OmocTestProjects.CreateCheckoutAsync(Commands(), Token);

    private OmocCommands Commands() => OmocTestProjects.Commands(Database);

    private OmocEditor EditorAs(string? role, string name = "someone@demo.local", ILogger<OmocEditor>? logger = null) =>
        new(Commands(), FixedUser.Access(role, name), logger ?? NullLogger<OmocEditor>.Instance);

    private AssessmentInput Scores(int version = 0) =>
        new(workshopId, populationId, new OmocScores(4, 4, 2, 4), OmocJustifications.Empty, version);

    [Theory]
    [InlineData(Roles.Executive)]
    [InlineData(Roles.Analyst)]
    [InlineData(null)]
    public async Task SaveAssessment_NotAnEditor_RefusedAndNothingWritten(string? role)
    {
        var editor = EditorAs(role);

        var result = await editor.SaveAssessmentAsync(Scores(), AssessmentStatus.Completed, Token);

        Assert.Equal(OmocOutcome.Forbidden, result.Outcome);
        Assert.False(await editor.CanEditAsync());
        await using var db = Database.CreateContext();
        Assert.False(await db.OmocAssessments.AnyAsync(Token));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == OmocCommands.AssessmentComplete, Token));
    }

    [Fact]
    public async Task EveryCommand_Executive_RefusedAndDataUnchanged()
    {
        var editor = EditorAs(Roles.Executive);
        var project = new ChangeProjectInput("Autre", null, null, new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1));
        var population = new PopulationInput("Autres", 3, null);
        var workshop = new WorkshopInput("Autre", new DateOnly(2026, 3, 1), WorkshopPhase.AfterGoLive, null, null);

        OmocCommandResult[] results =
        [
            await editor.CreateProjectAsync(project, Token),
            await editor.UpdateProjectAsync(projectId, project, Token),
            await editor.CreatePopulationAsync(projectId, population, Token),
            await editor.UpdatePopulationAsync(populationId, population, Token),
            await editor.CreateWorkshopAsync(projectId, workshop, Token),
            await editor.UpdateWorkshopAsync(workshopId, workshop, Token),
            await editor.DeleteWorkshopAsync(workshopId, true, Token),
            await editor.DeletePopulationAsync(populationId, true, Token),
            await editor.DeleteProjectAsync(projectId, Token),
        ];

        Assert.All(results, r => Assert.Equal(OmocOutcome.Forbidden, r.Outcome));
        await using var db = Database.CreateContext();
        Assert.Equal("Caisse", (await db.ChangeProjects.SingleAsync(Token)).Name);
        Assert.Equal(1, await db.Populations.CountAsync(Token));
        Assert.Equal(1, await db.Workshops.CountAsync(Token));
    }

    [Theory]
    [InlineData(Roles.ChangeManager)]
    [InlineData(Roles.Admin)]
    public async Task SaveAssessment_Editor_SavedUnderTheUsersName(string role)
    {
        var editor = EditorAs(role, "changement@demo.local");

        var result = await editor.SaveAssessmentAsync(Scores(), AssessmentStatus.Completed, Token);

        Assert.True(result.Succeeded);
        Assert.True(await editor.CanEditAsync());
        await using var db = Database.CreateContext();
        var saved = await db.OmocAssessments.SingleAsync(Token);
        Assert.Equal("changement@demo.local", saved.UpdatedBy);
        Assert.Equal(AssessmentStatus.Completed, saved.Status);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == OmocCommands.AssessmentComplete && a.UserName == "changement@demo.local", Token));
    }

    [Fact]
    public async Task SaveAssessment_SecondEditorWithStaleVersion_ConflictNamesTheFirst()
    {
        await EditorAs(Roles.ChangeManager, "alice@demo.local").SaveAssessmentAsync(Scores(), AssessmentStatus.Draft, Token);

        var result = await EditorAs(Roles.Admin, "bob@demo.local").SaveAssessmentAsync(Scores(version: 0), AssessmentStatus.Completed, Token);

        Assert.Equal(OmocOutcome.Conflict, result.Outcome);
        Assert.Equal("alice@demo.local", result.Conflict!.LastSavedBy);
        await using var db = Database.CreateContext();
        Assert.Equal(AssessmentStatus.Draft, (await db.OmocAssessments.SingleAsync(Token)).Status);
    }

    [Fact]
    public async Task SaveAssessment_CommandFails_FailedResultLoggedNothingSaved()
    {
        var logger = new FakeLogger<OmocEditor>();
        var editor = EditorAs(Roles.ChangeManager, logger: logger);
        await using (var db = Database.CreateContext())
        {
            // The assessments' table gone: the command throws inside the editor.
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"OmocAssessments\"", Token);
        }

        var result = await editor.SaveAssessmentAsync(Scores(), AssessmentStatus.Completed, Token);

        Assert.Equal(OmocOutcome.Failed, result.Outcome);
        Assert.Equal(OmocMessages.SaveFailed, Assert.Single(result.Errors).Message);
        var entry = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal((LogLevel.Error, "SaveAssessmentAsync failed"), (entry.Level, entry.Message));
    }
}

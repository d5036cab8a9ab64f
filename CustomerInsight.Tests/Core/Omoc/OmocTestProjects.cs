namespace CustomerInsight.Tests.Core.Omoc;

/// <summary>The OMOC data the database tests start from, written through the app's own entities and commands.</summary>
public static class OmocTestProjects
{
    /// <summary>The commands over this database, audited, on the system clock.</summary>
    public static OmocCommands Commands(TestDatabase database) =>
        new(database.Factory, new AuditLog(database.Factory, TimeProvider.System), TimeProvider.System);

    /// <summary>Saves the demo company's two change projects, with their plan actions when asked.</summary>
    public static async Task SaveDemoAsync(TestDatabase database, bool withPlanActions, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var projects = DemoOmocProjects.Create();
        db.ChangeProjects.AddRange(projects);
        if (withPlanActions)
        {
            db.PlanActions.AddRange(DemoOmocProjects.PlanActions(projects));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Creates project "Caisse" (5 January to 1 June 2026), its population "Caissiers" (120 people) and its workshop
    /// "Cadrage" (1 February 2026, before go-live), as "setup".
    /// </summary>
    public static async Task<CheckoutProject> CreateCheckoutAsync(OmocCommands commands, CancellationToken ct, string? sponsor = null)
    {
        var project = new ChangeProjectInput("Caisse", null, sponsor, new DateOnly(2026, 1, 5), new DateOnly(2026, 6, 1));
        var projectId = (await commands.CreateProjectAsync(project, "setup", ct)).Id!.Value;
        var population = (await commands.CreatePopulationAsync(projectId, new PopulationInput("Caissiers", 120, null), "setup", ct)).Id!.Value;
        var workshop = new WorkshopInput("Cadrage", new DateOnly(2026, 2, 1), WorkshopPhase.BeforeGoLive, null, null);
        var workshopId = (await commands.CreateWorkshopAsync(projectId, workshop, "setup", ct)).Id!.Value;
        return new CheckoutProject(projectId, population, workshopId);
    }

    /// <summary>Saves a completed assessment of the population at the workshop, with these scores, as "setup".</summary>
    public static Task CompleteAsync(OmocCommands commands, int workshopId, int populationId, OmocScores scores, CancellationToken ct) =>
        commands.SaveAssessmentAsync(new AssessmentInput(workshopId, populationId, scores, OmocJustifications.Empty, 0),
            AssessmentStatus.Completed, "setup", ct);
}

/// <summary>The ids of the project <see cref="OmocTestProjects.CreateCheckoutAsync"/> creates.</summary>
public sealed record CheckoutProject(int ProjectId, int PopulationId, int WorkshopId);

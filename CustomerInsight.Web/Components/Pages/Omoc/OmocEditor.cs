using CustomerInsight.Core.Omoc;

namespace CustomerInsight.Web.Components.Pages.Omoc;

/// <summary>
/// The OMOC pages' only way to change data: every command re-checks <see cref="Policies.OmocEdit"/> for the
/// circuit's current user on the server before it runs (a hidden button is not security), and passes the
/// user's name to the audit log.
/// </summary>
public sealed class OmocEditor(
    OmocCommands commands,
    CircuitAccess access,
    ILogger<OmocEditor> logger)
{
    public Task<bool> CanEditAsync() => access.AllowsAsync(Policies.OmocEdit);

    public Task<OmocCommandResult> CreateProjectAsync(ChangeProjectInput input, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(CreateProjectAsync), user => commands.CreateProjectAsync(input, user, cancellationToken));

    public Task<OmocCommandResult> UpdateProjectAsync(int projectId, ChangeProjectInput input, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(UpdateProjectAsync), user => commands.UpdateProjectAsync(projectId, input, user, cancellationToken));

    public Task<OmocCommandResult> DeleteProjectAsync(int projectId, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(DeleteProjectAsync), user => commands.DeleteProjectAsync(projectId, user, cancellationToken));

    public Task<OmocCommandResult> CreatePopulationAsync(int projectId, PopulationInput input, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(CreatePopulationAsync), user => commands.CreatePopulationAsync(projectId, input, user, cancellationToken));

    public Task<OmocCommandResult> UpdatePopulationAsync(int populationId, PopulationInput input, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(UpdatePopulationAsync), user => commands.UpdatePopulationAsync(populationId, input, user, cancellationToken));

    public Task<OmocCommandResult> DeletePopulationAsync(int populationId, bool confirmAssessmentsDeletion,
        CancellationToken cancellationToken = default) =>
        RunAsync(nameof(DeletePopulationAsync), user => commands.DeletePopulationAsync(populationId, confirmAssessmentsDeletion, user,
            cancellationToken));

    public Task<OmocCommandResult> CreateWorkshopAsync(int projectId, WorkshopInput input, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(CreateWorkshopAsync), user => commands.CreateWorkshopAsync(projectId, input, user, cancellationToken));

    public Task<OmocCommandResult> UpdateWorkshopAsync(int workshopId, WorkshopInput input, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(UpdateWorkshopAsync), user => commands.UpdateWorkshopAsync(workshopId, input, user, cancellationToken));

    public Task<OmocCommandResult> DeleteWorkshopAsync(int workshopId, bool confirmAssessmentsDeletion,
        CancellationToken cancellationToken = default) =>
        RunAsync(nameof(DeleteWorkshopAsync), user => commands.DeleteWorkshopAsync(workshopId, confirmAssessmentsDeletion, user, cancellationToken));

    public Task<OmocCommandResult> SaveAssessmentAsync(AssessmentInput input, AssessmentStatus status,
        CancellationToken cancellationToken = default) =>
        RunAsync(nameof(SaveAssessmentAsync), user => commands.SaveAssessmentAsync(input, status, user, cancellationToken));

    public Task<OmocCommandResult> SavePlanActionAsync(PlanActionInput input, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(SavePlanActionAsync), user => commands.SavePlanActionAsync(input, user, cancellationToken));

    /// <summary>True when the current user may see and edit the sociodynamic map.</summary>
    public Task<bool> CanUseSociodynamicsAsync() => access.AllowsAsync(Policies.Sociodynamics);

    public Task<OmocCommandResult> CreateActorAsync(int projectId, SociodynamicActorInput input, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(CreateActorAsync), user => commands.CreateActorAsync(projectId, input, user, cancellationToken), Policies.Sociodynamics);

    public Task<OmocCommandResult> AssessActorAsync(SociodynamicAssessmentInput input, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(AssessActorAsync), user => commands.AssessActorAsync(input, user, cancellationToken), Policies.Sociodynamics);

    /// <summary>
    /// Runs the command as the current user when <see cref="CircuitAccess"/> lets them, through <see cref="CircuitAction"/>: a refusal
    /// (logged there) is the OMOC forms' refused result, any other failure is logged and answered as a failed save.
    /// </summary>
    private Task<OmocCommandResult> RunAsync(string action, Func<string, Task<OmocCommandResult>> command, string policy = Policies.OmocEdit) =>
        CircuitAction.RunAsync(logger, action, async () => await command(await access.RequireNameAsync(policy, action)),
            OmocCommandResult.Refused(), OmocCommandResult.Failed());
}

using System.Security.Claims;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Omoc;
using CustomerInsight.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace CustomerInsight.Web.Components.Pages.Omoc;

/// <summary>
/// The OMOC pages' only way to change data: every command re-checks <see cref="Policies.OmocEdit"/> for the
/// circuit's current user on the server before it runs (a hidden button is not security), and passes the
/// user's name to the audit log.
/// </summary>
public sealed class OmocEditor(
    OmocCommands commands,
    IAuthorizationService authorization,
    AuthenticationStateProvider authenticationState,
    ILogger<OmocEditor> logger)
{
    public async Task<bool> CanEditAsync() => await EditorNameAsync() is not null;

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

    public Task<OmocCommandResult> DeletePopulationAsync(int populationId, bool confirmAssessmentsDeletion, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(DeletePopulationAsync), user => commands.DeletePopulationAsync(populationId, confirmAssessmentsDeletion, user, cancellationToken));

    public Task<OmocCommandResult> CreateWorkshopAsync(int projectId, WorkshopInput input, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(CreateWorkshopAsync), user => commands.CreateWorkshopAsync(projectId, input, user, cancellationToken));

    public Task<OmocCommandResult> UpdateWorkshopAsync(int workshopId, WorkshopInput input, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(UpdateWorkshopAsync), user => commands.UpdateWorkshopAsync(workshopId, input, user, cancellationToken));

    public Task<OmocCommandResult> DeleteWorkshopAsync(int workshopId, bool confirmAssessmentsDeletion, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(DeleteWorkshopAsync), user => commands.DeleteWorkshopAsync(workshopId, confirmAssessmentsDeletion, user, cancellationToken));

    public Task<OmocCommandResult> SaveAssessmentAsync(AssessmentInput input, AssessmentStatus status, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(SaveAssessmentAsync), user => commands.SaveAssessmentAsync(input, status, user, cancellationToken));

    public Task<OmocCommandResult> SavePlanActionAsync(PlanActionInput input, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(SavePlanActionAsync), user => commands.SavePlanActionAsync(input, user, cancellationToken));

    /// <summary>True when the current user may see and edit the sociodynamic map.</summary>
    public async Task<bool> CanUseSociodynamicsAsync() => await EditorNameAsync(Policies.Sociodynamics) is not null;

    public Task<OmocCommandResult> CreateActorAsync(int projectId, SociodynamicActorInput input, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(CreateActorAsync), user => commands.CreateActorAsync(projectId, input, user, cancellationToken), Policies.Sociodynamics);

    public Task<OmocCommandResult> AssessActorAsync(SociodynamicAssessmentInput input, CancellationToken cancellationToken = default) =>
        RunAsync(nameof(AssessActorAsync), user => commands.AssessActorAsync(input, user, cancellationToken), Policies.Sociodynamics);

    private async Task<OmocCommandResult> RunAsync(string action, Func<string, Task<OmocCommandResult>> command, string policy = Policies.OmocEdit)
    {
        if (await EditorNameAsync(policy) is not { } user)
        {
            logger.LogWarning("OMOC {Action} refused: the user does not satisfy the {Policy} policy.", action, policy);
            return OmocCommandResult.Refused();
        }
        return await command(user);
    }

    private async Task<string?> EditorNameAsync(string policy = Policies.OmocEdit)
    {
        ClaimsPrincipal user = (await authenticationState.GetAuthenticationStateAsync()).User;
        if (user.Identity?.Name is not { Length: > 0 } name)
        {
            return null;
        }
        var result = await authorization.AuthorizeAsync(user, policy);
        return result.Succeeded ? name : null;
    }
}

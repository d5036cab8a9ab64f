using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace CustomerInsight.Web.Security;

/// <summary>A circuit action was refused: the signed-in user does not (or no longer) satisfy <see cref="Policy"/>.</summary>
public sealed class AccessDeniedException(string policy) : Exception($"The {policy} policy is required.")
{
    public string Policy { get; } = policy;
}

/// <summary>
/// The one check every circuit action makes first (imports, privacy and audit, user administration, OMOC edits,
/// theme saves, the customer search of the exports page), against the circuit's current user on the server: hiding
/// a button is not security, and a circuit event must not be trusted on its own. A refusal is logged (which action,
/// which policy, who) and fails one way, <see cref="AccessDeniedException"/>; each page turns it into its localised
/// message. A role withdrawn while a page is open reaches the circuit's user when the security stamp is next
/// validated (within 5 minutes, <c>SecurityStampValidatorOptions.ValidationInterval</c>), not at once.
/// </summary>
public sealed class CircuitAccess(IAuthorizationService authorization, AuthenticationStateProvider authentication, ILogger<CircuitAccess> logger)
{
    /// <summary>Whether the current user satisfies <paramref name="policy"/> (what a page shows; the actions still call
    /// <see cref="RequireAsync"/>).</summary>
    public async Task<bool> AllowsAsync(string policy) => await CheckAsync(policy) is not null;

    /// <summary>
    /// The signed-in user (with a name, for the audit log) when they satisfy <paramref name="policy"/>; otherwise the
    /// refusal is logged and <see cref="AccessDeniedException"/> thrown.
    /// </summary>
    public async Task<ClaimsPrincipal> RequireAsync(string policy, [CallerMemberName] string action = "")
    {
        if (await CheckAsync(policy) is { } user)
        {
            return user;
        }
        var name = (await authentication.GetAuthenticationStateAsync()).User.Identity?.Name;
        logger.LogWarning("{Action} refused for {User}: the {Policy} policy is required.", action, string.IsNullOrEmpty(name) ? "anonymous" : name,
            policy);
        throw new AccessDeniedException(policy);
    }

    /// <summary>The name of the signed-in user who satisfies <paramref name="policy"/> (see <see cref="RequireAsync"/>).</summary>
    public async Task<string> RequireNameAsync(string policy, [CallerMemberName] string action = "") =>
        (await RequireAsync(policy, action)).Identity!.Name!;

    private async Task<ClaimsPrincipal?> CheckAsync(string policy)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (string.IsNullOrEmpty(user.Identity?.Name))
        {
            return null;
        }
        return (await authorization.AuthorizeAsync(user, policy)).Succeeded ? user : null;
    }
}

/// <summary>Registration of the role policies and of the services through which pages act on the server.</summary>
public static class CircuitAccessServices
{
    /// <summary>
    /// The role policies (<see cref="Policies"/>), <see cref="CircuitAccess"/> and the per-circuit action services that
    /// call it first (imports, privacy and audit, user administration, OMOC edits). The web app and the tests use this.
    /// </summary>
    public static IServiceCollection AddCircuitActions(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddInsightPolicies();
        services.AddScoped<CircuitAccess>();
        services.AddScoped<Components.Pages.Data.ImportActions>();
        services.AddScoped<Components.Pages.Privacy.PrivacyActions>();
        services.AddScoped<Components.Pages.Audit.AuditDescriber>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<Components.Pages.Omoc.OmocEditor>();
        services.AddScoped<Components.Pages.Quality.QualityActions>();
        return services;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace CustomerInsight.Web.Security;

/// <summary>Thrown when the signed-in user is not (or no longer) an admin.</summary>
public sealed class AdminAccessDeniedException() : Exception("The Admin policy is required.");

/// <summary>
/// The check every admin action makes first, against the circuit's current user: hiding a button is not
/// security. A role withdrawn while a page is open reaches the circuit's user when the security stamp is next
/// validated (within 5 minutes, <c>SecurityStampValidatorOptions.ValidationInterval</c>), not at once.
/// </summary>
public sealed class AdminGuard(IAuthorizationService authorization, AuthenticationStateProvider authentication)
{
    /// <summary>The signed-in admin (with a name, for the audit log); throws <see cref="AdminAccessDeniedException"/> otherwise.</summary>
    public async Task<ClaimsPrincipal> RequireAdminAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var result = await authorization.AuthorizeAsync(state.User, Policies.Admin);
        if (!result.Succeeded || string.IsNullOrEmpty(state.User.Identity?.Name))
        {
            throw new AdminAccessDeniedException();
        }
        return state.User;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerInsight.Tests.Web;

/// <summary>
/// The tests' one signed-in user of a circuit: a name, one role (null: nobody signed in), optionally an account id.
/// bUnit pages get it through <see cref="BunitTestBase.SignInAs"/>; the services pages call get it through
/// <see cref="Access"/>, with the app's own policies.
/// </summary>
public sealed class FixedUser(string? role, string name = "someone@demo.local", string? id = null) : AuthenticationStateProvider
{
    /// <summary>The app's authorization, registered by its own <see cref="CircuitAccessServices.AddCircuitActions"/>.</summary>
    private static readonly IAuthorizationService Authorization = new ServiceCollection().AddLogging().AddCircuitActions()
        .BuildServiceProvider().GetRequiredService<IAuthorizationService>();

    /// <summary>The app's circuit check for this user (what ImportActions, PrivacyActions, OmocEditor… take).</summary>
    public static CircuitAccess Access(string? role, string name = "someone@demo.local", string? id = null, ILogger<CircuitAccess>? logger = null) =>
        new(Authorization, new FixedUser(role, name, id), logger ?? NullLogger<CircuitAccess>.Instance);

    public override Task<AuthenticationState> GetAuthenticationStateAsync()
    {
        if (role is null)
        {
            return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));
        }
        List<Claim> claims = [new(ClaimTypes.Name, name), new(ClaimTypes.Role, role)];
        if (id is not null)
        {
            claims.Add(new(ClaimTypes.NameIdentifier, id));
        }
        return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(claims, "test"))));
    }
}

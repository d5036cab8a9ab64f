using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace CustomerInsight.Tests.Web;

/// <summary>A circuit's signed-in user for tests of the services pages call: a name, one role, optionally an account id.</summary>
public sealed class FixedUser(string role, string name, string? id = null) : AuthenticationStateProvider
{
    public override Task<AuthenticationState> GetAuthenticationStateAsync()
    {
        List<Claim> claims = [new(ClaimTypes.Name, name), new(ClaimTypes.Role, role)];
        if (id is not null)
        {
            claims.Add(new(ClaimTypes.NameIdentifier, id));
        }
        return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(claims, "test"))));
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CustomerInsight.Web.Security;

/// <summary>
/// The session cookie's checks. Every request compares the cookie's security stamp with the account's (one
/// lookup by key): sign-out renews the stamp, so a copy of the cookie replayed afterwards is refused at once,
/// as is every session of an account that was disabled or had its role changed. Identity's validator still
/// refreshes the roles every five minutes. Redirects to the sign-in and access-denied pages are relative: the
/// request's Host header is never copied into a Location.
/// </summary>
public static class SessionCookieEvents
{
    public static CookieAuthenticationEvents Create() => new()
    {
        OnValidatePrincipal = ValidatePrincipalAsync,
        OnRedirectToLogin = RedirectLocally,
        OnRedirectToAccessDenied = RedirectLocally,
        OnRedirectToLogout = RedirectLocally,
        OnRedirectToReturnUrl = RedirectLocally,
    };

    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal?.Identity?.IsAuthenticated != true)
        {
            return;
        }
        var services = context.HttpContext.RequestServices;
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = users.GetUserId(context.Principal);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || !string.Equals(context.Principal.FindFirst(stampClaim)?.Value, user.SecurityStamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    private static Task RedirectLocally(RedirectContext<CookieAuthenticationOptions> context)
    {
        var target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute,
            out var absolute) ? absolute.PathAndQuery + absolute.Fragment : context.RedirectUri;
        if (!target.StartsWith('/') || target.StartsWith("//", StringComparison.Ordinal) || target.StartsWith("/\\", StringComparison.Ordinal))
        {
            target = "/";
        }
        if (IsAjaxRequest(context.Request))
        {
            context.Response.Headers.Location = target;
            context.Response.StatusCode =
                context.Response.StatusCode == StatusCodes.Status403Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
        context.Response.Redirect(target);
        return Task.CompletedTask;
    }

    private static bool IsAjaxRequest(HttpRequest request) =>
        string.Equals(request.Query["X-Requested-With"], "XMLHttpRequest", StringComparison.Ordinal)
        || string.Equals(request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.Ordinal);
}

using CustomerInsight.Web.Components.Account;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CustomerInsight.Web.Endpoints;

internal static class AccountEndpoints
{
    /// <summary>
    /// Sign-out is a POST with an antiforgery token (a link or a form on another site could sign people out). The
    /// endpoint asks the antiforgery middleware to validate the token (metadata) and, binding no form field that
    /// would act on the result, refuses a missing or wrong token itself.
    /// </summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/Account/Logout", async Task<IResult> (HttpContext http, [FromServices] SignInManager<AppUser> signInManager,
            [FromServices] AccountAudit accountAudit) =>
        {
            if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                // With a body: the status code pages would re-execute this POST as the not-found page.
                return TypedResults.Text("Sign-out needs the antiforgery token of the app's own form.", statusCode: StatusCodes.Status400BadRequest);
            }
            await accountAudit.SignOutAsync(http.User, http.RequestAborted);
            // Sign-out ends the session on the server too: a new security stamp makes every copy of the cookie
            // worthless at once (SessionCookieEvents compares it on each request), not only the browser's.
            if (await signInManager.UserManager.GetUserAsync(http.User) is { } user)
            {
                await signInManager.UserManager.UpdateSecurityStampAsync(user);
            }
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        })
        .WithMetadata(new RequireAntiforgeryTokenAttribute());
}

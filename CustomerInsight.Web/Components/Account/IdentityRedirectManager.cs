namespace CustomerInsight.Web.Components.Account;

/// <summary>
/// Redirects after sign-in, to local addresses only (no open redirect): anything else lands on <c>/</c>. On a
/// rendered form post the redirect is relative (the navigation manager would make it absolute from the request's
/// Host header).
/// </summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager, IHttpContextAccessor httpContextAccessor)
{
    public void RedirectTo(string? uri)
    {
        var target = LocalUrl.OrRoot(uri);
        if (httpContextAccessor.HttpContext is { Response.HasStarted: false } http)
        {
            http.Response.Redirect(target);
            return;
        }
        navigationManager.NavigateTo(target);
    }
}

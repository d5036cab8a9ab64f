using CustomerInsight.Web.Security;
using Microsoft.AspNetCore.Components;

namespace CustomerInsight.Web.Components.Account;

/// <summary>Redirects after sign-in, to local addresses only (no open redirect): anything else lands on <c>/</c>.</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public void RedirectTo(string? uri) => navigationManager.NavigateTo(LocalUrl.OrRoot(uri));
}

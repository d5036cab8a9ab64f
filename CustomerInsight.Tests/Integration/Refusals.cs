namespace CustomerInsight.Tests.Integration;

/// <summary>
/// How the app refuses a page request, asserted one way: a redirect to the login page (nobody signed in) or to the
/// access-denied page (a role outside the page's policy).
/// </summary>
public static class Refusals
{
    public static void AssertRedirectsToLogin(HttpResponseMessage response) => AssertRedirectsTo(response, "/Account/Login");

    public static void AssertAccessDenied(HttpResponseMessage response) => AssertRedirectsTo(response, "/Account/AccessDenied");

    private static void AssertRedirectsTo(HttpResponseMessage response, string path)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(path, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

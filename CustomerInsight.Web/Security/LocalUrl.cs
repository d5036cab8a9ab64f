namespace CustomerInsight.Web.Security;

/// <summary>
/// Redirect targets taken from a request (a sign-in's ReturnUrl, the language switch's redirectUri): only a path
/// of this site is followed, anything else (another site, <c>//host</c>, <c>/\host</c> that browsers read as
/// <c>//host</c>, a <c>javascript:</c> address, control characters) becomes <c>/</c>. Same rules as
/// ASP.NET Core's <c>IsLocalUrl</c>.
/// </summary>
public static class LocalUrl
{
    public static string OrRoot(string? url) => IsLocal(url) ? url! : "/";

    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/')
        {
            return false;
        }
        if (url.Length > 1 && url[1] is '/' or '\\')
        {
            return false;
        }
        return !url.Any(c => char.IsControl(c) || c == '\\');
    }
}

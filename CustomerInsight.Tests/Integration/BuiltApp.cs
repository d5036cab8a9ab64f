using System.Diagnostics;

namespace CustomerInsight.Tests.Integration;

/// <summary>The web project's build output started as a process of its own, on a test's database.</summary>
internal static class BuiltApp
{
    /// <summary>The web project's own build output, beside this test project's (same configuration).</summary>
    public static string WebDll => Path.Combine(AppContext.BaseDirectory.Replace(
        $"{Path.DirectorySeparatorChar}CustomerInsight.Tests{Path.DirectorySeparatorChar}",
            $"{Path.DirectorySeparatorChar}CustomerInsight.Web{Path.DirectorySeparatorChar}", StringComparison.Ordinal),
        "CustomerInsight.Web.dll");

    /// <summary>
    /// <c>dotnet CustomerInsight.Web.dll</c> with <paramref name="arguments"/> (none: the web app; else a verb), its output and
    /// errors redirected, on <paramref name="database"/> given as the README's environment variables give it
    /// (Database__Provider, ConnectionStrings__Insight).
    /// </summary>
    public static ProcessStartInfo StartInfo(TestDatabase database, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(WebDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in database.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        return start;
    }
}

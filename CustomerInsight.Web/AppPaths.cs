namespace CustomerInsight.Web;

/// <summary>
/// Where the one configuration file and relative data paths live: the repository root when the
/// app runs from a checkout (found by its solution file), otherwise the app's own folder.
/// </summary>
public static class AppPaths
{
    public static string Root { get; } = FindRoot(AppContext.BaseDirectory);

    public static string ConfigFile
    {
        get
        {
            var atRoot = Path.Combine(Root, "appsettings.json");
            return File.Exists(atRoot) ? atRoot : Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        }
    }

    internal static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerInsight.sln")))
            {
                return dir.FullName;
            }
        }
        return start;
    }

    /// <summary>
    /// Puts the root appsettings.json first, so environment variables and test settings override it. The copy the
    /// builder loaded from the content root (the app's folder) is dropped: the one file is the root's, even when the
    /// build's copy is older.
    /// </summary>
    public static void AddRootConfiguration(IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var copy in configuration.Sources.OfType<Microsoft.Extensions.Configuration.Json.JsonConfigurationSource>()
                     .Where(s => string.Equals(s.Path, "appsettings.json", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            configuration.Sources.Remove(copy);
        }
        var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = ConfigFile,
            Optional = false,
            ReloadOnChange = false,
        };
        source.ResolveFileProvider();
        configuration.Sources.Insert(0, source);
    }
}

namespace CustomerInsight.Tests.Core.Importing;

/// <summary>Where test files are: the copied Files folder, and the public data set beside the repository.</summary>
public static class TestFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Core", "Importing", "Files", name);

    /// <summary>../shared/data/online_retail.csv.gz relative to the repository root (the folder of CustomerInsight.sln).</summary>
    public static string? OnlineRetail()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CustomerInsight.sln")))
            {
                var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "data", "online_retail.csv.gz"));
                return File.Exists(path) ? path : null;
            }
        }
        return null;
    }
}

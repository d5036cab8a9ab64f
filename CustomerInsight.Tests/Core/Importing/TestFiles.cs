namespace CustomerInsight.Tests.Core.Importing;

/// <summary>The public data set beside the repository (test files themselves are written by each test into its temporary folder).</summary>
public static class TestFiles
{
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

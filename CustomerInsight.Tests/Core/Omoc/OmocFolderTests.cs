namespace CustomerInsight.Tests.Core.Omoc;

public class OmocFolderTests
{
    [Fact]
    public void OmocSources_NoFile_UsesEntityFrameworkCore()
    {
        var folder = Path.Combine(RepositoryRoot(), "CustomerInsight.Core", "Omoc");
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var offenders = files.Where(f => File.ReadAllText(f).Contains("EntityFrameworkCore", StringComparison.Ordinal)).ToList();
        Assert.Empty(offenders);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomerInsight.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("CustomerInsight.sln not found above the test binaries.");
    }
}

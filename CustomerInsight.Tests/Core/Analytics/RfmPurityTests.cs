namespace CustomerInsight.Tests.Core.Analytics;

public class RfmPurityTests
{
    [Fact]
    public void RfmSources_DoNotUseEntityFrameworkOrTheClock()
    {
        var folder = Path.Combine(FindRepositoryRoot(), "CustomerInsight.Core", "Analytics");
        var files = Directory.GetFiles(folder, "Rfm*.cs");

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.False(text.Contains("EntityFrameworkCore", StringComparison.Ordinal), $"{Path.GetFileName(file)} uses EF Core");
            Assert.False(text.Contains("DateTime.Now", StringComparison.Ordinal) || text.Contains("DateTime.UtcNow", StringComparison.Ordinal) || text.Contains("TimeProvider", StringComparison.Ordinal), $"{Path.GetFileName(file)} reads the clock");
        }
    }

    [Fact]
    public void AnalyticsTypes_DoNotReferenceEntityFrameworkTypes()
    {
        var analytics = typeof(CustomerInsight.Core.Analytics.RfmScorer).Assembly.GetTypes()
            .Where(t => t.Namespace == "CustomerInsight.Core.Analytics");
        const System.Reflection.BindingFlags all = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic
            | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly;

        foreach (var type in analytics)
        {
            var used = type.GetFields(all).Select(f => f.FieldType)
                .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)));
            Assert.DoesNotContain(used, t => t.FullName?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerInsight.sln")) || Directory.Exists(Path.Combine(dir.FullName, "CustomerInsight.Core")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Repository root not found from " + AppContext.BaseDirectory);
    }
}

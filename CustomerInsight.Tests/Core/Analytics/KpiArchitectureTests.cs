using CustomerInsight.Core.Analytics;

namespace CustomerInsight.Tests.Core.Analytics;

public class KpiArchitectureTests
{
    [Fact]
    public void AnalyticsTypes_DoNotUseEntityFrameworkCore()
    {
        var analytics = typeof(SalesKpiCalculator).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(SalesKpiCalculator).Namespace)
            .ToList();
        Assert.Contains(typeof(Period), analytics);

        static IEnumerable<Type> Used(Type t) =>
            t.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic).Select(f => f.FieldType)
                .Concat(t.GetProperties().Select(p => p.PropertyType))
                .Concat(t.GetMethods().SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Append(t.BaseType ?? typeof(object));

        var offenders = analytics.SelectMany(t => Used(t).Select(u => (t, u)))
            .Where(x => x.u.Namespace?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true)
            .Select(x => $"{x.t.Name} uses {x.u.FullName}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void AnalyticsSources_DoNotImportEntityFrameworkCore()
    {
        var folder = FindCoreFolder("Analytics");
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);

        var offenders = files.Where(f => File.ReadAllText(f).Contains("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)).ToList();

        Assert.Empty(offenders);
    }

    private static string FindCoreFolder(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "CustomerInsight.Core", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"CustomerInsight.Core/{name} not found above {AppContext.BaseDirectory}.");
    }
}

using CustomerInsight.Web.Cli;

namespace CustomerInsight.Tests.Web.Cli;

/// <summary>Runs the executable's command line in-process against a given database, capturing its output.</summary>
public static class CliTestRunner
{
    public sealed record CliResult(int ExitCode, string Output, string Error)
    {
        /// <summary>Success: exit code 0 and standard output saying each of <paramref name="parts"/>.</summary>
        public void AssertSucceeded(params string[] parts)
        {
            Assert.Equal(0, ExitCode);
            Assert.All(parts, part => Assert.Contains(part, Output, StringComparison.Ordinal));
        }

        /// <summary>Bad input: exit code 2 and standard error saying each of <paramref name="parts"/>.</summary>
        public void AssertBadInput(params string[] parts)
        {
            Assert.Equal(2, ExitCode);
            Assert.All(parts, part => Assert.Contains(part, Error, StringComparison.Ordinal));
        }
    }

    /// <param name="settings">More configuration (e.g. <c>Business:Currency</c>), as environment variables would give it.</param>
    public static async Task<CliResult> RunAsync(string connectionString, string[] args,
        string input = "", IReadOnlyDictionary<string, string?>? settings = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var code = await CliApp.RunAsync(args, new CliConsole(reader, output, error), configuration =>
            configuration.AddInMemoryCollection(new Dictionary<string,
                string?>(settings ?? new Dictionary<string, string?>()) { ["ConnectionStrings:Insight"] = connectionString }));
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the command line over <paramref name="database"/>, on its engine (<c>Database:Provider</c> and connection string).</summary>
    public static Task<CliResult> RunAsync(TestDatabase database, string[] args,
        string input = "", IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        foreach (var (key, value) in database.Settings)
        {
            all[key] = value;
        }
        return RunAsync(database.ConnectionString, args, input, all);
    }
}

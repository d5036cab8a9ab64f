namespace CustomerInsight.Tests.Web.Cli;

/// <summary>
/// Issue 17's "done": the public Online Retail file imported through the command line into SQLite and into PostgreSQL
/// gives the same <c>kpi --json</c> and <c>rfm --json</c>, to the penny (every figure of the JSON compared as text).
/// </summary>
public sealed class PublicFileOnBothEnginesTests
{
    private static readonly string[][] Verbs =
    [
        ["kpi", "--from", "2010-12-01", "--to", "2011-12-10", "--json"],
        ["kpi", "--from", "2011-07-01", "--to", "2011-10-01", "--json"],
        ["kpi", "--from", "2011-12-01", "--to", "2011-12-10", "--compare", "last-year", "--channel", "web", "--json"],
        ["rfm", "--date", "2011-12-10", "--json"],
        ["rfm", "--json"],
    ];

    [Fact]
    public async Task KpiAndRfmJson_PublicFile_SameOnSqliteAndPostgres()
    {
        var path = TestFiles.OnlineRetail();
        if (path is null)
        {
            Assert.Skip("../shared/data/online_retail.csv.gz (beside the repository) is absent: the public-file test needs it.");
        }
        await using var sqlite = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, migrate: false);
        await using var postgres = await TestDatabase.CreateAsync(DatabaseEngine.Postgres, migrate: false);

        var onSqlite = await RunAllAsync(sqlite, path);
        var onPostgres = await RunAllAsync(postgres, path);

        for (var i = 0; i < Verbs.Length; i++)
        {
            Assert.Equal(onSqlite[i], onPostgres[i]);
        }
        // The comparison covers real figures, not two empty answers.
        using var year = JsonDocument.Parse(onSqlite[0]);
        Assert.True(year.RootElement.GetProperty("current").GetProperty("orders").GetInt64() > 15_000);
        Assert.Equal("GBP", year.RootElement.GetProperty("currency").GetString());
    }

    private static async Task<string[]> RunAllAsync(TestDatabase database, string path)
    {
        var import = await CliTestRunner.RunAsync(database, ["import", path, "--format", "online-retail"],
            settings: new Dictionary<string, string?> { ["Business:Currency"] = "GBP" });
        Assert.True(import.ExitCode == 0, $"{database.Engine}: {import.Error}");
        var outputs = new string[Verbs.Length];
        for (var i = 0; i < Verbs.Length; i++)
        {
            var result = await CliTestRunner.RunAsync(database, Verbs[i]);
            Assert.True(result.ExitCode == 0, $"{database.Engine} {string.Join(' ', Verbs[i])}: {result.Error}");
            outputs[i] = result.Output;
        }
        return outputs;
    }
}

using Microsoft.AspNetCore.Identity;

namespace CustomerInsight.Tests.Web.Cli;

public class CliAppTests : EngineTestBase
{
    [Fact]
    public async Task Timing_InARealProcess_SaysSqlitesSettings_MultiThreadWithoutMemoryStatistics_OnSqliteOnly()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var start = CustomerInsight.Tests.Integration.BuiltApp.StartInfo(database, "quality", "--timing");

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Token);
        var error = process.StandardError.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);

        Assert.True(process.ExitCode == 0, await error);
        // Set before SQLite's first connection, they take; a PostgreSQL process never loads SQLite.
        var line = (await error).Split('\n').SingleOrDefault(l => l.StartsWith("timing: SQLite ", StringComparison.Ordinal));
        Assert.Equal(Engine == DatabaseEngine.Sqlite ? "timing: SQLite multi-thread, no memory statistics" : null, line?.TrimEnd());
        await output;
    }

    [Fact]
    public async Task Help_ListsTheVerbs()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var result = await CliTestRunner.RunAsync(database, ["--help"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("seed-demo", result.Output, StringComparison.Ordinal);
        Assert.Contains("create-admin", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_EveryVerbListed_RunsUnderTheNameListed()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var help = await CliTestRunner.RunAsync(database, ["--help"]);
        var names = help.Output.Split('\n').SkipWhile(l => l.Trim() != "verbs:").Skip(1).TakeWhile(l => l.Trim().Length > 0)
            .Select(l => l.Trim().Split(' ')[0]).ToList();

        Assert.Subset(names.ToHashSet(), new HashSet<string> { "seed-demo", "create-admin", "import", "kpi", "rfm", "clv", "generate" });
        foreach (var name in names)
        {
            // Listed by the verb's own name, run by the name it is registered under: the two must agree.
            var usage = await CliTestRunner.RunAsync(database, [name, "--help"]);
            Assert.Equal(0, usage.ExitCode);
            Assert.StartsWith($"usage: {name} ", usage.Output.TrimStart(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Timing_AnyVerb_PrintsStartupAndWorkToStandardErrorOnly()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var plain = await CliTestRunner.RunAsync(database, ["kpi", "--from", "2024-01-01", "--to", "2024-02-01", "--json"]);
        var timed = await CliTestRunner.RunAsync(database,
            ["kpi", "--timing", "--from", "2024-01-01", "--to", "2024-02-01", "--json"]);

        Assert.Equal(0, timed.ExitCode);
        Assert.Equal(plain.Output, timed.Output);
        Assert.DoesNotContain("timing", plain.Error, StringComparison.Ordinal);
        var lines = timed.Error.Trim().Split(Environment.NewLine);
        // In this process SQLite's settings are those of whichever test first opened a SQLite database: said on a third line.
        Assert.InRange(lines.Length, 2, 3);
        Assert.Matches(@"^timing: start-up \d+ ms, work \d+ ms$", lines[0]);
        Assert.Matches(@"^timing: start-up steps: runtime \d+ ms \(CPU \d+\)(, [a-z ]+ \d+ ms \(CPU \d+\))+$", lines[1]);
        Assert.All(lines.Skip(2), line => Assert.StartsWith("timing: SQLite ", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownVerb_ExitsTwo()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var result = await CliTestRunner.RunAsync(database, ["frobnicate"]);
        result.AssertBadInput("frobnicate");
    }

    [Theory]
    [InlineData("Kpi:LapsedAfterDays", "0", "LapsedAfterDays")]
    [InlineData("Import:WriteCacheMegabytes", "-1", "WriteCacheMegabytes")]
    public async Task InvalidSetting_ExitsTwoNamingItBeforeAnyWork(string key, string value, string member)
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var result = await CliTestRunner.RunAsync(database, ["kpi", "--from", "2024-01-01", "--to", "2024-02-01"],
            settings: new Dictionary<string, string?> { [key] = value });

        // Decided by the exception's type, not its text: a bad setting is bad input (2), never an "unexpected failure" (1).
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("Configuration error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(member, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(database.FilePath), "the database was opened before the settings were checked");
    }

    [Fact]
    public async Task SeedDemo_NewFileThenAgain_FillsThenRefusesWithExitTwo()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);

        var first = await CliTestRunner.RunAsync(database, ["seed-demo", "--customers", "150"]);
        var second = await CliTestRunner.RunAsync(database, ["seed-demo", "--customers", "150"]);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("150 customers", first.Output, StringComparison.Ordinal);
        second.AssertBadInput("not empty");
        await using var db = database.CreateContext();
        // 150 customers and the store card records of 3 of them (one in 50, the demo's duplicates of issue 16).
        Assert.Equal(150 + 3, await db.Customers.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnyOtherVerb_EmptyDatabase_NeverSeedsDemoData()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var result = await CliTestRunner.RunAsync(database,
            ["create-admin", "--email", "boss@example.org"], "a-long-admin-password\n");
        Assert.Equal(0, result.ExitCode);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Customers.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.ChangeProjects.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CreateAdmin_PasswordFromStandardInput_CreatesAnAdminThatCanSignIn()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);

        var result = await CliTestRunner.RunAsync(database, ["create-admin", "--email", "dpo@example.org"], "Correct-Horse-42\n");

        Assert.Equal(0, result.ExitCode);
        await using var db = database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Email == "dpo@example.org", TestContext.Current.CancellationToken);
        var adminRoleId = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleAsync(TestContext.Current.CancellationToken);
        Assert.True(await db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && ur.RoleId == adminRoleId, TestContext.Current.CancellationToken));
        Assert.Equal(PasswordVerificationResult.Success,
            new PasswordHasher<AppUser>().VerifyHashedPassword(user, user.PasswordHash!, "Correct-Horse-42"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "role.grant", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("short", "at least 12")]
    [InlineData("", "at least 12")]
    public async Task CreateAdmin_ShortPassword_ExitsTwoAndCreatesNothing(string password, string message)
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var result = await CliTestRunner.RunAsync(database, ["create-admin", "--email", "dpo@example.org"], password + "\n");
        result.AssertBadInput(message);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Users.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CreateAdmin_MissingEmail_ExitsTwo()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var result = await CliTestRunner.RunAsync(database, ["create-admin"], "Correct-Horse-42\n");
        result.AssertBadInput("--email");
    }
}

/// <summary>Every test of <see cref="CliAppTests"/> on PostgreSQL.</summary>
public sealed class CliAppOnPostgresTests : CliAppTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

using CustomerInsight.Tests.Core.Unify;

namespace CustomerInsight.Tests.Web.Cli;

/// <summary><c>unify</c> and <c>quality</c> through the real command line (interfaces.md).</summary>
public class UnifyVerbsTests : EngineTestBase
{
    private const string CustomersCsv = UnifyTestCustomers.HeleneAndMarc +
        "LONE-1,Zoé,Bad,zoe@nowhere,12,7501,Paris,France,2024-01-01\n";

    private async Task<ImportTestContext> DatabaseAsync()
    {
        var context = await ImportTestContext.CreateAsync("EUR", engine: Engine);
        Assert.True((await context.ImportAsync(context.WriteFile("customers.csv", CustomersCsv), ImportFormat.Customers, Token)).Succeeded);
        return context;
    }

    [Fact]
    public async Task UnifyDryRunJson_ThenConfirm_ThenUndo_InterfacesShape()
    {
        await using var context = await DatabaseAsync();
        var connection = context.Database;

        var dryRun = await CliTestRunner.RunAsync(connection, ["unify", "--dry-run", "--json"]);
        var confirm = await CliTestRunner.RunAsync(connection, ["unify", "--confirm"]);
        var after = await CliTestRunner.RunAsync(connection, ["unify", "--dry-run", "--json"]);

        Assert.Equal(0, dryRun.ExitCode);
        Assert.Equal("""{"groups":2,"customers":4,"byRule":{"email":1,"phone":1,"nameAndPostalCode":1}}""", dryRun.Output.Trim());
        confirm.AssertSucceeded("2 group(s) merged: 4 customer(s) became 2.");
        Assert.Equal("""{"groups":0,"customers":0,"byRule":{"email":0,"phone":0,"nameAndPostalCode":0}}""", after.Output.Trim());
        int mergeId;
        await using (var db = context.Database.CreateContext())
        {
            Assert.Equal(3, await db.Customers.CountAsync(Token));
            Assert.StartsWith("cli:", (await db.AuditEntries.SingleAsync(a => a.Action == UnifyCommands.MergeAuditAction, Token)).UserName,
                StringComparison.Ordinal);
            mergeId = await db.CustomerMerges.MaxAsync(m => m.Id, Token);
        }

        var undo = await CliTestRunner.RunAsync(connection, ["unify", "--undo", mergeId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var again = await CliTestRunner.RunAsync(connection,
            ["unify", "--undo", mergeId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal(0, undo.ExitCode);
        again.AssertBadInput("already undone");
        await using (var db = context.Database.CreateContext())
        {
            Assert.Equal(4, await db.Customers.CountAsync(Token));
        }
    }

    [Theory]
    [InlineData("unify")]
    [InlineData("unify --confirm --json")]
    [InlineData("unify --dry-run --confirm")]
    [InlineData("unify --undo abc")]
    [InlineData("unify --undo 99")]
    public async Task Unify_BadArguments_Exit2(string command)
    {
        await using var context = await DatabaseAsync();

        var result = await CliTestRunner.RunAsync(context.Database, command.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public async Task QualityJson_FiguresOverallAndPerFormat_WorstFirst()
    {
        await using var context = await DatabaseAsync();

        var result = await CliTestRunner.RunAsync(context.Database, ["quality", "--json"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var overall = json.RootElement.GetProperty("overall");
        Assert.Equal(5, overall.GetProperty("customers").GetInt32());
        var figures = overall.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("code").GetString()!);
        // E-mails: 4 present, "zoe@nowhere" invalid; phones: 3 present, "12" invalid; postal codes in France: 3 present, "7501" invalid.
        Assert.Equal((3, 4), (figures["validity.email"].GetProperty("count").GetInt32(), figures["validity.email"].GetProperty("total").GetInt32()));
        Assert.Equal((2, 3), (figures["validity.phone"].GetProperty("count").GetInt32(), figures["validity.phone"].GetProperty("total").GetInt32()));
        Assert.Equal((2, 3),
            (figures["validity.postalCode"].GetProperty("count").GetInt32(), figures["validity.postalCode"].GetProperty("total").GetInt32()));
        Assert.Equal(0, figures["consent.EmailMarketing"].GetProperty("count").GetInt32());
        var shares = overall.GetProperty("figures").EnumerateArray().Where(f => f.GetProperty("kind").GetString() != "freshness")
            .Select(f => f.GetProperty("share").GetDouble()).ToList();
        Assert.Equal(shares.Order(), shares);
        Assert.Equal("customers", json.RootElement.GetProperty("byFormat")[0].GetProperty("format").GetString());
    }
}

/// <summary>Every test of <see cref="UnifyVerbsTests"/> on PostgreSQL.</summary>
public sealed class UnifyVerbsOnPostgresTests : UnifyVerbsTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

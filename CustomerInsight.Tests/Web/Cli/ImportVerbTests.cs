namespace CustomerInsight.Tests.Web.Cli;

public class ImportVerbTests : EngineTestBase
{
    private const string Header = "OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice";

    [Fact]
    public async Task Import_GoodFileWithJson_ExitsZeroAndPrintsTheReport()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var path = database.WriteFile("lines.csv",
            $"{Header}\nO-1,C-1,2024-03-15 10:00,Web,Sale,P1,Mug,2,3.50\nO-1,C-1,2024-03-15 10:00,Web,Sale,P2,Cup,1,1.25\n");

        var result = await CliTestRunner.RunAsync(database, ["import", path, "--format", "order-lines", "--json"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(2, json.RootElement.GetProperty("rowsRead").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("rowsImported").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("orders").GetProperty("created").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("rejected").GetArrayLength());
        await using var db = database.CreateContext();
        var batch = await db.ImportBatches.SingleAsync(Token);
        Assert.Equal("cli:" + Environment.UserName, batch.UserName);
    }

    [Fact]
    public async Task Import_GoodFile_PrintsHumanSummary()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var path = database.WriteFile("lines.csv", $"{Header}\nO-1,C-1,2024-03-15 10:00,Web,Sale,P1,Mug,2,3.50\n");

        var result = await CliTestRunner.RunAsync(database, ["import", path, "--format", "order-lines"]);

        result.AssertSucceeded("succeeded", "rows imported");
    }

    [Fact]
    public async Task Import_Timing_PrintsTheReadAndTheWriteToStandardErrorOnly()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var path = database.WriteFile("lines.csv", $"{Header}\nO-1,C-1,2024-03-15 10:00,Web,Sale,P1,Mug,2,3.50\n");
        var again = database.WriteFile("again.csv", $"{Header}\nO-2,C-1,2024-03-16 10:00,Web,Sale,P1,Mug,1,3.50\n");

        var plain = await CliTestRunner.RunAsync(database, ["import", path, "--format", "order-lines", "--json"]);
        var timed = await CliTestRunner.RunAsync(database, ["import", again, "--format", "order-lines", "--json", "--timing"]);

        Assert.True(timed.ExitCode == 0, timed.Error);
        Assert.DoesNotContain("timing", plain.Error, StringComparison.Ordinal);
        Assert.Equal(1, JsonDocument.Parse(timed.Output).RootElement.GetProperty("rowsImported").GetInt32());
        var steps = timed.Error.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("timing:   ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, steps.Length);
        Assert.Matches(@"^timing:   read and check the file \d+ ms, CPU \d+ ms$", steps[0]);
        Assert.Matches(@"^timing:   write, index and commit \d+ ms, CPU \d+ ms$", steps[1]);
    }

    [Fact]
    public async Task Import_RejectedRow_ExitsTwoNamingFileRowAndColumnAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var path = database.WriteFile("bad.csv",
            $"{Header}\nO-1,C-1,2024-03-15 10:00,Web,Sale,P1,Mug,2,3.50\nO-2,C-1,2024-03-16 10:00,Web,Sale,P1,Mug,two,3.50\n");

        var result = await CliTestRunner.RunAsync(database, ["import", path, "--format", "order-lines"]);

        result.AssertBadInput($"{path}: row 3, column Quantity:", "nothing was imported");
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Orders.CountAsync(Token));
        Assert.Equal(0, await db.Customers.CountAsync(Token));
    }

    [Fact]
    public async Task Import_LineOverOneMebibyte_ExitsTwoNamingFileRowAndLimitAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var path = database.WriteFile("long.csv", $"{Header}\nO-1,C-1,2024-03-15 10:00,Web,Sale,P1,Mug,2,3.50\n" + new string('x', 10_000_000));

        var result = await CliTestRunner.RunAsync(database, ["import", path, "--format", "order-lines"]);

        result.AssertBadInput($"{path}: row 3: This row is longer than the limit of 1 MiB");
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Orders.CountAsync(Token));
    }

    [Theory]
    [InlineData("--format", "invoices")]
    [InlineData("--json", "")]
    public async Task Import_BadFormatOrNoFormat_ExitsTwo(string option, string value)
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var path = database.WriteFile("lines.csv", $"{Header}\n");
        string[] args = value.Length == 0 ? ["import", path, option] : ["import", path, option, value];

        var result = await CliTestRunner.RunAsync(database, args);

        result.AssertBadInput("--format");
    }

    [Fact]
    public async Task Import_MissingFile_ExitsTwoNamingTheFile()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var path = Path.Combine(database.Directory, "nowhere.csv");

        var result = await CliTestRunner.RunAsync(database, ["import", path, "--format", "customers"]);

        result.AssertBadInput(path, "not found");
    }
}

/// <summary>Every test of <see cref="ImportVerbTests"/> on PostgreSQL.</summary>
public sealed class ImportVerbOnPostgresTests : ImportVerbTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

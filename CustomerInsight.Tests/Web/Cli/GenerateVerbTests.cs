using CustomerInsight.Core.Importing.Generation;

namespace CustomerInsight.Tests.Web.Cli;

public class GenerateVerbTests : EngineTestBase
{
    [Fact]
    public async Task Generate_SmallSizes_WritesTheFourFilesAndImportsThem()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var folder = Path.Combine(database.Directory, "data");

        var result = await CliTestRunner.RunAsync(database, ["generate", "--out", folder, "--customers", "300", "--lines", "2000", "--seed", "7"]);

        result.AssertSucceeded("2,000 lines");
        var customers = await ImportAsync(database, folder, ScaleDatasetGenerator.CustomersFileName, "customers");
        var lines = await ImportAsync(database, folder, ScaleDatasetGenerator.OrderLinesFileName, "order-lines");
        var surveys = await ImportAsync(database, folder, ScaleDatasetGenerator.SurveysFileName, "surveys");
        Assert.Equal((0, 0, 0), (customers.ExitCode, lines.ExitCode, surveys.ExitCode));
        Assert.Contains("2,000", lines.Output, StringComparison.Ordinal);
    }

    private static Task<CliTestRunner.CliResult> ImportAsync(TestDatabase database, string folder, string file, string format) =>
        CliTestRunner.RunAsync(database, ["import", Path.Combine(folder, file), "--format", format]);

    [Theory]
    [InlineData("--customers", "0")]
    [InlineData("--lines", "ten")]
    [InlineData("--seed", "x")]
    public async Task Generate_BadNumber_ExitsTwo(string option, string value)
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);

        var result = await CliTestRunner.RunAsync(database, ["generate", "--out", Path.Combine(database.Directory, "data"), option, value]);

        result.AssertBadInput(option);
    }

    [Fact]
    public async Task Generate_WithoutOut_ExitsTwo()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);

        var result = await CliTestRunner.RunAsync(database, ["generate", "--lines", "10"]);

        result.AssertBadInput("--out");
    }
}

/// <summary>Every test of <see cref="GenerateVerbTests"/> on PostgreSQL.</summary>
public sealed class GenerateVerbOnPostgresTests : GenerateVerbTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

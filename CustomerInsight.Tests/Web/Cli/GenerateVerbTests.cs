using CustomerInsight.Core.Importing.Generation;

namespace CustomerInsight.Tests.Web.Cli;

public sealed class GenerateVerbTests
{
    [Fact]
    public async Task Generate_SmallSizes_WritesTheFourFilesAndImportsThem()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        var folder = Path.Combine(database.Directory, "data");

        var result = await CliTestRunner.RunAsync(database.ConnectionString,
            ["generate", "--out", folder, "--customers", "300", "--lines", "2000", "--seed", "7"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2,000 lines", result.Output, StringComparison.Ordinal);
        var customers = await CliTestRunner.RunAsync(database.ConnectionString,
            ["import", Path.Combine(folder, ScaleDatasetGenerator.CustomersFileName), "--format", "customers"]);
        var lines = await CliTestRunner.RunAsync(database.ConnectionString,
            ["import", Path.Combine(folder, ScaleDatasetGenerator.OrderLinesFileName), "--format", "order-lines"]);
        var surveys = await CliTestRunner.RunAsync(database.ConnectionString,
            ["import", Path.Combine(folder, ScaleDatasetGenerator.SurveysFileName), "--format", "surveys"]);
        Assert.Equal((0, 0, 0), (customers.ExitCode, lines.ExitCode, surveys.ExitCode));
        Assert.Contains("2,000", lines.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--customers", "0")]
    [InlineData("--lines", "ten")]
    [InlineData("--seed", "x")]
    public async Task Generate_BadNumber_ExitsTwo(string option, string value)
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);

        var result = await CliTestRunner.RunAsync(database.ConnectionString,
            ["generate", "--out", Path.Combine(database.Directory, "data"), option, value]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_WithoutOut_ExitsTwo()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);

        var result = await CliTestRunner.RunAsync(database.ConnectionString, ["generate", "--lines", "10"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out", result.Error, StringComparison.Ordinal);
    }
}

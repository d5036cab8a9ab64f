using CustomerInsight.Core.Importing.Generation;

namespace CustomerInsight.Tests.Core.Importing;

public sealed class ScaleDatasetGeneratorTests : ImportTestBase
{
    private static readonly ScaleDatasetOptions Small = new() { Customers = 400, Lines = 5_000, Seed = 42 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] Files(ScaleDataset dataset) => [dataset.CustomersFile, dataset.OrderLinesFile, dataset.SurveysFile, dataset.ConsentsFile];

    [Fact]
    public async Task Generate_SameSeedTwice_WritesByteIdenticalFiles()
    {
        var first = await ScaleDatasetGenerator.GenerateAsync(Path.Combine(Context.Database.Directory, "a"), Small, Ct);
        var second = await ScaleDatasetGenerator.GenerateAsync(Path.Combine(Context.Database.Directory, "b"), Small, Ct);

        foreach (var (a, b) in Files(first).Zip(Files(second)))
        {
            Assert.Equal(await File.ReadAllBytesAsync(a, Ct), await File.ReadAllBytesAsync(b, Ct));
        }
    }

    [Fact]
    public async Task Generate_AnotherSeed_WritesOtherOrderLines()
    {
        var first = await ScaleDatasetGenerator.GenerateAsync(Path.Combine(Context.Database.Directory, "a"), Small, Ct);
        var other = await ScaleDatasetGenerator.GenerateAsync(Path.Combine(Context.Database.Directory, "b"), Small with { Seed = 43 }, Ct);

        Assert.NotEqual(await File.ReadAllBytesAsync(first.OrderLinesFile, Ct), await File.ReadAllBytesAsync(other.OrderLinesFile, Ct));
        Assert.NotEqual(await File.ReadAllBytesAsync(first.CustomersFile, Ct), await File.ReadAllBytesAsync(other.CustomersFile, Ct));
    }

    [Fact]
    public async Task Generate_SmallDataset_WritesExactlyTheLinesAskedWithCancellationsAndAnonymousOrders()
    {
        var dataset = await ScaleDatasetGenerator.GenerateAsync(Context.Database.Directory, Small, Ct);

        Assert.Equal(Small.Lines, dataset.Lines);
        Assert.Equal(Small.Customers, dataset.Customers);
        Assert.InRange(dataset.Orders, Small.Lines / 5, Small.Lines / 2); // several lines per order
        Assert.True(dataset.CancellationOrders > 0);
        Assert.True(dataset.AnonymousOrders > 0);
        Assert.True(dataset.Responses > 0);
        Assert.True(dataset.Consents > 0);
    }

    [Fact]
    public async Task Generate_SmallDataset_ImportsWithoutRejectionAndTheCountsMatch()
    {
        var dataset = await ScaleDatasetGenerator.GenerateAsync(Path.Combine(Context.Database.Directory, "data"), Small, Ct);

        var customers = await Context.ImportAsync(dataset.CustomersFile, ImportFormat.Customers, Ct);
        var lines = await Context.ImportAsync(dataset.OrderLinesFile, ImportFormat.OrderLines, Ct);
        var surveys = await Context.ImportAsync(dataset.SurveysFile, ImportFormat.Surveys, Ct);
        var consents = await Context.ImportAsync(dataset.ConsentsFile, ImportFormat.Consents, Ct);

        foreach (var report in new[] { customers, lines, surveys, consents })
        {
            Assert.True(report.Succeeded, report.ToJson());
            Assert.Equal(0, report.RejectedCount);
            Assert.Empty(report.Skipped);
            Assert.Equal(0, report.DuplicateRows);
        }
        Assert.Equal(dataset.Customers, customers.Customers.Created);
        Assert.Equal(dataset.Lines, lines.RowsImported);
        Assert.Equal(dataset.Orders, lines.Orders.Created);
        Assert.Equal(0, lines.Customers.Created); // every order's customer is in the customers file
        Assert.Equal(dataset.Responses, surveys.Responses.Created);
        Assert.Empty(surveys.Notes); // every survey's order exists
        Assert.Equal(dataset.Consents, consents.Consents.Created);
        var counts = await Context.CountAsync();
        Assert.Equal((dataset.Customers, (int)dataset.Orders, (int)dataset.Lines, (int)dataset.Responses, (int)dataset.Consents), counts.Data);
    }
}

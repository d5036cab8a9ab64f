using CustomerInsight.Core.Data.Demo;

namespace CustomerInsight.Web.Cli;

/// <summary><c>seed-demo</c>: fills an empty database with the demo company.</summary>
public sealed class SeedDemoVerb(DemoSeeder seeder, IOptions<DemoDataOptions> options) : ICliVerb
{
    public string Name => "seed-demo";
    public string Summary => "fill an empty database with the demo company (refuses a non-empty one)";
    public string Usage => """
        usage: seed-demo [--customers N]

        Fills the database with the deterministic demo company (DemoData:Customers customers
        unless --customers is given). Refuses, with exit code 2, a database that already holds data.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, ["customers"], []);
        if (arguments.Positionals.Count > 0)
        {
            throw new CliInputException($"seed-demo takes no file or value: \"{arguments.Positionals[0]}\".");
        }
        var count = options.Value.Customers;
        if (arguments.Get("customers") is { } text && (!int.TryParse(text, out count) || count < 10))
        {
            throw new CliInputException($"Option --customers: \"{text}\" is not a whole number of at least 10.");
        }

        var result = await seeder.SeedIfEmptyAsync(count, cancellationToken);
        if (!result.Seeded)
        {
            await console.Error.WriteLineAsync("The database is not empty: seed-demo only fills an empty database. Nothing was changed.");
            return 2;
        }
        await console.Out.WriteLineAsync(
            $"Demo company seeded: {result.Customers} customers, {result.Orders} orders, {result.SurveyResponses} survey responses, "
            + $"{result.Consents} consent records, {result.ChangeProjects} change projects.");
        return 0;
    }
}

using CustomerInsight.Core.Importing.Generation;

namespace CustomerInsight.Web.Cli;

/// <summary><c>generate --out DIR [--customers N] [--lines N] [--seed S] [--start D] [--years N]</c>: a large deterministic dataset in the import
/// formats.</summary>
public sealed class GenerateVerb : ICliVerb
{
    public string Name => "generate";
    public string Summary => "write a large deterministic dataset (customers, order-lines, surveys, consents; .csv.gz) for scale tests";
    public string Usage => """
        usage: generate --out DIR [--customers N] [--lines N] [--seed S] [--start YYYY-MM-DD] [--years N]

        Writes four gzip CSV files in the import formats into DIR (created if needed; existing files replaced):
          customers.csv.gz     N customers C0000001… with names, email, phone, postal code, city, country, created date
          order-lines.csv.gz   N order lines over the years from the start date: several lines per order, every
                               channel, a few anonymous store orders, partial cancellations (R… orders)
          surveys.csv.gz       responses (NPS 0-10, CSAT 1-5, some comments) after about 8 % of the orders
          consents.csv.gz      email and SMS marketing consents, some withdrawn
          --customers N  default 1000000
          --lines N      default 10000000 (order lines, cancellations included)
          --seed S       default 1; the same options always write byte-identical files
          --start D      default 2023-01-01; --years N default 3
        Import them in this order: customers, order-lines, surveys, consents. Does not touch the data of the database.
        Exit codes: 0 success, 2 bad input, 1 failure.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, ["out", "customers", "lines", "seed", "start", "years"], []);
        if (arguments.Positionals.Count > 0)
        {
            throw new CliInputException($"generate takes no positional value: \"{arguments.Positionals[0]}\".");
        }
        var defaults = new ScaleDatasetOptions();
        var options = new ScaleDatasetOptions
        {
            Customers = (int)Count(arguments, "customers", defaults.Customers, int.MaxValue),
            Lines = Count(arguments, "lines", defaults.Lines, 2_000_000_000),
            Seed = arguments.Get("seed") is { } seed
                ? long.TryParse(seed, NumberStyles.Integer, CultureInfo.InvariantCulture,
                    out var s) ? s : throw new CliInputException($"Option --seed: \"{seed}\" is not an integer.")
                : defaults.Seed,
            Start = arguments.GetDate("start") ?? defaults.Start,
            Years = (int)Count(arguments, "years", defaults.Years, 50),
        };
        var folder = arguments.Required("out");

        var dataset = await ScaleDatasetGenerator.GenerateAsync(folder, options, cancellationToken);

        var c = CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder();
        text.AppendLine(c,
            $"Generated in {dataset.Elapsed.TotalSeconds.ToString("0.00", c)} s (seed {options.Seed.ToString(c)}) into {Path.GetFullPath(folder)}:");
        text.AppendLine(c, $"  {Path.GetFileName(dataset.CustomersFile),-20} {dataset.Customers,12:N0} customers  {Size(dataset.CustomersFile)}");
        text.AppendLine(c,
            $"  {Path.GetFileName(dataset.OrderLinesFile),-20} {dataset.Lines,12:N0} lines      {Size(dataset.OrderLinesFile)}  "
            + $"({dataset.Orders:N0} orders, {dataset.CancellationOrders:N0} cancellations, {dataset.AnonymousOrders:N0} anonymous)");
        text.AppendLine(c, $"  {Path.GetFileName(dataset.SurveysFile),-20} {dataset.Responses,12:N0} responses  {Size(dataset.SurveysFile)}");
        text.AppendLine(c, $"  {Path.GetFileName(dataset.ConsentsFile),-20} {dataset.Consents,12:N0} consents   {Size(dataset.ConsentsFile)}");
        await console.Out.WriteAsync(text.ToString());
        return 0;
    }

    private static long Count(CliArguments arguments, string name, long fallback, long max)
    {
        var value = arguments.Get(name);
        if (value is null)
        {
            return fallback;
        }
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max
            ? n
            : throw new CliInputException(
                $"Option --{name}: \"{value}\" is not a whole number from 1 to {max.ToString(CultureInfo.InvariantCulture)}.");
    }

    private static string Size(string path) =>
        (new FileInfo(path).Length / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}

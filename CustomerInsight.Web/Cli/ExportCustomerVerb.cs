using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Reporting;

namespace CustomerInsight.Web.Cli;

/// <summary>
/// <c>export-customer --customer ID --out FILE.xlsx</c>: the access/portability file of one customer
/// (source customer id), audited. The command line runs with access to the database itself, so the
/// file holds everything, personal data included, as an access request requires; the audit says so.
/// </summary>
public sealed class ExportCustomerVerb(ExcelExports exports, CustomerFileJsonExport json) : ICliVerb
{
    public string Name => "export-customer";
    public string Summary => "write the access/portability file of one customer (Excel)";
    public string Usage => """
        usage: export-customer --customer ID --out FILE.json|FILE.xlsx

        Writes everything held about the customer with source id ID (profile, consents and their
        history, orders with lines, survey answers) to FILE.xlsx, personal data included, and
        records the export in the audit log. FILE.json writes the machine-readable file (README: Customer file). Exit code 2 for bad
        arguments or an unknown customer.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, ["customer", "out"], []);
        if (arguments.Positionals.Count > 0)
        {
            throw new CliInputException($"export-customer takes no positional value: \"{arguments.Positionals[0]}\".");
        }
        var customer = arguments.Required("customer");
        var output = arguments.Required("out");
        var extension = Path.GetExtension(output).ToLowerInvariant();
        if (extension == ".json")
        {
            _ = await ReportFiles.WriteAsync(output, (stream, ct) => json.ExportBySourceIdAsync(stream, customer, CliUser.Name, ct), cancellationToken)
                ?? throw new CliInputException($"No customer has the source id \"{customer}\".");
            await console.Out.WriteLineAsync($"Customer file written: {Path.GetFullPath(output)}");
            return 0;
        }
        if (extension != ".xlsx")
        {
            throw new CliInputException($"Option --out: \"{output}\" must end with .json or .xlsx.");
        }

        var requester = CommandLineRequester(includePersonalData: true);
        var result = await ReportFiles.WriteAsync(output, (stream, ct) => exports.ExportCustomerBySourceIdAsync(stream, customer, requester, ct), cancellationToken);
        if (result is null)
        {
            throw new CliInputException($"No customer with source id \"{customer}\".");
        }
        await console.Out.WriteLineAsync($"Customer file written to {Path.GetFullPath(output)} ({result.RowCount} rows).");
        return 0;
    }

    /// <summary>
    /// The requester of command-line exports (<c>kpi --out</c>, <c>rfm --out</c> use it too): the OS user
    /// as <c>cli:name</c>, English labels when the process culture is English, French otherwise.
    /// </summary>
    public static ReportRequester CommandLineRequester(bool includePersonalData = false) => new(
        $"cli:{Environment.UserName}",
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? new CultureInfo("en-GB") : new CultureInfo("fr-FR"),
        includePersonalData);
}

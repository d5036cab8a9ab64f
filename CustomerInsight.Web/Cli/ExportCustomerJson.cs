using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Reporting;

namespace CustomerInsight.Web.Cli;

/// <summary>
/// The JSON half of <c>export-customer --customer ID --out FILE.json</c> (the verb, shared with the .xlsx
/// customer file, calls <see cref="RunAsync"/> when the output ends in .json). Shape: <see cref="CustomerFileJson"/>.
/// </summary>
public sealed class ExportCustomerJson(CustomerFileQueries files, AuditLog audit, TimeProvider clock)
{
    public const string AuditAction = "privacy.export";

    /// <summary>The audit details of a customer file in JSON: it always holds the personal data, and the entry says so.</summary>
    public static string JsonAuditDetails(int customerId) =>
        ExcelExports.AuditDetails($"customer:{customerId}", $"customer={customerId}", "json", personalData: true);

    /// <summary>Writes the file; exit code 0, or <see cref="CliInputException"/> (exit 2) when the customer is unknown.</summary>
    public async Task<int> RunAsync(string sourceId, string outPath, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var file = await files.GetBySourceIdAsync(sourceId, cancellationToken)
            ?? throw new CliInputException($"No customer has the source id \"{sourceId}\".");
        var path = Path.GetFullPath(outPath);
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
        {
            await CustomerFileJson.WriteAsync(file, clock.GetUtcNow().UtcDateTime, stream, cancellationToken);
        }
        File.Move(temp, path, overwrite: true);
        await audit.WriteAsync(CliUser.Name, AuditAction, target: $"customer:{file.Profile.Id}", details: JsonAuditDetails(file.Profile.Id), cancellationToken: cancellationToken);
        await console.Out.WriteLineAsync($"Customer file written: {path}");
        return 0;
    }
}

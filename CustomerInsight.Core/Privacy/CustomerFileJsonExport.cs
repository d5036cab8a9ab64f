using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Reporting;

namespace CustomerInsight.Core.Privacy;

/// <summary>
/// The JSON access/portability file of one customer (<see cref="CustomerFileJson"/>), written and audited here as
/// <see cref="ExcelExports"/> writes and audits the workbook: the privacy page's download and the command line's
/// <c>export-customer --out FILE.json</c> both call it. The file always holds the personal data (callers check the
/// Admin policy first), and the audit entry says so; it names the customer by internal id only.
/// </summary>
public sealed class CustomerFileJsonExport(CustomerFileQueries files, AuditLog audit, TimeProvider clock)
{
    public const string AuditAction = "privacy.export";

    /// <summary>The audit details of a customer file in JSON: it always holds the personal data, and the entry says so.</summary>
    public static string AuditDetails(int customerId) =>
        ExcelExports.AuditDetails($"customer:{customerId}", $"customer={customerId}", "json", personalData: true);

    /// <summary>Writes the file of the customer with this internal id to <paramref name="output"/>; null (nothing written) when unknown.</summary>
    public async Task<ExportResult?> ExportAsync(Stream output, int customerId, string userName, CancellationToken cancellationToken = default) =>
        await ExportAsync(output, await files.GetAsync(customerId, cancellationToken), userName, cancellationToken);

    /// <summary>Writes the file of the customer with this source id (the command line's key); null (nothing written) when unknown.</summary>
    public async Task<ExportResult?> ExportBySourceIdAsync(Stream output, string sourceId, string userName,
        CancellationToken cancellationToken = default) =>
        await ExportAsync(output, await files.GetBySourceIdAsync(sourceId, cancellationToken), userName, cancellationToken);

    private async Task<ExportResult?> ExportAsync(Stream output, CustomerFile? file, string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (file is null)
        {
            return null;
        }
        await CustomerFileJson.WriteAsync(file, clock.GetUtcNow().UtcDateTime, output, cancellationToken);
        var id = file.Profile.Id;
        await audit.WriteAsync(userName, AuditAction, target: $"customer:{id}", details: AuditDetails(id), cancellationToken: cancellationToken);
        // One customer's file: the row count is that one customer.
        return new ExportResult(CustomerFileJson.FileName(file), RowCount: 1);
    }
}

using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Reporting;

namespace CustomerInsight.Web.Components.Pages.Privacy;

/// <summary>
/// The only way the privacy and audit pages reach the privacy services: every call first re-checks the
/// Admin policy against the circuit's current user (<see cref="CircuitAccess"/>), and passes that user's name
/// to the audit log.
/// </summary>
public sealed class PrivacyActions(
    CircuitAccess access,
    CustomerFileQueries files,
    CustomerErasure erasure,
    RetentionPurge purge,
    PrivacyCommands commands,
    AuditQueries auditQueries,
    Audit.AuditDescriber describer,
    IOptions<PrivacyOptions> options)
{
    public int RetentionMonths => options.Value.RetentionMonths;

    /// <summary>The customer a request names, by source id or e-mail (<see cref="CustomerFileQueries.FindAsync"/>).</summary>
    public async Task<CustomerFile?> FindAsync(string sourceIdOrEmail, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync();
        return await files.FindAsync(sourceIdOrEmail, cancellationToken);
    }

    public async Task<CustomerFile?> GetAsync(int customerId, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync();
        return await files.GetAsync(customerId, cancellationToken);
    }

    /// <summary>Erases after checking, on the server too, that the typed confirmation is the customer's source id.</summary>
    public async Task<ErasureResult?> EraseAsync(int customerId, string typedConfirmation, CancellationToken cancellationToken = default)
    {
        var user = await RequireAdminAsync();
        var file = await files.GetAsync(customerId, cancellationToken);
        if (file is null || !string.Equals(file.Profile.SourceId, typedConfirmation?.Trim(), StringComparison.Ordinal))
        {
            return null;
        }
        return await erasure.EraseAsync(customerId, user, cancellationToken);
    }

    public async Task<PersonalFields?> GetPersonalFieldsAsync(int customerId, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync();
        return await commands.GetPersonalFieldsAsync(customerId, cancellationToken);
    }

    public async Task<(PrivacyCommandOutcome Outcome, IReadOnlyList<string> ChangedFields)> RectifyAsync(int customerId, PersonalFields fields,
        CancellationToken cancellationToken = default)
    {
        var user = await RequireAdminAsync();
        return await commands.RectifyAsync(customerId, fields, user, cancellationToken);
    }

    public async Task<PrivacyCommandOutcome> RecordConsentAsync(int customerId, ConsentChange change, CancellationToken cancellationToken = default)
    {
        var user = await RequireAdminAsync();
        return await commands.RecordConsentAsync(customerId, change, user, cancellationToken);
    }

    public async Task<RetentionCandidates> DryRunAsync(CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync();
        return await purge.FindAsync(RetentionMonths, 20, cancellationToken);
    }

    public async Task<int> PurgeAsync(IProgress<RetentionProgress> progress, CancellationToken cancellationToken)
    {
        var user = await RequireAdminAsync();
        return await purge.PurgeAsync(RetentionMonths, user, progress, cancellationToken);
    }

    public async Task<AuditPage> GetAuditPageAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync();
        return await auditQueries.GetPageAsync(filter, skip, take, cancellationToken);
    }

    /// <summary>A page of the audit log in words (<see cref="Audit.AuditDescriber"/>), with the total for the pager.</summary>
    public async Task<(int Total, IReadOnlyList<AuditLogLine> Lines)> GetAuditLinesAsync(AuditFilter filter, int skip, int take,
        CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync();
        var page = await auditQueries.GetPageAsync(filter, skip, take, cancellationToken);
        var names = await auditQueries.GetNamesAsync(page.Rows, cancellationToken);
        return (page.Total, page.Rows.Select(r => describer.Line(r, names)).ToArray());
    }

    public async Task<IReadOnlyList<string>> GetAuditActionsAsync(CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync();
        return await auditQueries.GetActionsAsync(cancellationToken);
    }

    private Task<string> RequireAdminAsync([System.Runtime.CompilerServices.CallerMemberName] string action = "") =>
        access.RequireNameAsync(Policies.Admin, action);
}

using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerInsight.Core.Privacy;

/// <summary>What an erasure did. <see cref="Pseudonym"/> is the customer's new source id.</summary>
public sealed record ErasureResult(ErasureOutcome Outcome, int? CustomerId, string? Pseudonym, bool Checkpointed);

public enum ErasureOutcome
{
    Erased,
    UnknownCustomer,
    AlreadyErased,
}

/// <summary>
/// The right to erasure (GDPR art. 17) as anonymisation, in one transaction with its audit entry
/// (<c>privacy.erase</c>: internal id and pseudonym, no personal data): personal fields, comments and consent proofs
/// removed, withdrawals appended for the purposes still granted, the customer's values removed from import reports,
/// the customers' indexes rebuilt; then a WAL checkpoint so none of the erased values stays readable in the
/// database file or its WAL. Callers check the Admin policy first.
/// </summary>
public sealed class CustomerErasure(IDbContextFactory<InsightDbContext> factory, AppSecrets secrets, AuditLog audit, TimeProvider clock,
    DataChangeNotifier? notifier = null)
{
    public const string AuditAction = "privacy.erase";

    /// <summary>
    /// Erases the customer whose current source id is <paramref name="sourceId"/>, or the unified customer a record
    /// with that source id was merged into (the whole group: every source record of it).
    /// </summary>
    public async Task<ErasureResult> EraseBySourceIdAsync(string sourceId, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var id = await db.Customers.AsNoTracking().Where(c => c.SourceId == sourceId).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null && await db.CustomerMergeSources.AsNoTracking()
                .Where(m => m.SourceId == sourceId && m.Merge!.UndoneAtUtc == null && m.OriginalCustomerId != m.Merge.CustomerId)
                .OrderByDescending(m => m.MergeId).Select(m => (int?)m.OriginalCustomerId).FirstOrDefaultAsync(cancellationToken) is { } merged)
        {
            id = await new Unify.UnifyQueries(factory).MergedIntoAsync(merged, cancellationToken);
        }
        return id is null
            ? new ErasureResult(ErasureOutcome.UnknownCustomer, null, null, false)
            : await EraseAsync(id.Value, userName, cancellationToken);
    }

    /// <summary>Erases the customer with internal id <paramref name="customerId"/>.</summary>
    public async Task<ErasureResult> EraseAsync(int customerId, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var secret = await secrets.GetOrCreateAsync(AppSecret.CustomerKey, cancellationToken);
        string? pseudonym;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var customer = await db.Customers.AsNoTracking()
                .Where(c => c.Id == customerId)
                .Select(c => new { c.SourceId, c.ErasedAtUtc })
                .SingleOrDefaultAsync(cancellationToken);
            if (customer is null)
            {
                return new ErasureResult(ErasureOutcome.UnknownCustomer, null, null, false);
            }
            if (customer.ErasedAtUtc is not null)
            {
                return new ErasureResult(ErasureOutcome.AlreadyErased, customerId, customer.SourceId, false);
            }
            var now = clock.GetUtcNow().UtcDateTime;
            await using (var anonymiser = new CustomerAnonymiser(db.Database.GetDbConnection(), transaction.GetDbTransaction(), secret, now))
            {
                pseudonym = await anonymiser.AnonymiseAsync(customerId, customer.SourceId, cancellationToken);
                await ImportReportScrubber.ScrubAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), anonymiser.ErasedValues,
                    cancellationToken);
            }
            await DatabaseProvider.Of(db.Database).RebuildCustomerIndexesAsync(db, cancellationToken);
            db.AuditEntries.Add(audit.NewEntry(userName, AuditAction, target: $"customer:{customerId}", details: pseudonym));
            await db.SaveChangesAsync(cancellationToken);
            await notifier.CommitAndNotifyAsync(db, transaction, cancellationToken);
        }
        var checkpointed = await InsightDatabase.CheckpointAsync(factory, CancellationToken.None);
        return new ErasureResult(ErasureOutcome.Erased, customerId, pseudonym, checkpointed);
    }
}

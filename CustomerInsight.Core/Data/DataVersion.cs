using CustomerInsight.Core.Importing;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Data;

/// <summary>
/// The version of the customer data that every cached result (<see cref="ResultCache{TKey, TValue}"/>) is keyed by:
/// one read, one rule, for the dashboard, the segments page and the RFM score cache. Imports only add rows, so the
/// highest ids change with every import; an undone import removes rows, which leaves the highest ids as they were
/// (an older import undone) or brings them back to earlier values that a later import reuses: the number of undone
/// imports tells those versions apart. An erasure changes no id (it appends consent records only for consents still
/// granted): the number of erased customers tells it. A merge of customers (Good data page) and its undo move rows
/// without adding any: the numbers of merges and of undone merges tell them. A saved RFM version places customers in other segments: its number tells
/// it.
/// </summary>
public readonly record struct DataVersion(long Orders, long SurveyResponses, long ConsentRecords, int UndoneImports, int ErasedCustomers, int Merges,
    int UndoneMerges, int RfmVersion = 0)
{
    /// <summary>The current version; a change of any part of it means cached results may be stale.</summary>
    public static async Task<DataVersion> ReadAsync(IDbContextFactory<InsightDbContext> factory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return new DataVersion(
            await db.Orders.AsNoTracking().MaxAsync(o => (long?)o.Id, cancellationToken) ?? 0,
            await db.SurveyResponses.AsNoTracking().MaxAsync(r => (long?)r.Id, cancellationToken) ?? 0,
            await db.ConsentRecords.AsNoTracking().MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0,
            await db.ImportBatches.AsNoTracking().CountAsync(b => b.Status == ImportStatus.Undone, cancellationToken),
            await db.Customers.AsNoTracking().CountAsync(c => c.ErasedAtUtc != null, cancellationToken),
            await db.CustomerMerges.AsNoTracking().CountAsync(cancellationToken),
            await db.CustomerMerges.AsNoTracking().CountAsync(m => m.UndoneAtUtc != null, cancellationToken),
            await db.Set<Rfm.RfmGridVersion>().AsNoTracking().MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0);
    }
}

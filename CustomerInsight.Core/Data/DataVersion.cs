using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Data;

/// <summary>
/// The version of the customer data that cached results (<see cref="ResultCache{TKey, TValue}"/>) are keyed by.
/// Imports only add rows, so the highest order id changed with every import of orders; an undone import removes
/// rows, which leaves the highest id as it was (an older import undone) or brings it back to an earlier value that
/// a later import reuses. The number of undone imports tells those versions apart. A merge of customers (or its undo)
/// moves rows without adding any: the number of merges and of undone merges counts with the undone imports (all three
/// only grow, so every such change gives a new version).
/// </summary>
public static class DataVersion
{
    /// <summary>Bits of the version holding the highest order id (ids up to 2^40, about 10^12).</summary>
    private const int OrderIdBits = 40;

    /// <summary>One number that changes whenever the orders do: the highest order id, the number of undone imports, merges and undone merges.</summary>
    public static async Task<long> OrdersAsync(IDbContextFactory<InsightDbContext> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var maxOrderId = await db.Orders.AsNoTracking().MaxAsync(o => (long?)o.Id, cancellationToken) ?? 0;
        var undone = await db.ImportBatches.AsNoTracking().CountAsync(b => b.Status == Importing.ImportStatus.Undone, cancellationToken);
        var merges = await db.CustomerMerges.AsNoTracking().CountAsync(cancellationToken);
        var undoneMerges = await db.CustomerMerges.AsNoTracking().CountAsync(m => m.UndoneAtUtc != null, cancellationToken);
        return Combine(maxOrderId, undone + merges + undoneMerges);
    }

    internal static long Combine(long maxOrderId, int undoneChanges) => ((long)undoneChanges << OrderIdBits) | maxOrderId;
}

using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Importing;

public enum UndoOutcome
{
    Undone,

    /// <summary>No import has this batch id.</summary>
    UnknownBatch,

    AlreadyUndone,

    /// <summary>A rejected (or cancelled) import: it wrote nothing.</summary>
    NothingToUndo,
}

/// <summary>What an undo removed.</summary>
public sealed record UndoResult(UndoOutcome Outcome, int BatchId, int Orders = 0, int OrderLines = 0, int Responses = 0, int Consents = 0,
    int Customers = 0)
{
    public bool Succeeded => Outcome == UndoOutcome.Undone;
}

/// <summary>
/// Undoes one succeeded import (product.md): removes what it created (its orders and their lines, its survey
/// responses, its consent records, and the customers it created that have nothing else left), in one transaction
/// with its audit entry, all or nothing. What other imports added stays: a customer with another import's orders,
/// responses or consents, or updated by another import, survives; another import's survey response that pointed at
/// a removed order loses that link (as if the order had never been imported). Erased customers stay (their erasure
/// keeps an old file from bringing them back). Customers that an import updated keep their update.
/// </summary>
public sealed class ImportUndo(IDbContextFactory<InsightDbContext> contextFactory, AuditLog auditLog, TimeProvider clock,
    DataChangeNotifier? notifier = null)
{
    public const string AuditAction = "import.undo";

    /// <param name="waiting">Called once when another writer holds the database and the undo waits for it.</param>
    public async Task<UndoResult> UndoAsync(int batchId, string userName, Action? waiting = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var writer = await BulkWriter.BeginAsync(db, waiting, readOnly: false, cancellationToken);
        var batch = await db.ImportBatches.FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null)
        {
            return new UndoResult(UndoOutcome.UnknownBatch, batchId);
        }
        if (batch.Status == ImportStatus.Undone)
        {
            return new UndoResult(UndoOutcome.AlreadyUndone, batchId);
        }
        if (batch.Status != ImportStatus.Succeeded)
        {
            return new UndoResult(UndoOutcome.NothingToUndo, batchId);
        }

        object?[] batchParameter = [batchId];
        // The customers and days of the orders about to go, staged while they are there; refreshed once they are gone.
        await SalesSummaries.StageOrdersAsync(db, "\"ImportBatchId\" = @p0", batchParameter, cancellationToken);
        const string BatchOrders = "SELECT \"Id\" FROM \"Orders\" WHERE \"ImportBatchId\" = @p0";
        await writer.ExecuteAsync(
            "UPDATE \"SurveyResponses\" SET \"OrderId\" = NULL WHERE (\"ImportBatchId\" IS NULL OR \"ImportBatchId\" <> @p0) "
            + "AND \"OrderId\" IN (" + BatchOrders + ")",
            batchParameter, cancellationToken);
        var lines = await writer.ExecuteAsync("DELETE FROM \"OrderLines\" WHERE \"OrderId\" IN (" + BatchOrders + ")", batchParameter,
            cancellationToken);
        var orders = await writer.ExecuteAsync("DELETE FROM \"Orders\" WHERE \"ImportBatchId\" = @p0", batchParameter, cancellationToken);
        await SalesSummaries.RefreshStagedAsync(db, cancellationToken);
        var responses = await writer.ExecuteAsync("DELETE FROM \"SurveyResponses\" WHERE \"ImportBatchId\" = @p0", batchParameter, cancellationToken);
        var consents = await writer.ExecuteAsync("DELETE FROM \"ConsentRecords\" WHERE \"ImportBatchId\" = @p0", batchParameter, cancellationToken);
        var customers = await writer.ExecuteAsync("""
            DELETE FROM "Customers" WHERE "ImportBatchId" = @p0 AND "ErasedAtUtc" IS NULL
              AND NOT EXISTS (SELECT 1 FROM "Orders" o WHERE o."CustomerId" = "Customers"."Id")
              AND NOT EXISTS (SELECT 1 FROM "SurveyResponses" r WHERE r."CustomerId" = "Customers"."Id")
              AND NOT EXISTS (SELECT 1 FROM "ConsentRecords" c WHERE c."CustomerId" = "Customers"."Id")
            """, batchParameter, cancellationToken);

        batch.Status = ImportStatus.Undone;
        batch.UndoneAtUtc = clock.GetUtcNow().UtcDateTime;
        batch.UndoneBy = userName.Length <= 256 ? userName : userName[..256];
        var removed = orders + lines + responses + consents + customers;
        db.AuditEntries.Add(auditLog.NewEntry(userName, AuditAction, $"batch {batchId}",
            $"{batch.Format}: {batch.FileName}; removed orders {orders}, order lines {lines}, survey responses {responses}, "
            + $"consents {consents}, customers {customers}",
            removed));
        await db.SaveChangesAsync(cancellationToken);
        // The other nodes hear of it at the commit (this node's pages: the caller, after it).
        await notifier.SignalChangeAsync(db, cancellationToken);
        await writer.CommitAsync(cancellationToken);
        return new UndoResult(UndoOutcome.Undone, batchId, orders, lines, responses, consents, customers);
    }
}

using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Importing;

/// <summary>One line of the import history: an import batch without its report.</summary>
public sealed record ImportHistoryEntry(
    int Id,
    DateTime StartedAtUtc,
    DateTime? FinishedAtUtc,
    string UserName,
    string FileName,
    string Format,
    ImportStatus Status,
    int RowsRead,
    int RowsImported,
    int DuplicateRows,
    int RejectedRows,
    string? Currency = null,
    DateTime? UndoneAtUtc = null,
    string? UndoneBy = null)
{
    /// <summary>A succeeded import can be undone (<see cref="ImportUndo"/>).</summary>
    public bool CanUndo => Status == ImportStatus.Succeeded;
}

/// <summary>Reads of the import history (the <see cref="ImportBatch"/> table).</summary>
public sealed class ImportHistoryQueries(IDbContextFactory<InsightDbContext> factory)
{
    /// <summary>The latest <paramref name="take"/> imports, newest first.</summary>
    public async Task<IReadOnlyList<ImportHistoryEntry>> LatestAsync(int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.ImportBatches.AsNoTracking()
            .OrderByDescending(b => b.Id)
            .Take(take)
            .Select(b => new ImportHistoryEntry(b.Id, b.StartedAtUtc, b.FinishedAtUtc, b.UserName, b.FileName, b.Format, b.Status,
                b.RowsRead, b.RowsImported, b.DuplicateRows, b.RejectedRows, b.Currency, b.UndoneAtUtc, b.UndoneBy))
            .ToListAsync(cancellationToken);
    }
}

using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Data;

namespace CustomerInsight.Core.Importing;

/// <summary>
/// The import's own records (its batch, its audit entry), written through the import's <see cref="BulkWriter"/> with the
/// columns EF Core maps: an import writes everything in its one transaction without EF Core's change tracking, whose first
/// use costs a command-line import tens of milliseconds. Ids come from the tables' identities, as with EF Core.
/// </summary>
internal static class ImportBatchRows
{
    private const string InsertBatchSql = """
        INSERT INTO "ImportBatches" ("StartedAtUtc", "FinishedAtUtc", "UserName", "FileName", "Format", "Status", "RowsRead",
            "RowsImported", "DuplicateRows", "RejectedRows", "Currency", "UndoneAtUtc", "UndoneBy", "ReportJson")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13)
        RETURNING "Id"
        """;

    private const string FinishBatchSql = """
        UPDATE "ImportBatches" SET "FinishedAtUtc" = @p0, "Status" = @p1, "RowsRead" = @p2, "RowsImported" = @p3,
            "DuplicateRows" = @p4, "RejectedRows" = @p5, "ReportJson" = @p6
        WHERE "Id" = @p7
        """;

    private const string InsertAuditSql = """
        INSERT INTO "AuditEntries" ("AtUtc", "UserName", "Action", "Target", "Details", "RowCount")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
        """;

    /// <summary>Inserts the batch as it stands and returns its new id.</summary>
    public static int Insert(BulkWriter writer, ImportBatch b) =>
        checked((int)writer.Prepare(InsertBatchSql, 14).Int64Scalar(b.StartedAtUtc, b.FinishedAtUtc, b.UserName, b.FileName, b.Format,
            (int)b.Status, b.RowsRead, b.RowsImported, b.DuplicateRows, b.RejectedRows, b.Currency, b.UndoneAtUtc, b.UndoneBy,
            b.ReportJson)!.Value);

    /// <summary>Writes what the batch knows once its rows are written: its end, status, counts and report.</summary>
    public static Task FinishAsync(BulkWriter writer, ImportBatch b, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(FinishBatchSql, [b.FinishedAtUtc, (int)b.Status, b.RowsRead, b.RowsImported, b.DuplicateRows, b.RejectedRows,
            b.ReportJson, b.Id], cancellationToken);

    public static void Insert(BulkWriter writer, AuditEntry e) =>
        writer.Prepare(InsertAuditSql, 6).Execute(e.AtUtc, e.UserName, e.Action, e.Target, e.Details, e.RowCount);
}

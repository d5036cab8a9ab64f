namespace CustomerInsight.Core.Importing;

public enum ImportStatus
{
    Succeeded = 0,
    Rejected = 1,
    Cancelled = 2,
    Failed = 3,

    /// <summary>A succeeded import whose data were removed again (<see cref="ImportUndo"/>).</summary>
    Undone = 4,
}

/// <summary>One import of one file: who, when, what, and its counts.</summary>
public class ImportBatch
{
    public int Id { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    public required string UserName { get; set; }
    public required string FileName { get; set; }
    public required string Format { get; set; }
    public ImportStatus Status { get; set; }
    public int RowsRead { get; set; }
    public int RowsImported { get; set; }
    public int DuplicateRows { get; set; }
    public int RejectedRows { get; set; }

    /// <summary>The currency the file's amounts were declared in (ISO 4217); null for batches recorded before currencies were.</summary>
    public string? Currency { get; set; }

    public DateTime? UndoneAtUtc { get; set; }
    public string? UndoneBy { get; set; }

    /// <summary>The full import report as JSON (skipped reasons, rejected rows, entities).</summary>
    public string? ReportJson { get; set; }
}

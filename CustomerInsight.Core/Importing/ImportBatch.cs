namespace CustomerInsight.Core.Importing;

public enum ImportStatus
{
    Succeeded = 0,
    Rejected = 1,
    Cancelled = 2,
    Failed = 3,
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

    /// <summary>The full import report as JSON (skipped reasons, rejected rows, entities).</summary>
    public string? ReportJson { get; set; }
}

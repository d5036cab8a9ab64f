namespace CustomerInsight.Core.Auditing;

/// <summary>Who did what and when. Never holds personal data: targets are ids or pseudonyms.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string UserName { get; set; }

    /// <summary>A stable code such as <c>import</c>, <c>export</c>, <c>erase</c>, <c>omoc.assessment.save</c>.</summary>
    public required string Action { get; set; }

    public string? Target { get; set; }
    public string? Details { get; set; }
    public int? RowCount { get; set; }
}

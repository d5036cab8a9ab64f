using System.ComponentModel.DataAnnotations;

namespace CustomerInsight.Core.Analytics;

/// <summary><c>Kpi:*</c> settings: the thresholds of metrics.md's lapsed customers and small samples.</summary>
public sealed class KpiOptions
{
    public const string Section = "Kpi";

    /// <summary>The one place these defaults are written (queries, workbooks and records take them from here).</summary>
    public const int DefaultLapsedAfterDays = 180;

    public const int DefaultMinResponses = 30;

    /// <summary>Days without a sale after which a customer is lapsed.</summary>
    [Range(1, 3650)]
    public int LapsedAfterDays { get; set; } = DefaultLapsedAfterDays;

    /// <summary>Below this many responses, NPS and CSAT are marked as a small sample.</summary>
    [Range(1, 100000)]
    public int MinResponses { get; set; } = DefaultMinResponses;
}

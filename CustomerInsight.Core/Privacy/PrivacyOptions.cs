using System.ComponentModel.DataAnnotations;

namespace CustomerInsight.Core.Privacy;

/// <summary><c>Privacy:*</c> settings.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Months of inactivity after which the retention purge removes a customer.</summary>
    [Range(1, 1200)]
    public int RetentionMonths { get; set; } = 36;
}

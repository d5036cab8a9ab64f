using System.ComponentModel.DataAnnotations;

namespace CustomerInsight.Web;

/// <summary><c>Business:*</c> settings.</summary>
public sealed class BusinessOptions
{
    public const string Section = "Business";

    [Required]
    public string TimeZone { get; set; } = "Europe/Paris";

    [Required, RegularExpression("^[A-Z]{3}$")]
    public string Currency { get; set; } = "EUR";
}

/// <summary><c>Kpi:*</c> settings.</summary>
public sealed class KpiOptions
{
    public const string Section = "Kpi";

    [Range(1, 3650)]
    public int LapsedAfterDays { get; set; } = 180;

    [Range(1, 100000)]
    public int MinResponses { get; set; } = 30;
}

/// <summary><c>Omoc:*</c> settings.</summary>
public sealed class OmocOptions
{
    public const string Section = "Omoc";

    /// <summary>Monthly change load from which an organisation unit is saturated (metrics.md).</summary>
    [Range(0.1, 100.0)]
    public decimal SaturationThreshold { get; set; } = CustomerInsight.Core.Omoc.ChangeLoadCalculator.DefaultThreshold;
}

/// <summary><c>Privacy:*</c> settings.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    [Range(1, 1200)]
    public int RetentionMonths { get; set; } = 36;
}

/// <summary><c>Import:*</c> settings.</summary>
public sealed class ImportUploadOptions
{
    public const string Section = "Import";

    [Range(1, 10240)]
    public int MaxUploadMegabytes { get; set; } = 100;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
}

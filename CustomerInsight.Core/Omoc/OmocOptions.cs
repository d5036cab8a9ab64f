using System.ComponentModel.DataAnnotations;

namespace CustomerInsight.Core.Omoc;

/// <summary><c>Omoc:*</c> settings.</summary>
public sealed class OmocOptions
{
    public const string Section = "Omoc";

    /// <summary>Monthly change load from which an organisation unit is saturated (metrics.md).</summary>
    [Range(0.1, 100.0)]
    public decimal SaturationThreshold { get; set; } = ChangeLoadCalculator.DefaultThreshold;
}

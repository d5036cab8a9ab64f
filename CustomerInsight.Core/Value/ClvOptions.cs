using System.ComponentModel.DataAnnotations;

namespace CustomerInsight.Core.Value;

/// <summary>Settings of section <c>Clv</c> (interfaces.md): the horizon of the predictions and the discount rate of CLV.</summary>
public sealed class ClvOptions
{
    public const string SectionName = "Clv";

    /// <summary>Weeks after the calibration end that expected purchases and CLV cover.</summary>
    [Range(1, 520, ErrorMessage = "Clv:HorizonWeeks must be between 1 and 520 weeks.")]
    public int HorizonWeeks { get; set; } = 52;

    /// <summary>Annual discount rate of CLV as a fraction (0.08 for 8 %); 0: no discounting.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Clv:AnnualDiscountRate must be a fraction between 0 and 1 (0.08 for 8 %).")]
    public double AnnualDiscountRate { get; set; }
}

using System.ComponentModel.DataAnnotations;

namespace CustomerInsight.Core.Sales;

/// <summary><c>Business:*</c> settings: the zone business days are counted in, the currency a new database records.</summary>
public sealed class BusinessOptions : IValidatableObject
{
    public const string Section = "Business";

    [Required]
    public string TimeZone { get; set; } = "Europe/Paris";

    [Required, RegularExpression("^[A-Z]{3}$")]
    public string Currency { get; set; } = "EUR";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult("Business:TimeZone is not a known time zone.", [nameof(TimeZone)]);
        }
    }
}

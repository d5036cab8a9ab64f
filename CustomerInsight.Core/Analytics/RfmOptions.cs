using System.ComponentModel.DataAnnotations;

namespace CustomerInsight.Core.Analytics;

/// <summary>
/// Settings of section <c>Rfm</c>. Only the segment grid is configurable: the scores are the
/// quintiles of metrics.md and have no thresholds to tune.
/// </summary>
/// <remarks>
/// The default lives in <see cref="RfmGrid.DefaultRows"/> and <see cref="Grid"/> stays null
/// unless configured, because the configuration binder appends to a non-empty list instead of
/// replacing it.
/// </remarks>
public sealed class RfmOptions : IValidatableObject
{
    public const string SectionName = "Rfm";

    /// <summary>
    /// Optional: five rows, R = 5 first, each five segment codes for F = 1 to 5 separated by commas,
    /// e.g. <c>"Rfm": { "Grid": [ "new_customers, potential_loyalists, …", … ] }</c>. Null: the metrics.md grid.
    /// </summary>
    public string[]? Grid { get; set; }

    public RfmGrid ToGrid() => Grid is null ? RfmGrid.Default : RfmGrid.Parse(Grid);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? error = null;
        try
        {
            _ = ToGrid();
        }
        catch (FormatException e)
        {
            error = e.Message;
        }
        if (error is not null)
        {
            yield return new ValidationResult(error, [nameof(Grid)]);
        }
    }
}

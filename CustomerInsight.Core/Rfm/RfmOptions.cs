using System.ComponentModel.DataAnnotations;

namespace CustomerInsight.Core.Rfm;

/// <summary>
/// Settings of section <c>Rfm</c>: the segment grid and the frequency scoring (metrics.md, "Frequency
/// scoring": <c>Quintiles</c> by default, or <c>Thresholds</c> with <see cref="FrequencyThresholds"/>).
/// Recency and Monetary are always quintiles.
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

    /// <summary><c>Quintiles</c> (default) or <c>Thresholds</c>.</summary>
    public RfmFrequencyScoring FrequencyScoring { get; set; } = RfmFrequencyScoring.Quintiles;

    /// <summary>
    /// Lower bounds of F scores 2 to 5 in <c>Thresholds</c> mode; null: <c>[2, 3, 4, 6]</c> (null rather than
    /// the default list, because the configuration binder appends to a non-empty list).
    /// </summary>
    public int[]? FrequencyThresholds { get; set; }

    public RfmFrequencyScale ToFrequencyScale() => new(FrequencyScoring, FrequencyThresholds ?? RfmFrequencyScale.DefaultThresholds);

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
        if (!Enum.IsDefined(FrequencyScoring))
        {
            yield return new ValidationResult($"Rfm:FrequencyScoring must be Quintiles or Thresholds, not {FrequencyScoring}.",
                [nameof(FrequencyScoring)]);
        }
        if (FrequencyThresholds is not null && RfmFrequencyScale.Validate(FrequencyThresholds) is { } thresholds)
        {
            yield return new ValidationResult(thresholds, [nameof(FrequencyThresholds)]);
        }
    }
}

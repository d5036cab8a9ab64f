using CustomerInsight.Core.Text;
namespace CustomerInsight.Core.Omoc;

public enum ImpactLevel
{
    Low = 0,
    Moderate = 1,
    High = 2,
}

/// <summary>Impact index (mean of the four scores, 1 decimal), its level and the "very low" flag of one assessment.</summary>
public sealed record OmocImpact(decimal? Index, ImpactLevel? Level, bool VeryLowWorthConfirming)
{
    public static OmocImpact None { get; } = new(null, null, false);
}

/// <summary>The impact rules of metrics.md ("OMOC change-impact assessment").</summary>
public static class ImpactCalculator
{
    public const decimal ModerateFrom = 2.0m;
    public const decimal HighFrom = 3.0m;

    public static LocalizedText VeryLowFlagText { get; } = new("Omoc.VeryLowImpactWorthConfirming");

    /// <summary>
    /// Mean of the four scores rounded to 1 decimal, half away from zero (2.25 → 2.3, 2.75 → 2.8);
    /// null while any axis is unscored: a partial draft has no index.
    /// </summary>
    public static decimal? ImpactIndex(OmocScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (!scores.IsComplete)
        {
            return null;
        }
        decimal mean = (scores.Tools!.Value + scores.Job!.Value + scores.Organisation!.Value + scores.Culture!.Value) / 4m;
        return Math.Round(mean, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>Low &lt; 2.0 ≤ moderate &lt; 3.0 ≤ high, applied to the rounded index that users see.</summary>
    public static ImpactLevel LevelOf(decimal impactIndex) => impactIndex switch
    {
        < ModerateFrom => ImpactLevel.Low,
        < HighFrom => ImpactLevel.Moderate,
        _ => ImpactLevel.High,
    };

    public static ImpactLevel? Level(OmocScores scores) => ImpactIndex(scores) is { } index ? LevelOf(index) : null;

    /// <summary>A completed assessment with every axis at 1: real changes rarely leave every axis untouched.</summary>
    public static bool IsVeryLowWorthConfirming(OmocScores scores, AssessmentStatus status)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return status == AssessmentStatus.Completed
            && scores is { Tools: 1, Job: 1, Organisation: 1, Culture: 1 };
    }

    public static OmocImpact Assess(OmocScores scores, AssessmentStatus status)
    {
        var index = ImpactIndex(scores);
        return new OmocImpact(index, index is { } i ? LevelOf(i) : null, IsVeryLowWorthConfirming(scores, status));
    }

    public static LocalizedText LevelName(ImpactLevel level) => level switch
    {
        ImpactLevel.Low => new("Omoc.Low"),
        ImpactLevel.Moderate => new("Omoc.Moderate"),
        ImpactLevel.High => new("Omoc.High"),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown impact level."),
    };
}

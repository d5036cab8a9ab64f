using CustomerInsight.Core.Text;
namespace CustomerInsight.Core.Omoc;

/// <summary>A population as the OMOC computations and pages see it; <see cref="OrganisationUnit"/> names the shared team or site it is, if
/// any.</summary>
public sealed record PopulationInfo(int Id, string Name, int Headcount, string? Description = null, string? OrganisationUnit = null);

/// <summary>A workshop as the OMOC computations and pages see it.</summary>
public sealed record WorkshopInfo(int Id, string Title, DateOnly Date, WorkshopPhase Phase, string? Facilitator = null, string? Participants = null);

/// <summary>The scores of one population in one workshop, with its impact.</summary>
public sealed record ScoredAssessment(WorkshopInfo Workshop, PopulationInfo Population, OmocScores Scores, AssessmentStatus Status)
{
    public OmocImpact Impact => ImpactCalculator.Assess(Scores, Status);
}

/// <summary>One line of the accompaniment plan: an axis scored 3 or 4 for a population.</summary>
public sealed record ActionNeed(
    OmocAxis Axis,
    PopulationInfo Population,
    WorkshopInfo Workshop,
    int Score,
    int Headcount,
    long Weight,
    LocalizedText RecommendedActions);

public sealed record HeatMapCell(OmocAxis Axis, int? Score);

/// <summary>One population's row; <see cref="Assessment"/> is null (and every cell empty) when it has none.</summary>
public sealed record HeatMapRow(PopulationInfo Population, ScoredAssessment? Assessment, IReadOnlyList<HeatMapCell> Cells)
{
    public OmocImpact Impact => Assessment?.Impact ?? OmocImpact.None;
}

/// <summary>Populations × axes (axis order), coloured by score.</summary>
public sealed record HeatMap(IReadOnlyList<OmocAxis> Axes, IReadOnlyList<HeatMapRow> Rows);

/// <summary>One polygon: the four scores in axis order (null where unscored, in a draft).</summary>
public sealed record RadarSeries(string Label, PopulationInfo Population, WorkshopInfo Workshop, IReadOnlyList<int?> Values, AssessmentStatus Status);

/// <summary>A "cible": radial scale 0–4 with rings at 1, 2, 3, 4, one polygon per series.</summary>
public sealed record RadarChart(IReadOnlyList<OmocAxis> Axes, IReadOnlyList<RadarSeries> Series)
{
    public const int ScaleMin = 0;
    public const int ScaleMax = OmocScores.MaxScore;
    public static IReadOnlyList<int> Rings { get; } = [1, 2, 3, 4];
}

/// <summary>One axis of a population over its workshops; <see cref="Scores"/> is aligned with <see cref="PopulationTrend.Workshops"/>.</summary>
public sealed record AxisTrend(OmocAxis Axis, IReadOnlyList<int> Scores);

/// <summary>
/// A population's completed assessments over its successive workshops (date order).
/// <see cref="ImpactChange"/> is last index − first index; null with fewer than two workshops.
/// </summary>
public sealed record PopulationTrend(
    PopulationInfo Population,
    IReadOnlyList<WorkshopInfo> Workshops,
    IReadOnlyList<AxisTrend> Axes,
    IReadOnlyList<decimal> ImpactIndexes,
    decimal? ImpactChange);

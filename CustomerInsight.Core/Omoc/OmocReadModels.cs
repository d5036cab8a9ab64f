namespace CustomerInsight.Core.Omoc;

public sealed record ChangeProjectInfo(int Id, string Name, string? Description, string? Sponsor, DateOnly StartDate, DateOnly GoLiveDate);

/// <summary>A line of the projects list.</summary>
public sealed record ChangeProjectSummary(
    int Id,
    string Name,
    string? Sponsor,
    DateOnly StartDate,
    DateOnly GoLiveDate,
    int PopulationCount,
    int WorkshopCount,
    int CompletedAssessmentCount,
    DateOnly? LastWorkshopDate);

public sealed record WorkshopSummary(WorkshopInfo Workshop, int AssessmentCount, int CompletedAssessmentCount);

/// <summary>
/// The project page: populations (id order), workshops (date order) and, from each population's
/// latest completed assessment, the radar, heat map, accompaniment plan and "very low" flags.
/// </summary>
public sealed record ChangeProjectDetail(
    ChangeProjectInfo Project,
    IReadOnlyList<PopulationInfo> Populations,
    IReadOnlyList<WorkshopSummary> Workshops,
    IReadOnlyList<ScoredAssessment> LatestAssessments,
    RadarChart LatestRadar,
    HeatMap HeatMap,
    IReadOnlyList<ActionNeed> Plan,
    IReadOnlyList<ScoredAssessment> VeryLowFlags);

/// <summary>
/// One card of the scoring form. <see cref="AssessmentId"/> is null and <see cref="Version"/> 0 while
/// the population has no assessment in the workshop; the form sends <see cref="Version"/> back when saving.
/// </summary>
public sealed record AssessmentSheet(
    int? AssessmentId,
    PopulationInfo Population,
    OmocScores Scores,
    OmocJustifications Justifications,
    AssessmentStatus Status,
    int Version,
    DateTime? UpdatedAtUtc,
    string? UpdatedBy)
{
    public OmocImpact Impact => ImpactCalculator.Assess(Scores, Status);
}

/// <summary>The workshop page: one sheet per population of the project (id order) and the workshop's radar (drafts included).</summary>
public sealed record WorkshopDetail(ChangeProjectInfo Project, WorkshopInfo Workshop, IReadOnlyList<AssessmentSheet> Sheets, RadarChart Radar);

/// <summary>The population page: its trend and the radar of its successive workshops (completed assessments).</summary>
public sealed record PopulationDetail(ChangeProjectInfo Project, PopulationInfo Population, PopulationTrend Trend, RadarChart Radar);

namespace CustomerInsight.Tests.Core.Omoc;

internal static class OmocTestData
{
    public static readonly WorkshopInfo Workshop1 = new(1, "Cadrage", new DateOnly(2026, 1, 10), WorkshopPhase.BeforeGoLive);
    public static readonly WorkshopInfo Workshop2 = new(2, "Bilan", new DateOnly(2026, 6, 10), WorkshopPhase.AfterGoLive);

    public static PopulationInfo Population(int id, string name = "", int headcount = 10) =>
        new(id, name.Length == 0 ? $"Population {id}" : name, headcount);

    public static OmocScores Scores(int? tools, int? job, int? organisation, int? culture) => new(tools, job, organisation, culture);

    public static ScoredAssessment Completed(PopulationInfo population, OmocScores scores, WorkshopInfo? workshop = null) =>
        new(workshop ?? Workshop1, population, scores, AssessmentStatus.Completed);

    public static ScoredAssessment Draft(PopulationInfo population, OmocScores scores, WorkshopInfo? workshop = null) =>
        new(workshop ?? Workshop1, population, scores, AssessmentStatus.Draft);
}

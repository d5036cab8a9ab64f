namespace CustomerInsight.Core.Omoc;

/// <summary>The accompaniment plan of metrics.md: every axis scored 3 or 4 yields an action need.</summary>
public static class AccompanimentPlanner
{
    public const int ActionThreshold = 3;

    /// <summary>
    /// Action needs of the completed assessments given (drafts are work in progress and are skipped),
    /// weight = score × headcount. Ranked by weight descending, ties broken by higher score, then
    /// larger headcount, then axis order (Tools, Job, Organisation, Culture), then population name
    /// (ordinal), then population id, then workshop date and id: the order never depends on the input order.
    /// </summary>
    public static IReadOnlyList<ActionNeed> Plan(IEnumerable<ScoredAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        var needs = new List<ActionNeed>();
        foreach (var assessment in assessments.Where(a => a.Status == AssessmentStatus.Completed))
        {
            foreach (var axis in OmocAxes.All)
            {
                if (assessment.Scores[axis] is { } score && score >= ActionThreshold)
                {
                    var headcount = assessment.Population.Headcount;
                    needs.Add(new ActionNeed(axis, assessment.Population, assessment.Workshop, score, headcount,
                        (long)score * headcount, OmocAxes.Describe(axis).RecommendedActions));
                }
            }
        }
        return needs
            .OrderByDescending(n => n.Weight)
            .ThenByDescending(n => n.Score)
            .ThenByDescending(n => n.Headcount)
            .ThenBy(n => n.Axis)
            .ThenBy(n => n.Population.Name, StringComparer.Ordinal)
            .ThenBy(n => n.Population.Id)
            .ThenBy(n => n.Workshop.Date)
            .ThenBy(n => n.Workshop.Id)
            .ToList();
    }
}

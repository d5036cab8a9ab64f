namespace CustomerInsight.Core.Omoc;

/// <summary>Selections and chart data (heat map, radars, trend) over scored assessments.</summary>
public static class OmocChartBuilder
{
    /// <summary>
    /// Each population's latest completed assessment (by workshop date, then workshop id), ordered by
    /// population id: what the project page shows the steering committee. Drafts are left out.
    /// </summary>
    public static IReadOnlyList<ScoredAssessment> LatestCompleted(IEnumerable<ScoredAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        return assessments
            .Where(a => a.Status == AssessmentStatus.Completed)
            .GroupBy(a => a.Population.Id)
            .Select(Latest)
            .OrderBy(a => a.Population.Id)
            .ToList();
    }

    /// <summary>One row per population in the order given; a population's cells come from its latest assessment among those given.</summary>
    public static HeatMap HeatMap(IReadOnlyList<PopulationInfo> populations, IEnumerable<ScoredAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(populations);
        ArgumentNullException.ThrowIfNull(assessments);
        var latest = assessments.GroupBy(a => a.Population.Id).ToDictionary(g => g.Key, Latest);
        var rows = populations.Select(population =>
        {
            var assessment = latest.GetValueOrDefault(population.Id);
            var cells = OmocAxes.All.Select(axis => new HeatMapCell(axis, assessment?.Scores[axis])).ToList();
            return new HeatMapRow(population, assessment, cells);
        }).ToList();
        return new HeatMap(OmocAxes.All, rows);
    }

    /// <summary>
    /// One polygon per population (ordered by population id, labelled with its name), from its latest
    /// assessment among those given: a workshop's assessments (drafts included, unscored axes null) or
    /// a project's <see cref="LatestCompleted"/>.
    /// </summary>
    public static RadarChart PopulationsRadar(IEnumerable<ScoredAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        var series = assessments
            .GroupBy(a => a.Population.Id)
            .Select(Latest)
            .OrderBy(a => a.Population.Id)
            .Select(a => new RadarSeries(a.Population.Name, a.Population, a.Workshop, a.Scores.Values, a.Status))
            .ToList();
        return new RadarChart(OmocAxes.All, series);
    }

    /// <summary>One polygon per workshop of one population (date order, labelled with the title), completed assessments only.</summary>
    public static RadarChart WorkshopsRadar(int populationId, IEnumerable<ScoredAssessment> assessments)
    {
        var series = CompletedInDateOrder(populationId, assessments)
            .Select(a => new RadarSeries(a.Workshop.Title, a.Population, a.Workshop, a.Scores.Values, a.Status))
            .ToList();
        return new RadarChart(OmocAxes.All, series);
    }

    /// <summary>
    /// Each axis of one population over its successive workshops (date, then id), completed assessments
    /// only: a draft is not yet a measure, and a workshop where the population was not assessed is skipped.
    /// </summary>
    public static PopulationTrend Trend(PopulationInfo population, IEnumerable<ScoredAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(population);
        var points = CompletedInDateOrder(population.Id, assessments);
        var axes = OmocAxes.All.Select(axis => new AxisTrend(axis, points.Select(p => p.Scores[axis]!.Value).ToList())).ToList();
        var indexes = points.Select(p => ImpactCalculator.ImpactIndex(p.Scores)!.Value).ToList();
        decimal? change = indexes.Count >= 2 ? indexes[^1] - indexes[0] : null;
        return new PopulationTrend(population, points.Select(p => p.Workshop).ToList(), axes, indexes, change);
    }

    private static List<ScoredAssessment> CompletedInDateOrder(int populationId, IEnumerable<ScoredAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        // A completed assessment always has four scores; the filter on IsComplete guards hand-made records.
        return assessments
            .Where(a => a.Population.Id == populationId && a.Status == AssessmentStatus.Completed && a.Scores.IsComplete)
            .OrderBy(a => a.Workshop.Date)
            .ThenBy(a => a.Workshop.Id)
            .ToList();
    }

    private static ScoredAssessment Latest(IEnumerable<ScoredAssessment> assessments) =>
        assessments.OrderByDescending(a => a.Workshop.Date).ThenByDescending(a => a.Workshop.Id).First();
}

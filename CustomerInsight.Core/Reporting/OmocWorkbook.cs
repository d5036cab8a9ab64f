using CustomerInsight.Core.Omoc;

namespace CustomerInsight.Core.Reporting;

/// <summary>Everything the OMOC report shows, read by <c>OmocQueries</c>: the project, each workshop's sheets and each population's trend.</summary>
public sealed record OmocReportData(ChangeProjectDetail Project, IReadOnlyList<WorkshopDetail> Workshops, IReadOnlyList<PopulationTrend> Trends);

/// <summary>
/// The OMOC report for the steering committee: a summary of each population's latest completed
/// assessment (impact index, level, flag), one sheet per workshop (population × axis scores with their
/// justifications), the accompaniment plan, the trend of each population and the radar data.
/// </summary>
public static class OmocWorkbook
{
    public static int Write(ExcelReportWriter writer, ReportContext context, OmocReportData data)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(data);
        var project = data.Project.Project;
        var period = $"{context.Text("Démarrage", "Start")} {context.Date(project.StartDate)}, {context.Text("mise en service", "go-live")} {context.Date(project.GoLiveDate)}";
        IReadOnlyList<ReportFilter> filters = [new(context.Text("Projet", "Project"), project.Name)];
        ReportTitle Title(string french, string english) => new($"{context.Text(french, english)} – {project.Name}", period, filters);

        var rows = writer.AddTable(context.Text("Synthèse", "Summary"), Title("Synthèse OMOC (dernière évaluation terminée)", "OMOC summary (latest completed assessment)"),
            [
                new ReportColumn<Omoc.HeatMapRow>(context.Text("Population", "Population"), CellFormat.Text, r => r.Population.Name),
                new(context.Text("Effectif", "Headcount"), CellFormat.Integer, r => r.Population.Headcount),
                new(context.Text("Atelier", "Workshop"), CellFormat.Text, r => r.Assessment?.Workshop.Title),
                new(context.Text("Date", "Date"), CellFormat.Date, r => r.Assessment?.Workshop.Date),
                .. OmocAxes.All.Select(axis => new ReportColumn<Omoc.HeatMapRow>(context.Of(axis), CellFormat.Integer, r => r.Cells.FirstOrDefault(c => c.Axis == axis)?.Score)),
                new(context.Text("Indice d'impact", "Impact index"), CellFormat.Decimal1, r => r.Impact.Index),
                new(context.Text("Niveau", "Level"), CellFormat.Text, r => context.Of(r.Impact.Level)),
                new(context.Text("Alerte", "Flag"), CellFormat.Text, r => r.Impact.VeryLowWorthConfirming ? context.Text(ImpactCalculator.VeryLowFlagText) : null),
            ],
            data.Project.HeatMap.Rows);

        foreach (var workshop in data.Workshops)
        {
            var info = workshop.Workshop;
            var columns = new List<ReportColumn<AssessmentSheet>>
            {
                new(context.Text("Population", "Population"), CellFormat.Text, s => s.Population.Name),
                new(context.Text("Effectif", "Headcount"), CellFormat.Integer, s => s.Population.Headcount),
                new(context.Text("Statut", "Status"), CellFormat.Text, s => s.AssessmentId is null ? context.Text("Non évaluée", "Not assessed") : context.Of(s.Status)),
            };
            foreach (var axis in OmocAxes.All)
            {
                var name = context.Of(axis);
                columns.Add(new(name, CellFormat.Integer, s => s.Scores[axis]));
                columns.Add(new($"{name} – {context.Text("justification", "justification")}", CellFormat.Text, s => s.Justifications[axis]));
            }
            columns.Add(new(context.Text("Indice d'impact", "Impact index"), CellFormat.Decimal1, s => s.Impact.Index));
            columns.Add(new(context.Text("Niveau", "Level"), CellFormat.Text, s => context.Of(s.Impact.Level)));
            columns.Add(new(context.Text("Alerte", "Flag"), CellFormat.Text, s => s.Impact.VeryLowWorthConfirming ? context.Text(ImpactCalculator.VeryLowFlagText) : null));
            rows += writer.AddTable(
                $"{info.Date:yyyy-MM-dd} {info.Title}",
                new ReportTitle($"{context.Text("Atelier", "Workshop")} « {info.Title} » – {project.Name}",
                    $"{context.Date(info.Date)} ({context.Of(info.Phase)})",
                    [.. filters, new(context.Text("Animateur", "Facilitator"), info.Facilitator ?? "")]),
                columns,
                workshop.Sheets);
        }

        rows += writer.AddTable(context.Text("Plan d'accompagnement", "Accompaniment plan"), Title("Plan d'accompagnement", "Accompaniment plan"),
            [
                new ReportColumn<ActionNeed>(context.Text("Axe", "Axis"), CellFormat.Text, a => context.Of(a.Axis)),
                new(context.Text("Population", "Population"), CellFormat.Text, a => a.Population.Name),
                new(context.Text("Atelier", "Workshop"), CellFormat.Text, a => a.Workshop.Title),
                new(context.Text("Note", "Score"), CellFormat.Integer, a => a.Score),
                new(context.Text("Effectif", "Headcount"), CellFormat.Integer, a => a.Headcount),
                new(context.Text("Poids", "Weight"), CellFormat.Integer, a => a.Weight),
                new(context.Text("Actions recommandées", "Recommended actions"), CellFormat.Text, a => context.Text(a.RecommendedActions)),
            ],
            data.Project.Plan);

        var trend = data.Trends
            .SelectMany(t => t.Workshops.Select((w, i) => (Trend: t, Workshop: w, Index: i)))
            .ToList();
        rows += writer.AddTable(context.Text("Tendance", "Trend"), Title("Évolution par population (évaluations terminées)", "Trend per population (completed assessments)"),
            [
                new ReportColumn<(PopulationTrend Trend, WorkshopInfo Workshop, int Index)>(context.Text("Population", "Population"), CellFormat.Text, r => r.Trend.Population.Name),
                new(context.Text("Atelier", "Workshop"), CellFormat.Text, r => r.Workshop.Title),
                new(context.Text("Date", "Date"), CellFormat.Date, r => r.Workshop.Date),
                new(context.Text("Phase", "Phase"), CellFormat.Text, r => context.Of(r.Workshop.Phase)),
                .. OmocAxes.All.Select(axis => new ReportColumn<(PopulationTrend Trend, WorkshopInfo Workshop, int Index)>(
                    context.Of(axis), CellFormat.Integer, r => r.Trend.Axes.First(a => a.Axis == axis).Scores[r.Index])),
                new(context.Text("Indice d'impact", "Impact index"), CellFormat.Decimal1, r => r.Trend.ImpactIndexes[r.Index]),
                new(context.Text("Évolution depuis le premier atelier", "Change since the first workshop"), CellFormat.Decimal1,
                    r => r.Index == r.Trend.Workshops.Count - 1 ? r.Trend.ImpactChange : null),
            ],
            trend);

        rows += writer.AddTable(context.Text("Radar", "Radar"), Title("Données du radar (dernière évaluation terminée, échelle 0–4)", "Radar data (latest completed assessment, scale 0–4)"),
            [
                new ReportColumn<RadarSeries>(context.Text("Série", "Series"), CellFormat.Text, s => s.Label),
                new(context.Text("Population", "Population"), CellFormat.Text, s => s.Population.Name),
                new(context.Text("Atelier", "Workshop"), CellFormat.Text, s => s.Workshop.Title),
                .. data.Project.LatestRadar.Axes.Select((axis, i) => new ReportColumn<RadarSeries>(context.Of(axis), CellFormat.Integer, s => s.Values[i])),
            ],
            data.Project.LatestRadar.Series);
        return rows;
    }
}

using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Omoc;

namespace CustomerInsight.Core.Reporting;

/// <summary>
/// Everything the OMOC report shows, read by <c>OmocQueries</c>: the project, each workshop's sheets, each population's
/// trend, the plan's actions, and the sociodynamic map only when the requester may see it (null otherwise: no sheet).
/// </summary>
public sealed record OmocReportData(
    ChangeProjectDetail Project,
    IReadOnlyList<WorkshopDetail> Workshops,
    IReadOnlyList<PopulationTrend> Trends,
    ProjectPlanWork? Work = null,
    SociodynamicMap? Sociodynamics = null,
    IReadOnlyList<GoLiveTrendMonth>? GoLiveTrend = null);

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

        if (data.Work is { } work)
        {
            rows += writer.AddTable(context.Text("Actions du plan", "Plan actions"), Title("Actions du plan d'accompagnement", "Accompaniment plan actions"),
                [
                    new ReportColumn<PlanActionInfo>(context.Text("Population", "Population"), CellFormat.Text, a => a.Population.Name),
                    new(context.Text("Axe", "Axis"), CellFormat.Text, a => context.Of(a.Axis)),
                    new(context.Text("Responsable", "Owner"), CellFormat.Text, a => a.Owner),
                    new(context.Text("Échéance", "Due date"), CellFormat.Date, a => a.DueDate),
                    new(context.Text("Statut", "Status"), CellFormat.Text, a => context.Text(PlanActionRules.StatusName(a.Status))),
                    new(context.Text("En retard", "Late"), CellFormat.Text, a => a.IsLate ? context.Text("En retard", "Late") : null),
                    new(context.Text("Dernière modification", "Last change"), CellFormat.DateTime, a => a.History.Count == 0 ? null : context.ToLocal(a.History[^1].ChangedAtUtc)),
                    new(context.Text("Par", "By"), CellFormat.Text, a => a.History.Count == 0 ? null : a.History[^1].ChangedBy),
                ],
                work.Actions);
        }

        if (data.Sociodynamics is { } map)
        {
            IReadOnlyList<ReportFilter> balance =
            [
                .. filters,
                new(context.Text("Alliés", "Allies"), map.Balance.AlliesWeight.ToString("N0", context.Culture)),
                new(context.Text("Opposants et irréductibles", "Opponents and die-hards"), map.Balance.OpponentsWeight.ToString("N0", context.Culture)),
                new(context.Text("Équilibre", "Balance"), map.Balance.Balance.ToString("+#,0;-#,0;0", context.Culture)),
            ];
            rows += writer.AddTable(context.Text("Carte sociodynamique", "Sociodynamic map"),
                new ReportTitle($"{context.Text("Carte sociodynamique (diffusion restreinte)", "Sociodynamic map (restricted)")} – {project.Name}", period, balance),
                [
                    new ReportColumn<SociodynamicActorState>(context.Text("Acteur", "Actor"), CellFormat.Text, a => a.Actor.Name),
                    new(context.Text("Type", "Kind"), CellFormat.Text, a => a.Actor.IsPopulation ? context.Text("Population", "Population") : a.Actor.Role ?? context.Text("Personne clé", "Key person")),
                    new(context.Text("Poids", "Weight"), CellFormat.Integer, a => a.Actor.Weight),
                    new(context.Text("Indice d'impact OMOC", "OMOC impact index"), CellFormat.Decimal1, a => a.ImpactIndex),
                    new(context.Text("Date", "Date"), CellFormat.Date, a => a.Latest?.Date),
                    new(context.Text("Synergie", "Synergy"), CellFormat.Integer, a => a.Latest?.Synergy),
                    new(context.Text("Antagonisme", "Antagonism"), CellFormat.Integer, a => a.Latest?.Antagonism),
                    new(context.Text("Position", "Position"), CellFormat.Text, a => a.Position is { } p ? context.Text(SociodynamicScorer.Name(p)) : null),
                    new(context.Text("Comportement observé", "Observed behaviour"), CellFormat.Text, a => a.Latest?.Justification),
                    new(context.Text("Évaluation précédente", "Previous assessment"), CellFormat.Date, a => a.Previous?.Date),
                    new(context.Text("Position précédente", "Previous position"), CellFormat.Text, a => a.Previous is { } p ? context.Text(SociodynamicScorer.Name(p.Position)) : null),
                    new(context.Text("Conseil", "Advice"), CellFormat.Text, a => a.Position is { } p ? context.Text(SociodynamicScorer.Advice(p)) : null),
                ],
                map.Actors);
        }

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
        if (data.GoLiveTrend is { } goLiveTrend)
        {
            string Coverage(double coverage) => PeriodCoverage.IsEmpty(coverage)
                ? context.Text("n/a (aucune donnée)", "n/a (no data)")
                : PeriodCoverage.IsPartial(coverage)
                    ? string.Format(context.Culture, context.Text("partielle ({0:0} % des jours ont des données)", "partial ({0:0} % of days have data)"), coverage * 100)
                    : context.Text("complète", "complete");
            rows += writer.AddTable(context.Text("KPI autour mise en service", "KPIs around go-live"),
                Title("KPI six mois avant et après la mise en service", "KPIs six months before and after go-live"),
                [
                    new ReportColumn<GoLiveTrendMonth>(context.Text("Mois", "Month"), CellFormat.Date, m => m.Month),
                    new(context.Text("Côté", "Side"), CellFormat.Text, m => m.AfterGoLive ? context.Text("après", "after") : context.Text("avant", "before")),
                    new(context.Text("CA net", "Net revenue"), CellFormat.Money, m => m.NetRevenue),
                    new(context.Text("Commandes", "Orders"), CellFormat.Integer, m => m.Orders),
                    new(context.Text("NPS", "NPS"), CellFormat.Decimal1, m => m.Nps),
                    new(context.Text("CSAT", "CSAT"), CellFormat.Percent, m => m.Csat),
                    new(context.Text("Couverture du mois", "Month coverage"), CellFormat.Percent, m => m.Coverage),
                    new(context.Text("Comparaison (6 mois de ce côté)", "Comparison (6 months on this side)"), CellFormat.Text, m => Coverage(m.SideCoverage)),
                ],
                goLiveTrend);
        }
        return rows;
    }
}

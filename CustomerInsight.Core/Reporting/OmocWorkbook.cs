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
        var period =
            $"{context.Text("Report.Start")} {context.Date(project.StartDate)}, {context.Text("Report.GoLive")} {context.Date(project.GoLiveDate)}";
        IReadOnlyList<ReportFilter> filters = [new(context.Text("Report.Project"), project.Name)];
        ReportTitle Title(string code) => new($"{context.Text(code)} – {project.Name}", period, filters);

        var rows = writer.AddTable(context.Text("Report.Summary"), Title("Report.OMOCSummaryLatestCompletedAssessment"),
            [
                new ReportColumn<Omoc.HeatMapRow>(context.Text("Report.Population"), CellFormat.Text, r => r.Population.Name),
                new(context.Text("Report.Headcount"), CellFormat.Integer, r => r.Population.Headcount),
                new(context.Text("Report.Workshop"), CellFormat.Text, r => r.Assessment?.Workshop.Title),
                new(context.Text("Report.Date"), CellFormat.Date, r => r.Assessment?.Workshop.Date),
                .. OmocAxes.All.Select(axis => new ReportColumn<Omoc.HeatMapRow>(context.Of(axis), CellFormat.Integer, r =>
                    r.Cells.FirstOrDefault(c => c.Axis == axis)?.Score)),
                new(context.Text("Report.ImpactIndex"), CellFormat.Decimal1, r => r.Impact.Index),
                new(context.Text("Report.Level"), CellFormat.Text, r => context.Of(r.Impact.Level)),
                new(context.Text("Report.Flag"), CellFormat.Text, r =>
                    r.Impact.VeryLowWorthConfirming ? context.Text(ImpactCalculator.VeryLowFlagText) : null),
            ],
            data.Project.HeatMap.Rows);

        foreach (var workshop in data.Workshops)
        {
            var info = workshop.Workshop;
            var columns = new List<ReportColumn<AssessmentSheet>>
            {
                new(context.Text("Report.Population"), CellFormat.Text, s => s.Population.Name),
                new(context.Text("Report.Headcount"), CellFormat.Integer, s => s.Population.Headcount),
                new(context.Text("Report.Status"), CellFormat.Text, s =>
                    s.AssessmentId is null ? context.Text("Report.NotAssessed") : context.Of(s.Status)),
            };
            foreach (var axis in OmocAxes.All)
            {
                var name = context.Of(axis);
                columns.Add(new(name, CellFormat.Integer, s => s.Scores[axis]));
                columns.Add(new($"{name} – {context.Text("Report.Justification")}", CellFormat.Text, s => s.Justifications[axis]));
            }
            columns.Add(new(context.Text("Report.ImpactIndex"), CellFormat.Decimal1, s => s.Impact.Index));
            columns.Add(new(context.Text("Report.Level"), CellFormat.Text, s => context.Of(s.Impact.Level)));
            columns.Add(new(context.Text("Report.Flag"), CellFormat.Text, s =>
                s.Impact.VeryLowWorthConfirming ? context.Text(ImpactCalculator.VeryLowFlagText) : null));
            rows += writer.AddTable(
                $"{info.Date:yyyy-MM-dd} {info.Title}",
                new ReportTitle(context.Text("Report.WorkshopTitle", info.Title, project.Name),
                    $"{context.Date(info.Date)} ({context.Of(info.Phase)})",
                    [.. filters, new(context.Text("Report.Facilitator"), info.Facilitator ?? "")]),
                columns,
                workshop.Sheets);
        }

        rows += writer.AddTable(context.Text("Report.AccompanimentPlan"), Title("Report.AccompanimentPlan"),
            [
                new ReportColumn<ActionNeed>(context.Text("Report.Axis"), CellFormat.Text, a => context.Of(a.Axis)),
                new(context.Text("Report.Population"), CellFormat.Text, a => a.Population.Name),
                new(context.Text("Report.Workshop"), CellFormat.Text, a => a.Workshop.Title),
                new(context.Text("Report.Score"), CellFormat.Integer, a => a.Score),
                new(context.Text("Report.Headcount"), CellFormat.Integer, a => a.Headcount),
                new(context.Text("Report.Weight"), CellFormat.Integer, a => a.Weight),
                new(context.Text("Report.RecommendedActions"), CellFormat.Text, a => context.Text(a.RecommendedActions)),
            ],
            data.Project.Plan);

        if (data.Work is { } work)
        {
            rows += writer.AddTable(context.Text("Report.PlanActions"), Title("Report.AccompanimentPlanActions"),
                [
                    new ReportColumn<PlanActionInfo>(context.Text("Report.Population"), CellFormat.Text, a => a.Population.Name),
                    new(context.Text("Report.Axis"), CellFormat.Text, a => context.Of(a.Axis)),
                    new(context.Text("Report.Owner"), CellFormat.Text, a => a.Owner),
                    new(context.Text("Report.DueDate"), CellFormat.Date, a => a.DueDate),
                    new(context.Text("Report.Status"), CellFormat.Text, a => context.Text(PlanActionRules.StatusName(a.Status))),
                    new(context.Text("Report.Late"), CellFormat.Text, a => a.IsLate ? context.Text("Report.Late") : null),
                    new(context.Text("Report.LastChange"), CellFormat.DateTime, a =>
                        a.History.Count == 0 ? null : context.ToLocal(a.History[^1].ChangedAtUtc)),
                    new(context.Text("Report.By"), CellFormat.Text, a => a.History.Count == 0 ? null : a.History[^1].ChangedBy),
                ],
                work.Actions);
        }

        if (data.Sociodynamics is { } map)
        {
            IReadOnlyList<ReportFilter> balance =
            [
                .. filters,
                new(context.Text("Report.Allies"), map.Balance.AlliesWeight.ToString("N0", context.Culture)),
                new(context.Text("Report.OpponentsAndDieHards"), map.Balance.OpponentsWeight.ToString("N0", context.Culture)),
                new(context.Text("Report.Balance"), map.Balance.Balance.ToString("+#,0;-#,0;0", context.Culture)),
            ];
            rows += writer.AddTable(context.Text("Report.SociodynamicMap"),
                new ReportTitle($"{context.Text("Report.SociodynamicMapRestricted")} – {project.Name}", period, balance),
                [
                    new ReportColumn<SociodynamicActorState>(context.Text("Report.Actor"), CellFormat.Text, a => a.Actor.Name),
                    new(context.Text("Report.Kind"), CellFormat.Text, a => a.Actor.IsPopulation ? context.Text("Report.Population") : a.Actor.Role
                        ?? context.Text("Report.KeyPerson")),
                    new(context.Text("Report.Weight"), CellFormat.Integer, a => a.Actor.Weight),
                    new(context.Text("Report.OMOCImpactIndex"), CellFormat.Decimal1, a => a.ImpactIndex),
                    new(context.Text("Report.Date"), CellFormat.Date, a => a.Latest?.Date),
                    new(context.Text("Report.Synergy"), CellFormat.Integer, a => a.Latest?.Synergy),
                    new(context.Text("Report.Antagonism"), CellFormat.Integer, a => a.Latest?.Antagonism),
                    new(context.Text("Report.Position"), CellFormat.Text, a => a.Position is { } p ? context.Text(SociodynamicScorer.Name(p)) : null),
                    new(context.Text("Report.ObservedBehaviour"), CellFormat.Text, a => a.Latest?.Justification),
                    new(context.Text("Report.PreviousAssessment"), CellFormat.Date, a => a.Previous?.Date),
                    new(context.Text("Report.PreviousPosition"), CellFormat.Text, a =>
                        a.Previous is { } p ? context.Text(SociodynamicScorer.Name(p.Position)) : null),
                    new(context.Text("Report.Advice"), CellFormat.Text, a => a.Position is { } p ? context.Text(SociodynamicScorer.Advice(p)) : null),
                ],
                map.Actors);
        }

        var trend = data.Trends
            .SelectMany(t => t.Workshops.Select((w, i) => (Trend: t, Workshop: w, Index: i)))
            .ToList();
        rows += writer.AddTable(context.Text("Report.Trend"), Title("Report.TrendPerPopulationCompletedAssessments"),
            [
                new ReportColumn<(PopulationTrend Trend, WorkshopInfo Workshop, int Index)>(context.Text("Report.Population"), CellFormat.Text, r =>
                    r.Trend.Population.Name),
                new(context.Text("Report.Workshop"), CellFormat.Text, r => r.Workshop.Title),
                new(context.Text("Report.Date"), CellFormat.Date, r => r.Workshop.Date),
                new(context.Text("Report.Phase"), CellFormat.Text, r => context.Of(r.Workshop.Phase)),
                .. OmocAxes.All.Select(axis => new ReportColumn<(PopulationTrend Trend, WorkshopInfo Workshop, int Index)>(
                    context.Of(axis), CellFormat.Integer, r => r.Trend.Axes.First(a => a.Axis == axis).Scores[r.Index])),
                new(context.Text("Report.ImpactIndex"), CellFormat.Decimal1, r => r.Trend.ImpactIndexes[r.Index]),
                new(context.Text("Report.ChangeSinceTheFirstWorkshop"), CellFormat.Decimal1,
                    r => r.Index == r.Trend.Workshops.Count - 1 ? r.Trend.ImpactChange : null),
            ],
            trend);

        rows += writer.AddTable(context.Text("Report.Radar"), Title("Report.RadarDataLatestCompletedAssessmentScale"),
            [
                new ReportColumn<RadarSeries>(context.Text("Report.Series"), CellFormat.Text, s => s.Label),
                new(context.Text("Report.Population"), CellFormat.Text, s => s.Population.Name),
                new(context.Text("Report.Workshop"), CellFormat.Text, s => s.Workshop.Title),
                .. data.Project.LatestRadar.Axes.Select((axis, i) => new ReportColumn<RadarSeries>(context.Of(axis), CellFormat.Integer, s =>
                    s.Values[i])),
            ],
            data.Project.LatestRadar.Series);
        if (data.GoLiveTrend is { } goLiveTrend)
        {
            string Coverage(double coverage) => PeriodCoverage.IsEmpty(coverage)
                ? context.Text("Report.NANoData")
                : PeriodCoverage.IsPartial(coverage)
                    ? string.Format(context.Culture, context.Text("Report.PartialOfDaysHaveData2"), coverage * 100)
                    : context.Text("Report.Complete");
            rows += writer.AddTable(context.Text("Report.KPIsAroundGoLive"),
                Title("Report.KPIsSixMonthsBeforeAndAfter"),
                [
                    new ReportColumn<GoLiveTrendMonth>(context.Text("Report.Month"), CellFormat.Date, m => m.Month),
                    new(context.Text("Report.Side"), CellFormat.Text, m =>
                        m.AfterGoLive ? context.Text("Report.After") : context.Text("Report.Before")),
                    new(context.Text("Report.NetRevenue2"), CellFormat.Money, m => m.NetRevenue),
                    new(context.Text("Report.Orders"), CellFormat.Integer, m => m.Orders),
                    new(context.Text("Report.NPS"), CellFormat.Decimal1, m => m.Nps),
                    new(context.Text("Report.CSAT"), CellFormat.Percent, m => m.Csat),
                    new(context.Text("Report.MonthCoverage"), CellFormat.Percent, m => m.Coverage),
                    new(context.Text("Report.Comparison6MonthsOnThisSide"), CellFormat.Text, m => Coverage(m.SideCoverage)),
                ],
                goLiveTrend);
        }
        return rows;
    }
}

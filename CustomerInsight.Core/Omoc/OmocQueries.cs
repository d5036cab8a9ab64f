using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Omoc;

/// <summary>
/// Reads of the OMOC pages, as plain records; the computations are the pure functions of the Omoc folder.
/// A project holds tens of populations and workshops, so its assessments are loaded whole.
/// </summary>
public sealed class OmocQueries(IDbContextFactory<InsightDbContext> contextFactory, DataChangeNotifier? notifier = null, TimeProvider? clock = null)
{
    // Every dashboard marks them on its charts: all of them (a few dozen rows) read once per change heard, not per filter change.
    private readonly SharedRead<IReadOnlyList<ChangeEvent>>? changeEvents = notifier is null ? null
        : new(cancellationToken => ReadChangeEventsAsync(contextFactory, DateOnly.MinValue, DateOnly.MaxValue, cancellationToken), notifier,
            clock ?? TimeProvider.System);

    public async Task<IReadOnlyList<ChangeProjectSummary>> ListProjectsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var projects = await db.ChangeProjects.AsNoTracking()
            .Select(p => new ChangeProjectSummary(
                p.Id,
                p.Name,
                p.Sponsor,
                p.StartDate,
                p.GoLiveDate,
                p.Populations.Count,
                p.Workshops.Count,
                p.Workshops.SelectMany(w => w.Assessments).Count(a => a.Status == AssessmentStatus.Completed),
                p.Workshops.Max(w => (DateOnly?)w.Date)))
            .ToListAsync(cancellationToken);
        // Sorted here: SQLite compares TEXT with its own collation, the UI expects the culture's.
        return projects.OrderBy(p => p.Name, StringComparer.CurrentCulture).ThenBy(p => p.Id).ToList();
    }

    public async Task<ChangeProjectDetail?> GetProjectAsync(int projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var project = await ProjectInfoAsync(db, projectId, cancellationToken);
        if (project is null)
        {
            return null;
        }
        var populations = await PopulationsAsync(db, projectId, cancellationToken);
        var workshops = await db.Workshops.AsNoTracking()
            .Where(w => w.ChangeProjectId == projectId)
            .OrderBy(w => w.Date).ThenBy(w => w.Id)
            .Select(w => new WorkshopSummary(
                new WorkshopInfo(w.Id, w.Title, w.Date, w.Phase, w.Facilitator, w.Participants),
                w.Assessments.Count,
                w.Assessments.Count(a => a.Status == AssessmentStatus.Completed)))
            .ToListAsync(cancellationToken);
        var assessments = await ScoredAssessmentsAsync(db, a => a.Workshop!.ChangeProjectId == projectId, cancellationToken);

        var latest = OmocChartBuilder.LatestCompleted(assessments);
        return new ChangeProjectDetail(
            project,
            populations,
            workshops,
            latest,
            OmocChartBuilder.PopulationsRadar(latest),
            OmocChartBuilder.HeatMap(populations, latest),
            AccompanimentPlanner.Plan(latest),
            latest.Where(a => a.Impact.VeryLowWorthConfirming).ToList());
    }

    public async Task<WorkshopDetail?> GetWorkshopAsync(int workshopId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var workshop = await db.Workshops.AsNoTracking()
            .Where(w => w.Id == workshopId)
            .Select(w => new { w.ChangeProjectId, Info = new WorkshopInfo(w.Id, w.Title, w.Date, w.Phase, w.Facilitator, w.Participants) })
            .SingleOrDefaultAsync(cancellationToken);
        if (workshop is null)
        {
            return null;
        }
        var project = (await ProjectInfoAsync(db, workshop.ChangeProjectId, cancellationToken))!;
        var populations = await PopulationsAsync(db, workshop.ChangeProjectId, cancellationToken);
        var rows = await db.OmocAssessments.AsNoTracking()
            .Where(a => a.WorkshopId == workshopId)
            .ToListAsync(cancellationToken);
        var byPopulation = rows.ToDictionary(a => a.PopulationId);
        var sheets = populations
            .Select(p => byPopulation.TryGetValue(p.Id, out var row) ? Sheet(row, p) : EmptySheet(p))
            .ToList();
        var scored = sheets
            .Where(s => s.AssessmentId is not null)
            .Select(s => new ScoredAssessment(workshop.Info, s.Population, s.Scores, s.Status));
        return new WorkshopDetail(project, workshop.Info, sheets, OmocChartBuilder.PopulationsRadar(scored));
    }

    /// <summary>One card of the scoring form, e.g. reloaded after a concurrency conflict; null when the workshop or population is unknown or not of
    /// the same project.</summary>
    public async Task<AssessmentSheet?> GetAssessmentSheetAsync(int workshopId, int populationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var population = await db.Populations.AsNoTracking()
            .Where(p => p.Id == populationId && db.Workshops.Any(w => w.Id == workshopId && w.ChangeProjectId == p.ChangeProjectId))
            .Select(p => new PopulationInfo(p.Id, p.Name, p.Headcount, p.Description))
            .SingleOrDefaultAsync(cancellationToken);
        if (population is null)
        {
            return null;
        }
        var row = await db.OmocAssessments.AsNoTracking()
            .SingleOrDefaultAsync(a => a.WorkshopId == workshopId && a.PopulationId == populationId, cancellationToken);
        return row is null ? EmptySheet(population) : Sheet(row, population);
    }

    public async Task<PopulationDetail?> GetPopulationAsync(int populationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var population = await db.Populations.AsNoTracking()
            .Where(p => p.Id == populationId)
            .Select(p => new { p.ChangeProjectId, Info = new PopulationInfo(p.Id, p.Name, p.Headcount, p.Description) })
            .SingleOrDefaultAsync(cancellationToken);
        if (population is null)
        {
            return null;
        }
        var project = (await ProjectInfoAsync(db, population.ChangeProjectId, cancellationToken))!;
        var assessments = await ScoredAssessmentsAsync(db, a => a.PopulationId == populationId, cancellationToken);
        return new PopulationDetail(
            project,
            population.Info,
            OmocChartBuilder.Trend(population.Info, assessments),
            OmocChartBuilder.WorkshopsRadar(populationId, assessments));
    }

    /// <summary>The project's sociodynamic map; null when the project is unknown. Callers check the Sociodynamics policy first.</summary>
    public async Task<SociodynamicMap?> GetSociodynamicMapAsync(int projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var project = await ProjectInfoAsync(db, projectId, cancellationToken);
        if (project is null)
        {
            return null;
        }
        var actors = await db.SociodynamicActors.AsNoTracking()
            .Where(a => a.ChangeProjectId == projectId)
            .Select(a => new SociodynamicActorInfo(a.Id, a.Population != null ? a.Population.Name : a.Name!, a.PopulationId, a.Role,
                a.Population != null ? a.Population.Headcount : 1))
            .ToListAsync(cancellationToken);
        var ratings = await db.SociodynamicAssessments.AsNoTracking()
            .Where(s => s.Actor!.ChangeProjectId == projectId)
            .Select(s => new SociodynamicRating(s.Id, s.ActorId, s.Date, s.Synergy, s.Antagonism, s.Justification, s.RecordedBy))
            .ToListAsync(cancellationToken);
        var assessments = await ScoredAssessmentsAsync(db, a => a.Workshop!.ChangeProjectId == projectId, cancellationToken);
        var impacts = OmocChartBuilder.LatestCompleted(assessments)
            .Where(a => a.Impact.Index is not null)
            .ToDictionary(a => a.Population.Id, a => a.Impact.Index!.Value);
        return SociodynamicMapBuilder.Build(project, actors, ratings, impacts);
    }

    /// <summary>The plan of the project's latest completed assessments with the actions taken up; late as of <paramref name="today"/>.</summary>
    public async Task<ProjectPlanWork> GetPlanWorkAsync(int projectId, DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var assessments = await ScoredAssessmentsAsync(db, a => a.Workshop!.ChangeProjectId == projectId, cancellationToken);
        var plan = AccompanimentPlanner.Plan(OmocChartBuilder.LatestCompleted(assessments));
        var rows = await db.PlanActions.AsNoTracking()
            .Where(a => a.Population!.ChangeProjectId == projectId)
            .Select(a => new
            {
                a.Id,
                Population = new PopulationInfo(a.Population!.Id, a.Population.Name, a.Population.Headcount, a.Population.Description),
                a.Axis,
                a.Owner,
                a.DueDate,
                a.Status,
                History = a.History.OrderBy(h => h.Id).Select(h =>
                    new PlanActionChangeInfo(h.ChangedAtUtc, h.ChangedBy, h.Field, h.OldValue, h.NewValue)).ToList(),
            })
            .ToListAsync(cancellationToken);
        var actions = rows
            .Select(r => new PlanActionInfo(r.Id, r.Population, r.Axis, r.Owner, r.DueDate, r.Status,
                PlanActionRules.IsLate(r.Status, r.DueDate, today),
                // SQLite returns an unspecified kind; the values were written as UTC.
                r.History.Select(h => h with { ChangedAtUtc = DateTime.SpecifyKind(h.ChangedAtUtc, DateTimeKind.Utc) }).ToList()))
            .OrderBy(a => a.DueDate).ThenBy(a => a.Id)
            .ToList();
        var byNeed = actions.ToDictionary(a => (a.Population.Id, a.Axis));
        var items = plan.Select(n => new PlanWorkItem(n, byNeed.GetValueOrDefault((n.Population.Id, n.Axis)))).ToList();
        return new ProjectPlanWork(items, actions);
    }

    /// <summary>
    /// The workshops and go-lives of every change project dated in <c>[from, to)</c>, by date (go-live before a
    /// workshop of the same day), then project and title: the markers of the dashboard's trend charts.
    /// </summary>
    public async Task<IReadOnlyList<ChangeEvent>> ListChangeEventsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var events = changeEvents is null
            ? await ReadChangeEventsAsync(contextFactory, from, to, cancellationToken)
            : (await changeEvents.GetAsync(cancellationToken)).Where(e => e.Date >= from && e.Date < to);
        return events
            .OrderBy(e => e.Date).ThenByDescending(e => e.Kind).ThenBy(e => e.ProjectName, StringComparer.CurrentCulture)
                .ThenBy(e => e.Title, StringComparer.CurrentCulture)
            .ToList();
    }

    private static async Task<IReadOnlyList<ChangeEvent>> ReadChangeEventsAsync(IDbContextFactory<InsightDbContext> contextFactory,
        DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var goLives = await db.ChangeProjects.AsNoTracking()
            .Where(p => p.GoLiveDate >= from && p.GoLiveDate < to)
            .Select(p => new ChangeEvent(p.GoLiveDate, ChangeEventKind.GoLive, p.Id, p.Name, p.Name))
            .ToListAsync(cancellationToken);
        var workshops = await db.Workshops.AsNoTracking()
            .Where(w => w.Date >= from && w.Date < to)
            .Select(w => new ChangeEvent(w.Date, ChangeEventKind.Workshop, w.ChangeProjectId, w.ChangeProject!.Name, w.Title))
            .ToListAsync(cancellationToken);
        return [.. goLives, .. workshops];
    }

    /// <summary>The organisation units, name order.</summary>
    public async Task<IReadOnlyList<OrganisationUnitInfo>> ListOrganisationUnitsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var units = await db.OrganisationUnits.AsNoTracking().Select(u => new OrganisationUnitInfo(u.Id, u.Name)).ToListAsync(cancellationToken);
        return units.OrderBy(u => u.Name, StringComparer.CurrentCulture).ThenBy(u => u.Id).ToList();
    }

    /// <summary>
    /// The units × months change load of every unit linked to a population: per unit and project, the impact index of
    /// the latest completed assessment of the unit's populations in that project (by workshop date, then id).
    /// </summary>
    public async Task<SaturationMap> GetSaturationAsync(decimal threshold, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var units = await db.OrganisationUnits.AsNoTracking().Select(u => new OrganisationUnitInfo(u.Id, u.Name)).ToListAsync(cancellationToken);
        var links = await db.Populations.AsNoTracking()
            .Where(p => p.OrganisationUnitId != null)
            .Select(p => new
            {
                p.Id,
                UnitId = p.OrganisationUnitId!.Value,
                Project = new ChangeProjectInfo(p.ChangeProject!.Id, p.ChangeProject.Name, p.ChangeProject.Description, p.ChangeProject.Sponsor,
                    p.ChangeProject.StartDate, p.ChangeProject.GoLiveDate),
            })
            .ToListAsync(cancellationToken);
        var populationIds = links.Select(l => l.Id).ToList();
        var assessments = await db.OmocAssessments.AsNoTracking()
            .Where(a => populationIds.Contains(a.PopulationId) && a.Status == AssessmentStatus.Completed)
            .Select(a => new { a.Id, a.PopulationId, a.Workshop!.Date, a.ToolsScore, a.JobScore, a.OrganisationScore, a.CultureScore })
            .ToListAsync(cancellationToken);
        var unitOf = links.ToDictionary(l => l.Id, l => l.UnitId);
        var latest = assessments
            .GroupBy(a => (Unit: unitOf[a.PopulationId], Project: links.First(l => l.Id == a.PopulationId).Project.Id))
            .ToDictionary(g => g.Key, g =>
            {
                var last = g.OrderBy(a => a.Date).ThenBy(a => a.Id).Last();
                return ImpactCalculator.ImpactIndex(new OmocScores(last.ToolsScore, last.JobScore, last.OrganisationScore, last.CultureScore));
            });
        var impacts = links
            .GroupBy(l => (Unit: l.UnitId, Project: l.Project.Id))
            .Select(g => new UnitProjectImpact(g.Key.Unit, g.First().Project, latest.GetValueOrDefault(g.Key)))
            .ToList();
        return ChangeLoadCalculator.Build(units.Where(u => impacts.Any(i => i.UnitId == u.Id)), impacts, threshold);
    }

    private static Task<ChangeProjectInfo?> ProjectInfoAsync(InsightDbContext db, int projectId, CancellationToken cancellationToken) =>
        db.ChangeProjects.AsNoTracking()
            .Where(p => p.Id == projectId)
            .Select(p => new ChangeProjectInfo(p.Id, p.Name, p.Description, p.Sponsor, p.StartDate, p.GoLiveDate))
            .SingleOrDefaultAsync(cancellationToken);

    private static async Task<IReadOnlyList<PopulationInfo>> PopulationsAsync(InsightDbContext db, int projectId,
        CancellationToken cancellationToken) =>
        await db.Populations.AsNoTracking()
            .Where(p => p.ChangeProjectId == projectId)
            .OrderBy(p => p.Id)
            .Select(p => new PopulationInfo(p.Id, p.Name, p.Headcount, p.Description, p.OrganisationUnit != null ? p.OrganisationUnit.Name : null))
            .ToListAsync(cancellationToken);

    private static async Task<IReadOnlyList<ScoredAssessment>> ScoredAssessmentsAsync(InsightDbContext db,
        System.Linq.Expressions.Expression<Func<OmocAssessment, bool>> filter, CancellationToken cancellationToken)
    {
        var rows = await db.OmocAssessments.AsNoTracking()
            .Where(filter)
            .Select(a => new
            {
                Workshop = new WorkshopInfo(a.Workshop!.Id, a.Workshop.Title, a.Workshop.Date, a.Workshop.Phase, a.Workshop.Facilitator,
                    a.Workshop.Participants),
                Population = new PopulationInfo(a.Population!.Id, a.Population.Name, a.Population.Headcount, a.Population.Description),
                a.ToolsScore,
                a.JobScore,
                a.OrganisationScore,
                a.CultureScore,
                a.Status,
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new ScoredAssessment(r.Workshop, r.Population, new OmocScores(r.ToolsScore, r.JobScore, r.OrganisationScore, r.CultureScore),
                r.Status))
            .ToList();
    }

    private static AssessmentSheet Sheet(OmocAssessment row, PopulationInfo population) =>
        new(row.Id, population, OmocScores.Of(row), OmocJustifications.Of(row), row.Status, row.Version,
            // SQLite returns an unspecified kind; the value was written as UTC.
            DateTime.SpecifyKind(row.UpdatedAtUtc, DateTimeKind.Utc), row.UpdatedBy);

    private static AssessmentSheet EmptySheet(PopulationInfo population) =>
        new(null, population, OmocScores.Empty, OmocJustifications.Empty, AssessmentStatus.Draft, 0, null, null);
}

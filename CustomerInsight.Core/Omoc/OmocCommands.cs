using CustomerInsight.Core.Text;
using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Omoc;

/// <summary>
/// Changes to OMOC projects, populations, workshops and assessments. Each command validates, writes in one
/// context and records its audit entry in the same SaveChanges (ids and statuses only, never names).
/// </summary>
public sealed class OmocCommands(IDbContextFactory<InsightDbContext> contextFactory, AuditLog auditLog, TimeProvider clock,
    DataChangeNotifier? notifier = null)
{
    public const string ProjectCreate = "omoc.project.create";
    public const string ProjectUpdate = "omoc.project.update";
    public const string ProjectDelete = "omoc.project.delete";
    public const string PopulationCreate = "omoc.population.create";
    public const string PopulationUpdate = "omoc.population.update";
    public const string PopulationDelete = "omoc.population.delete";
    public const string WorkshopCreate = "omoc.workshop.create";
    public const string WorkshopUpdate = "omoc.workshop.update";
    public const string WorkshopDelete = "omoc.workshop.delete";
    public const string AssessmentSave = "omoc.assessment.save";
    public const string AssessmentComplete = "omoc.assessment.complete";
    public const string ActorCreate = "omoc.actor.create";
    public const string ActorAssess = "omoc.actor.assess";
    public const string PlanActionSave = "omoc.action.save";

    public async Task<OmocCommandResult> CreateProjectAsync(ChangeProjectInput input, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (OmocValidator.ValidateProject(input) is { Count: > 0 } errors)
        {
            return OmocCommandResult.Invalid(errors);
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // The audit target needs the new id, known only after the insert: both saves share one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var project = new ChangeProject { Name = input.Name.Trim() };
        Apply(project, input);
        db.ChangeProjects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        return await SaveWithAuditAsync(db, project.Id, userName, ProjectCreate, $"project:{project.Id}", null, null, cancellationToken);
    }

    public async Task<OmocCommandResult> UpdateProjectAsync(int projectId, ChangeProjectInput input, string userName,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (OmocValidator.ValidateProject(input) is { Count: > 0 } errors)
        {
            return OmocCommandResult.Invalid(errors);
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.ChangeProjects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return OmocCommandResult.NotFound(OmocMessages.ProjectNotFound);
        }
        Apply(project, input);
        return await SaveWithAuditAsync(db, projectId, userName, ProjectUpdate, $"project:{projectId}", null, null, cancellationToken);
    }

    /// <summary>Deletes the project with its populations, workshops and assessments (the UI confirms first).</summary>
    public async Task<OmocCommandResult> DeleteProjectAsync(int projectId, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.ChangeProjects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return OmocCommandResult.NotFound(OmocMessages.ProjectNotFound);
        }
        var assessments = await db.OmocAssessments.CountAsync(a => a.Workshop!.ChangeProjectId == projectId, cancellationToken);
        db.ChangeProjects.Remove(project);
        return await SaveWithAuditAsync(db, projectId, userName, ProjectDelete, $"project:{projectId}", null, assessments, cancellationToken);
    }

    public async Task<OmocCommandResult> CreatePopulationAsync(int projectId, PopulationInput input, string userName,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (OmocValidator.ValidatePopulation(input) is { Count: > 0 } errors)
        {
            return OmocCommandResult.Invalid(errors);
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.ChangeProjects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return OmocCommandResult.NotFound(OmocMessages.ProjectNotFound);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var population = new Population { ChangeProjectId = projectId, Name = input.Name.Trim() };
        Apply(population, input);
        population.OrganisationUnit = await UnitAsync(db, input.OrganisationUnit, cancellationToken);
        db.Populations.Add(population);
        await db.SaveChangesAsync(cancellationToken);
        return await SaveWithAuditAsync(db, population.Id, userName, PopulationCreate, $"project:{projectId}/population:{population.Id}", null, null,
            cancellationToken);
    }

    public async Task<OmocCommandResult> UpdatePopulationAsync(int populationId, PopulationInput input, string userName,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (OmocValidator.ValidatePopulation(input) is { Count: > 0 } errors)
        {
            return OmocCommandResult.Invalid(errors);
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var population = await db.Populations.SingleOrDefaultAsync(p => p.Id == populationId, cancellationToken);
        if (population is null)
        {
            return OmocCommandResult.NotFound(OmocMessages.PopulationNotFound);
        }
        Apply(population, input);
        var unit = await UnitAsync(db, input.OrganisationUnit, cancellationToken);
        if (unit is null)
        {
            population.OrganisationUnitId = null;
        }
        else
        {
            population.OrganisationUnit = unit;
        }
        return await SaveWithAuditAsync(db, populationId, userName, PopulationUpdate,
            $"project:{population.ChangeProjectId}/population:{populationId}", null, null, cancellationToken);
    }

    /// <summary>Deletes a population; when it has assessments, only with <paramref name="confirmAssessmentsDeletion"/>.</summary>
    public async Task<OmocCommandResult> DeletePopulationAsync(int populationId, bool confirmAssessmentsDeletion, string userName,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var population = await db.Populations.SingleOrDefaultAsync(p => p.Id == populationId, cancellationToken);
        if (population is null)
        {
            return OmocCommandResult.NotFound(OmocMessages.PopulationNotFound);
        }
        var assessments = await db.OmocAssessments.CountAsync(a => a.PopulationId == populationId, cancellationToken);
        if (assessments > 0 && !confirmAssessmentsDeletion)
        {
            return OmocCommandResult.NeedsConfirmation(assessments);
        }
        db.Populations.Remove(population);
        return await SaveWithAuditAsync(db, populationId, userName, PopulationDelete,
            $"project:{population.ChangeProjectId}/population:{populationId}", null, assessments, cancellationToken);
    }

    public async Task<OmocCommandResult> CreateWorkshopAsync(int projectId, WorkshopInput input, string userName,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (OmocValidator.ValidateWorkshop(input) is { Count: > 0 } errors)
        {
            return OmocCommandResult.Invalid(errors);
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.ChangeProjects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return OmocCommandResult.NotFound(OmocMessages.ProjectNotFound);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var workshop = new Workshop { ChangeProjectId = projectId, Title = input.Title.Trim() };
        Apply(workshop, input);
        db.Workshops.Add(workshop);
        await db.SaveChangesAsync(cancellationToken);
        return await SaveWithAuditAsync(db, workshop.Id, userName, WorkshopCreate, $"project:{projectId}/workshop:{workshop.Id}", null, null,
            cancellationToken);
    }

    public async Task<OmocCommandResult> UpdateWorkshopAsync(int workshopId, WorkshopInput input, string userName,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (OmocValidator.ValidateWorkshop(input) is { Count: > 0 } errors)
        {
            return OmocCommandResult.Invalid(errors);
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var workshop = await db.Workshops.SingleOrDefaultAsync(w => w.Id == workshopId, cancellationToken);
        if (workshop is null)
        {
            return OmocCommandResult.NotFound(OmocMessages.WorkshopNotFound);
        }
        Apply(workshop, input);
        return await SaveWithAuditAsync(db, workshopId, userName, WorkshopUpdate,
            $"project:{workshop.ChangeProjectId}/workshop:{workshopId}", null, null, cancellationToken);
    }

    /// <summary>
    /// Deletes a workshop. When it has assessments, nothing is deleted unless <paramref name="confirmAssessmentsDeletion"/>
    /// is true: the result is <see cref="OmocOutcome.ConfirmationRequired"/> with the count, for the UI's second question.
    /// </summary>
    public async Task<OmocCommandResult> DeleteWorkshopAsync(int workshopId, bool confirmAssessmentsDeletion, string userName,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var workshop = await db.Workshops.SingleOrDefaultAsync(w => w.Id == workshopId, cancellationToken);
        if (workshop is null)
        {
            return OmocCommandResult.NotFound(OmocMessages.WorkshopNotFound);
        }
        var assessments = await db.OmocAssessments.CountAsync(a => a.WorkshopId == workshopId, cancellationToken);
        if (assessments > 0 && !confirmAssessmentsDeletion)
        {
            return OmocCommandResult.NeedsConfirmation(assessments);
        }
        db.Workshops.Remove(workshop);
        return await SaveWithAuditAsync(db, workshopId, userName, WorkshopDelete,
            $"project:{workshop.ChangeProjectId}/workshop:{workshopId}", null, assessments, cancellationToken);
    }

    /// <summary>
    /// Saves one population's assessment in one workshop as <paramref name="status"/> (a draft may be partial;
    /// completing needs all four scores). Optimistic concurrency: when the stored version is not
    /// <see cref="AssessmentInput.ExpectedVersion"/>, nothing is written and the result is
    /// <see cref="OmocOutcome.Conflict"/> with who saved last and when. On success the version is bumped.
    /// </summary>
    public async Task<OmocCommandResult> SaveAssessmentAsync(AssessmentInput input, AssessmentStatus status, string userName,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (OmocValidator.ValidateAssessment(input.Scores, input.Justifications, status) is { Count: > 0 } errors)
        {
            return OmocCommandResult.Invalid(errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var projectId = await db.Workshops.Where(w => w.Id == input.WorkshopId).Select(w => (int?)w.ChangeProjectId)
            .SingleOrDefaultAsync(cancellationToken);
        if (projectId is null)
        {
            return OmocCommandResult.NotFound(OmocMessages.WorkshopNotFound);
        }
        if (!await db.Populations.AnyAsync(p => p.Id == input.PopulationId && p.ChangeProjectId == projectId, cancellationToken))
        {
            return OmocCommandResult.NotFound(OmocMessages.PopulationNotFound);
        }

        var assessment = await db.OmocAssessments
            .SingleOrDefaultAsync(a => a.WorkshopId == input.WorkshopId && a.PopulationId == input.PopulationId, cancellationToken);
        if (assessment is not null && assessment.Version != input.ExpectedVersion)
        {
            return OmocCommandResult.ConflictWith(ConflictOf(assessment));
        }
        if (assessment is null)
        {
            if (input.ExpectedVersion != 0)
            {
                // The form loaded a row that is gone: saving would silently resurrect someone's deletion.
                return OmocCommandResult.NotFound(new("Omoc.ThisAssessmentWasDeletedInThe"));
            }
            assessment = new OmocAssessment { WorkshopId = input.WorkshopId, PopulationId = input.PopulationId };
            db.OmocAssessments.Add(assessment);
        }

        assessment.ToolsScore = input.Scores.Tools;
        assessment.JobScore = input.Scores.Job;
        assessment.OrganisationScore = input.Scores.Organisation;
        assessment.CultureScore = input.Scores.Culture;
        assessment.ToolsJustification = Clean(input.Justifications.Tools);
        assessment.JobJustification = Clean(input.Justifications.Job);
        assessment.OrganisationJustification = Clean(input.Justifications.Organisation);
        assessment.CultureJustification = Clean(input.Justifications.Culture);
        assessment.Status = status;
        // The WHERE of the UPDATE still holds the loaded version, so a save between our read and our write is caught too.
        assessment.Version = input.ExpectedVersion + 1;
        assessment.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        assessment.UpdatedBy = userName;

        var action = status == AssessmentStatus.Completed ? AssessmentComplete : AssessmentSave;
        db.AuditEntries.Add(auditLog.NewEntry(userName, action,
            $"project:{projectId}/workshop:{input.WorkshopId}/population:{input.PopulationId}",
            $"status={status};version={assessment.Version}"));
        try
        {
            // One transaction for the score, its audit entry and the other nodes' signal (sent at the commit).
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await notifier.CommitAndNotifyAsync(db, transaction, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || db.Entry(assessment).State == EntityState.Added)
        {
            // Someone saved (or created the same assessment) between our read and our write.
            var current = await ReloadAsync(input, cancellationToken);
            if (current is null)
            {
                throw;
            }
            return OmocCommandResult.ConflictWith(ConflictOf(current));
        }
        return OmocCommandResult.Success(assessment.Id, assessment.Version);
    }

    /// <summary>Puts a population of the project, or a named key person, on the project's sociodynamic map.</summary>
    public async Task<OmocCommandResult> CreateActorAsync(int projectId, SociodynamicActorInput input, string userName,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (OmocDepthValidator.ValidateActor(input) is { Count: > 0 } errors)
        {
            return OmocCommandResult.Invalid(errors);
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.ChangeProjects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return OmocCommandResult.NotFound(OmocMessages.ProjectNotFound);
        }
        if (input.PopulationId is { } populationId)
        {
            if (!await db.Populations.AnyAsync(p => p.Id == populationId && p.ChangeProjectId == projectId, cancellationToken))
            {
                return OmocCommandResult.NotFound(OmocMessages.PopulationNotFound);
            }
            if (await db.SociodynamicActors.AnyAsync(a => a.PopulationId == populationId, cancellationToken))
            {
                return OmocCommandResult.Invalid([new OmocError(nameof(input.PopulationId), OmocMessages.ActorAlreadyOnMap)]);
            }
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var actor = new SociodynamicActor
        {
            ChangeProjectId = projectId,
            PopulationId = input.PopulationId,
            Name = input.PopulationId is null ? input.Name!.Trim() : null,
            Role = Clean(input.Role),
        };
        db.SociodynamicActors.Add(actor);
        await db.SaveChangesAsync(cancellationToken);
        return await SaveWithAuditAsync(db, actor.Id, userName, ActorCreate, $"project:{projectId}/actor:{actor.Id}", null, null, cancellationToken);
    }

    /// <summary>Records a dated synergy/antagonism reading of an actor, with the observed behaviour behind it.</summary>
    public async Task<OmocCommandResult> AssessActorAsync(SociodynamicAssessmentInput input, string userName,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (OmocDepthValidator.ValidateAssessment(input) is { Count: > 0 } errors)
        {
            return OmocCommandResult.Invalid(errors);
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var projectId = await db.SociodynamicActors.Where(a => a.Id == input.ActorId).Select(a => (int?)a.ChangeProjectId)
            .SingleOrDefaultAsync(cancellationToken);
        if (projectId is null)
        {
            return OmocCommandResult.NotFound(OmocMessages.ActorNotFound);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var assessment = new SociodynamicAssessment
        {
            ActorId = input.ActorId,
            Date = input.Date,
            Synergy = input.Synergy,
            Antagonism = input.Antagonism,
            Justification = input.Justification.Trim(),
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
            RecordedBy = userName,
        };
        db.SociodynamicAssessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return await SaveWithAuditAsync(db, assessment.Id, userName, ActorAssess, $"project:{projectId}/actor:{input.ActorId}",
            $"synergy={input.Synergy};antagonism={input.Antagonism}", null, cancellationToken);
    }

    /// <summary>
    /// Takes up an action need (population, axis) as an action, or changes its owner, due date or status;
    /// every change is kept in the action's history (who, when, field, old → new).
    /// </summary>
    public async Task<OmocCommandResult> SavePlanActionAsync(PlanActionInput input, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (OmocDepthValidator.ValidatePlanAction(input) is { Count: > 0 } errors)
        {
            return OmocCommandResult.Invalid(errors);
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var projectId = await db.Populations.Where(p => p.Id == input.PopulationId).Select(p => (int?)p.ChangeProjectId)
            .SingleOrDefaultAsync(cancellationToken);
        if (projectId is null)
        {
            return OmocCommandResult.NotFound(OmocMessages.PopulationNotFound);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var owner = input.Owner.Trim();
        var action = await db.PlanActions.SingleOrDefaultAsync(a => a.PopulationId == input.PopulationId && a.Axis == input.Axis, cancellationToken);
        var changes = new List<(string Field, string? Old, string? New)>();
        if (action is null)
        {
            action = new PlanAction { PopulationId = input.PopulationId, Axis = input.Axis, Owner = owner, DueDate = input.DueDate,
                Status = input.Status, CreatedAtUtc = now, CreatedBy = userName };
            db.PlanActions.Add(action);
            changes.Add((PlanActionFields.Owner, null, owner));
            changes.Add((PlanActionFields.DueDate, null, Iso(input.DueDate)));
            changes.Add((PlanActionFields.Status, null, input.Status.ToString()));
        }
        else
        {
            if (action.Owner != owner)
            {
                changes.Add((PlanActionFields.Owner, action.Owner, owner));
            }
            if (action.DueDate != input.DueDate)
            {
                changes.Add((PlanActionFields.DueDate, Iso(action.DueDate), Iso(input.DueDate)));
            }
            if (action.Status != input.Status)
            {
                changes.Add((PlanActionFields.Status, action.Status.ToString(), input.Status.ToString()));
            }
            action.Owner = owner;
            action.DueDate = input.DueDate;
            action.Status = input.Status;
        }
        foreach (var (field, old, value) in changes)
        {
            action.History.Add(new PlanActionChange { ChangedAtUtc = now, ChangedBy = userName, Field = field, OldValue = old, NewValue = value });
        }
        await db.SaveChangesAsync(cancellationToken);
        return await SaveWithAuditAsync(db, action.Id, userName, PlanActionSave,
            $"project:{projectId}/population:{input.PopulationId}/action:{action.Id}", $"axis={input.Axis};status={input.Status}", null,
                cancellationToken);
    }

    /// <summary>The unit of that name (case-insensitive, trimmed), created when new; null for an empty name.</summary>
    private static async Task<OrganisationUnit?> UnitAsync(InsightDbContext db, string? name, CancellationToken cancellationToken)
    {
        if (Clean(name) is not { } trimmed)
        {
            return null;
        }
        var units = await db.OrganisationUnits.ToListAsync(cancellationToken);
        return units.FirstOrDefault(u => string.Equals(u.Name, trimmed, StringComparison.OrdinalIgnoreCase))
            ?? db.OrganisationUnits.Add(new OrganisationUnit { Name = trimmed }).Entity;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<OmocAssessment?> ReloadAsync(AssessmentInput input, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.OmocAssessments.AsNoTracking()
            .SingleOrDefaultAsync(a => a.WorkshopId == input.WorkshopId && a.PopulationId == input.PopulationId, cancellationToken);
    }

    private async Task<OmocCommandResult> SaveWithAuditAsync(InsightDbContext db, int id, string userName, string action, string target,
        string? details, int? rowCount, CancellationToken cancellationToken)
    {
        // One transaction for the change, its audit entry and the other nodes' notification (sent at the commit).
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            db.AuditEntries.Add(auditLog.NewEntry(userName, action, target, details, rowCount));
            await db.SaveChangesAsync(cancellationToken);
            await notifier.CommitAndNotifyAsync(db, db.Database.CurrentTransaction!, cancellationToken);
        }
        return OmocCommandResult.Success(id);
    }

    private static AssessmentConflict ConflictOf(OmocAssessment current) =>
        new(current.UpdatedBy, DateTime.SpecifyKind(current.UpdatedAtUtc, DateTimeKind.Utc), current.Version, current.Status);

    private static void Apply(ChangeProject project, ChangeProjectInput input)
    {
        project.Name = input.Name.Trim();
        project.Description = Clean(input.Description);
        project.Sponsor = Clean(input.Sponsor);
        project.StartDate = input.StartDate;
        project.GoLiveDate = input.GoLiveDate;
    }

    private static void Apply(Population population, PopulationInput input)
    {
        population.Name = input.Name.Trim();
        population.Headcount = input.Headcount;
        population.Description = Clean(input.Description);
    }

    private static void Apply(Workshop workshop, WorkshopInput input)
    {
        workshop.Title = input.Title.Trim();
        workshop.Date = input.Date;
        workshop.Phase = input.Phase;
        workshop.Facilitator = Clean(input.Facilitator);
        workshop.Participants = Clean(input.Participants);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

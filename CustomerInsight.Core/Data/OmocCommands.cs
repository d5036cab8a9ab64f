using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Omoc;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Data;

/// <summary>
/// Changes to OMOC projects, populations, workshops and assessments. Each command validates, writes in one
/// context and records its audit entry in the same SaveChanges (ids and statuses only, never names).
/// </summary>
public sealed class OmocCommands(IDbContextFactory<InsightDbContext> contextFactory, AuditLog auditLog, TimeProvider clock)
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

    public async Task<OmocCommandResult> UpdateProjectAsync(int projectId, ChangeProjectInput input, string userName, CancellationToken cancellationToken = default)
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

    public async Task<OmocCommandResult> CreatePopulationAsync(int projectId, PopulationInput input, string userName, CancellationToken cancellationToken = default)
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
        db.Populations.Add(population);
        await db.SaveChangesAsync(cancellationToken);
        return await SaveWithAuditAsync(db, population.Id, userName, PopulationCreate, $"project:{projectId}/population:{population.Id}", null, null, cancellationToken);
    }

    public async Task<OmocCommandResult> UpdatePopulationAsync(int populationId, PopulationInput input, string userName, CancellationToken cancellationToken = default)
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

    public async Task<OmocCommandResult> CreateWorkshopAsync(int projectId, WorkshopInput input, string userName, CancellationToken cancellationToken = default)
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
        return await SaveWithAuditAsync(db, workshop.Id, userName, WorkshopCreate, $"project:{projectId}/workshop:{workshop.Id}", null, null, cancellationToken);
    }

    public async Task<OmocCommandResult> UpdateWorkshopAsync(int workshopId, WorkshopInput input, string userName, CancellationToken cancellationToken = default)
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
        var projectId = await db.Workshops.Where(w => w.Id == input.WorkshopId).Select(w => (int?)w.ChangeProjectId).SingleOrDefaultAsync(cancellationToken);
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
                return OmocCommandResult.NotFound(new("Ce bilan a été supprimé entre-temps.", "This assessment was deleted in the meantime."));
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
            await db.SaveChangesAsync(cancellationToken);
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

    private async Task<OmocAssessment?> ReloadAsync(AssessmentInput input, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.OmocAssessments.AsNoTracking()
            .SingleOrDefaultAsync(a => a.WorkshopId == input.WorkshopId && a.PopulationId == input.PopulationId, cancellationToken);
    }

    private async Task<OmocCommandResult> SaveWithAuditAsync(InsightDbContext db, int id, string userName, string action, string target,
        string? details, int? rowCount, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(auditLog.NewEntry(userName, action, target, details, rowCount));
        await db.SaveChangesAsync(cancellationToken);
        if (db.Database.CurrentTransaction is { } transaction)
        {
            await transaction.CommitAsync(cancellationToken);
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

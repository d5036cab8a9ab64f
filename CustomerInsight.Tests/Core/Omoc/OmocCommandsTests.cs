using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerInsight.Tests.Core.Omoc;

public class OmocCommandsTests : DatabaseTestBase
{
    private const string Alice = "alice@demo.local";
    private const string Bob = "bob@demo.local";
    private static readonly DateTimeOffset Now = new(2026, 6, 9, 14, 30, 0, TimeSpan.Zero);

    private FakeTimeProvider clock = null!;
    private OmocCommands commands = null!;
    private OmocQueries queries = null!;

    protected override async Task ArrangeAsync()
    {
        clock = new FakeTimeProvider(Now);
        commands = new OmocCommands(Database.Factory, new AuditLog(Database.Factory, clock), clock);
        queries = new OmocQueries(Database.Factory);
    }

    [Fact]
    public async Task CreateProjectPopulationWorkshop_ValidInput_SavedAndAudited()
    {
        var (projectId, populationId, workshopId) = await CreateProjectAsync();

        var detail = await queries.GetProjectAsync(projectId, Token);
        Assert.NotNull(detail);
        Assert.Equal("Nouvelle caisse", detail.Project.Name);
        Assert.Equal(populationId, Assert.Single(detail.Populations).Id);
        Assert.Equal(workshopId, Assert.Single(detail.Workshops).Workshop.Id);

        var audit = await AuditAsync();
        Assert.Equal([OmocCommands.ProjectCreate, OmocCommands.PopulationCreate, OmocCommands.WorkshopCreate], audit.Select(a => a.Action));
        Assert.All(audit, a =>
        {
            Assert.Equal(Alice, a.UserName);
            Assert.Equal(Now.UtcDateTime, a.AtUtc);
        });
        Assert.Equal($"project:{projectId}/population:{populationId}", audit[1].Target);
        // No names in the log: the population's name stays out of target and details.
        Assert.DoesNotContain(audit, a => (a.Target + a.Details).Contains("Vendeurs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateProject_GoLiveBeforeStart_InvalidAndNothingWritten()
    {
        var result = await commands.CreateProjectAsync(
            new ChangeProjectInput("Caisse", null, null, new DateOnly(2026, 3, 1), new DateOnly(2026, 2, 1)), Alice, Token);

        Assert.Equal(OmocOutcome.Invalid, result.Outcome);
        Assert.Equal("GoLiveDate", Assert.Single(result.Errors).Field);
        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.ChangeProjects.CountAsync(Token));
        Assert.Equal(0, await db.AuditEntries.CountAsync(Token));
    }

    [Fact]
    public async Task CreatePopulation_ZeroHeadcount_Invalid()
    {
        var (projectId, _, _) = await CreateProjectAsync();
        var result = await commands.CreatePopulationAsync(projectId, new PopulationInput("Comptables", 0, null), Alice, Token);
        Assert.Equal(OmocOutcome.Invalid, result.Outcome);
    }

    [Fact]
    public async Task CreateWorkshop_UnknownProject_NotFound()
    {
        var result = await commands.CreateWorkshopAsync(999,
            new WorkshopInput("Atelier", new DateOnly(2026, 1, 1), WorkshopPhase.BeforeGoLive, null, null), Alice, Token);
        Assert.Equal(OmocOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task UpdateProject_NewName_SavedAndAudited()
    {
        var (projectId, _, _) = await CreateProjectAsync();
        var result = await commands.UpdateProjectAsync(projectId,
            new ChangeProjectInput(" Caisse v2 ", "Desc", "DOP", new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 2)), Bob, Token);

        Assert.True(result.Succeeded);
        var detail = await queries.GetProjectAsync(projectId, Token);
        Assert.Equal("Caisse v2", detail!.Project.Name);
        Assert.Equal(OmocCommands.ProjectUpdate, (await AuditAsync())[^1].Action);
    }

    [Fact]
    public async Task SaveAssessment_DraftThenComplete_VersionsAndStatus()
    {
        var (_, populationId, workshopId) = await CreateProjectAsync();

        var draft = await commands.SaveAssessmentAsync(
            new AssessmentInput(workshopId, populationId, new OmocScores(4, null, 2, null),
                OmocJustifications.Empty.With(OmocAxis.Tools, "Nouvel écran"), 0),
            AssessmentStatus.Draft, Alice, Token);
        Assert.True(draft.Succeeded);
        Assert.Equal(1, draft.Version);

        clock.Advance(TimeSpan.FromMinutes(5));
        var completed = await commands.SaveAssessmentAsync(
            new AssessmentInput(workshopId, populationId, new OmocScores(4, 4, 2, 4),
                OmocJustifications.Empty.With(OmocAxis.Tools, "Nouvel écran"), 1),
            AssessmentStatus.Completed, Alice, Token);
        Assert.True(completed.Succeeded);
        Assert.Equal(2, completed.Version);
        Assert.Equal(draft.Id, completed.Id);

        var sheet = await queries.GetAssessmentSheetAsync(workshopId, populationId, Token);
        Assert.NotNull(sheet);
        Assert.Equal(AssessmentStatus.Completed, sheet.Status);
        Assert.Equal(new OmocScores(4, 4, 2, 4), sheet.Scores);
        Assert.Equal("Nouvel écran", sheet.Justifications.Tools);
        Assert.Equal(2, sheet.Version);
        Assert.Equal(Alice, sheet.UpdatedBy);
        Assert.Equal(Now.UtcDateTime.AddMinutes(5), sheet.UpdatedAtUtc);
        Assert.Equal(DateTimeKind.Utc, sheet.UpdatedAtUtc!.Value.Kind);
        Assert.Equal(3.5m, sheet.Impact.Index);

        var audit = await AuditAsync();
        Assert.Equal([OmocCommands.AssessmentSave, OmocCommands.AssessmentComplete], audit.Skip(3).Select(a => a.Action));
        Assert.Equal("status=Completed;version=2", audit[^1].Details);
    }

    [Fact]
    public async Task SaveAssessment_CompleteWithMissingScore_RejectedNothingWritten()
    {
        var (_, populationId, workshopId) = await CreateProjectAsync();

        var result = await commands.SaveAssessmentAsync(
            new AssessmentInput(workshopId, populationId, new OmocScores(4, 4, null, 4), OmocJustifications.Empty, 0),
            AssessmentStatus.Completed, Alice, Token);

        Assert.Equal(OmocOutcome.Invalid, result.Outcome);
        Assert.Contains("Organisation", Assert.Single(result.Errors).Message.English(), StringComparison.Ordinal);
        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.OmocAssessments.CountAsync(Token));
    }

    [Fact]
    public async Task SaveAssessment_TwoLoadsTwoSaves_SecondConflictsFirstKept()
    {
        var (_, populationId, workshopId) = await CreateProjectAsync();
        await commands.SaveAssessmentAsync(new AssessmentInput(workshopId, populationId, new OmocScores(2, 2, 2, 2), OmocJustifications.Empty, 0),
            AssessmentStatus.Draft, Alice, Token);

        // Alice and Bob both open the form at version 1.
        var aliceLoaded = (await queries.GetAssessmentSheetAsync(workshopId, populationId, Token))!;
        var bobLoaded = (await queries.GetAssessmentSheetAsync(workshopId, populationId, Token))!;

        clock.Advance(TimeSpan.FromMinutes(1));
        var aliceSave = await commands.SaveAssessmentAsync(
            new AssessmentInput(workshopId, populationId, new OmocScores(4, 4, 2, 4), OmocJustifications.Empty, aliceLoaded.Version),
            AssessmentStatus.Completed, Alice, Token);
        clock.Advance(TimeSpan.FromMinutes(1));
        var bobSave = await commands.SaveAssessmentAsync(
            new AssessmentInput(workshopId, populationId, new OmocScores(1, 1, 1, 1), OmocJustifications.Empty, bobLoaded.Version),
            AssessmentStatus.Draft, Bob, Token);

        Assert.True(aliceSave.Succeeded);
        Assert.Equal(OmocOutcome.Conflict, bobSave.Outcome);
        Assert.NotNull(bobSave.Conflict);
        Assert.Equal(Alice, bobSave.Conflict.LastSavedBy);
        Assert.Equal(Now.UtcDateTime.AddMinutes(1), bobSave.Conflict.LastSavedAtUtc);
        Assert.Equal(DateTimeKind.Utc, bobSave.Conflict.LastSavedAtUtc.Kind);
        Assert.Equal(2, bobSave.Conflict.CurrentVersion);
        Assert.Equal(AssessmentStatus.Completed, bobSave.Conflict.CurrentStatus);
        Assert.NotEmpty(bobSave.Errors);

        var stored = (await queries.GetAssessmentSheetAsync(workshopId, populationId, Token))!;
        Assert.Equal(new OmocScores(4, 4, 2, 4), stored.Scores);
        Assert.Equal(2, stored.Version);
        Assert.Equal(Alice, stored.UpdatedBy);
        Assert.DoesNotContain(await AuditAsync(), a => a.UserName == Bob);
    }

    [Fact]
    public async Task SaveAssessment_OtherSaveBetweenReadAndWrite_ConflictFromConcurrencyToken()
    {
        var (_, populationId, workshopId) = await CreateProjectAsync();
        await commands.SaveAssessmentAsync(new AssessmentInput(workshopId, populationId, new OmocScores(2, 2, 2, 2), OmocJustifications.Empty, 0),
            AssessmentStatus.Draft, Alice, Token);
        // Bob's save lands after Alice's command has read version 1 and before its UPDATE runs.
        var interleaving = new InterleavedSave(Bob);
        var racingCommands =
            new OmocCommands(new InterceptedFactory(Engine, Database.ConnectionString, interleaving), new AuditLog(Database.Factory, clock), clock);

        var result = await racingCommands.SaveAssessmentAsync(
            new AssessmentInput(workshopId, populationId, new OmocScores(4, 4, 4, 4), OmocJustifications.Empty, 1),
                AssessmentStatus.Completed, Alice, Token);

        Assert.True(interleaving.Fired);
        Assert.Equal(OmocOutcome.Conflict, result.Outcome);
        Assert.Equal((Bob, 2), (result.Conflict!.LastSavedBy, result.Conflict.CurrentVersion));
        var stored = (await queries.GetAssessmentSheetAsync(workshopId, populationId, Token))!;
        Assert.Equal(new OmocScores(2, 2, 2, 2), stored.Scores);
        Assert.DoesNotContain(await AuditAsync(), a => a.Action == OmocCommands.AssessmentComplete);
    }

    [Fact]
    public async Task SaveAssessment_TwoCreatesFromEmptyForm_SecondConflicts()
    {
        var (_, populationId, workshopId) = await CreateProjectAsync();
        var first = await commands.SaveAssessmentAsync(new AssessmentInput(workshopId,
            populationId, new OmocScores(3, null, null, null), OmocJustifications.Empty, 0),
            AssessmentStatus.Draft, Alice, Token);
        var second = await commands.SaveAssessmentAsync(new AssessmentInput(workshopId,
            populationId, new OmocScores(1, null, null, null), OmocJustifications.Empty, 0),
            AssessmentStatus.Draft, Bob, Token);

        Assert.True(first.Succeeded);
        Assert.Equal(OmocOutcome.Conflict, second.Outcome);
        Assert.Equal(3, (await queries.GetAssessmentSheetAsync(workshopId, populationId, Token))!.Scores.Tools);
    }

    [Fact]
    public async Task SaveAssessment_PopulationOfAnotherProject_NotFound()
    {
        var (_, _, workshopId) = await CreateProjectAsync();
        var (_, otherPopulationId, _) = await CreateProjectAsync();
        var result = await commands.SaveAssessmentAsync(new AssessmentInput(workshopId,
            otherPopulationId, OmocScores.Empty, OmocJustifications.Empty, 0),
            AssessmentStatus.Draft, Alice, Token);
        Assert.Equal(OmocOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task DeleteWorkshop_WithAssessmentsWithoutFlag_RefusedNothingDeleted()
    {
        var (_, populationId, workshopId) = await CreateProjectAsync();
        await commands.SaveAssessmentAsync(new AssessmentInput(workshopId, populationId, new OmocScores(2, 2, 2, 2), OmocJustifications.Empty, 0),
            AssessmentStatus.Completed, Alice, Token);

        var refused = await commands.DeleteWorkshopAsync(workshopId, confirmAssessmentsDeletion: false, Alice, Token);

        Assert.Equal(OmocOutcome.ConfirmationRequired, refused.Outcome);
        Assert.Equal(1, refused.AssessmentsToDelete);
        await using (var db = Database.CreateContext())
        {
            Assert.True(await db.Workshops.AnyAsync(w => w.Id == workshopId, Token));
            Assert.Equal(1, await db.OmocAssessments.CountAsync(Token));
        }
        Assert.DoesNotContain(await AuditAsync(), a => a.Action == OmocCommands.WorkshopDelete);
    }

    [Fact]
    public async Task DeleteWorkshop_WithAssessmentsAndFlag_DeletedWithAssessmentsAndAudited()
    {
        var (_, populationId, workshopId) = await CreateProjectAsync();
        await commands.SaveAssessmentAsync(new AssessmentInput(workshopId, populationId, new OmocScores(2, 2, 2, 2), OmocJustifications.Empty, 0),
            AssessmentStatus.Completed, Alice, Token);

        var deleted = await commands.DeleteWorkshopAsync(workshopId, confirmAssessmentsDeletion: true, Bob, Token);

        Assert.True(deleted.Succeeded);
        await using (var db = Database.CreateContext())
        {
            Assert.False(await db.Workshops.AnyAsync(Token));
            Assert.Equal(0, await db.OmocAssessments.CountAsync(Token));
        }
        var entry = (await AuditAsync())[^1];
        Assert.Equal(OmocCommands.WorkshopDelete, entry.Action);
        Assert.Equal(Bob, entry.UserName);
        Assert.Equal(1, entry.RowCount);
    }

    [Fact]
    public async Task DeleteWorkshop_NoAssessment_DeletedWithoutFlag()
    {
        var (_, _, workshopId) = await CreateProjectAsync();
        Assert.True((await commands.DeleteWorkshopAsync(workshopId, confirmAssessmentsDeletion: false, Alice, Token)).Succeeded);
    }

    [Fact]
    public async Task DeletePopulation_WithAssessmentsWithoutFlag_Refused()
    {
        var (_, populationId, workshopId) = await CreateProjectAsync();
        await commands.SaveAssessmentAsync(new AssessmentInput(workshopId, populationId,
            new OmocScores(2, null, null, null), OmocJustifications.Empty, 0),
            AssessmentStatus.Draft, Alice, Token);
        Assert.Equal(OmocOutcome.ConfirmationRequired, (await commands.DeletePopulationAsync(populationId, false, Alice, Token)).Outcome);
        Assert.True((await commands.DeletePopulationAsync(populationId, true, Alice, Token)).Succeeded);
    }

    [Fact]
    public async Task DeleteProject_WithEverything_AllRowsGoneAndAudited()
    {
        var (projectId, populationId, workshopId) = await CreateProjectAsync();
        await commands.SaveAssessmentAsync(new AssessmentInput(workshopId, populationId, new OmocScores(2, 2, 2, 2), OmocJustifications.Empty, 0),
            AssessmentStatus.Completed, Alice, Token);

        Assert.True((await commands.DeleteProjectAsync(projectId, Alice, Token)).Succeeded);

        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.ChangeProjects.CountAsync(Token));
        Assert.Equal(0, await db.Populations.CountAsync(Token));
        Assert.Equal(0, await db.Workshops.CountAsync(Token));
        Assert.Equal(0, await db.OmocAssessments.CountAsync(Token));
        var entry = (await AuditAsync())[^1];
        Assert.Equal((OmocCommands.ProjectDelete, $"project:{projectId}", (int?)1), (entry.Action, entry.Target, entry.RowCount));
    }

    private async Task<(int ProjectId, int PopulationId, int WorkshopId)> CreateProjectAsync()
    {
        var project = await commands.CreateProjectAsync(
            new ChangeProjectInput("Nouvelle caisse", "Remplacement de la caisse", "DOP", new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 2)),
                Alice, Token);
        Assert.True(project.Succeeded);
        var population = await commands.CreatePopulationAsync(project.Id!.Value, new PopulationInput("Vendeurs", 420, null), Alice, Token);
        Assert.True(population.Succeeded);
        var workshop = await commands.CreateWorkshopAsync(project.Id!.Value,
            new WorkshopInput("Cadrage", new DateOnly(2026, 1, 20), WorkshopPhase.BeforeGoLive, "Claire", "12 vendeurs"), Alice, Token);
        Assert.True(workshop.Succeeded);
        return (project.Id.Value, population.Id!.Value, workshop.Id!.Value);
    }

    private async Task<List<CustomerInsight.Core.Auditing.AuditEntry>> AuditAsync()
    {
        await using var db = Database.CreateContext();
        return await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Token);
    }
}

/// <summary>Contexts with an interceptor, over the test database's file.</summary>
internal sealed class InterceptedFactory(DatabaseEngine engine, string connectionString,
    IInterceptor interceptor) : IDbContextFactory<InsightDbContext>
{
    public InsightDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<InsightDbContext>();
        InsightDatabase.Configure(options, engine, connectionString);
        options.AddInterceptors(interceptor);
        return InsightDatabase.CreateContext(engine, options.Options);
    }
}

/// <summary>
/// After the command read the assessment and just before its transaction begins, another user's save commits: it bumps
/// every assessment's version (on the command's connection, outside its transaction, as another connection would).
/// </summary>
internal sealed class InterleavedSave(string otherUser) : DbTransactionInterceptor
{
    public bool Fired { get; private set; }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (!Fired)
        {
            Fired = true;
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE \"OmocAssessments\" SET \"Version\" = \"Version\" + 1, \"UpdatedBy\" = @user";
            var user = command.CreateParameter();
            user.ParameterName = "@user";
            user.Value = otherUser;
            command.Parameters.Add(user);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return result;
    }
}

/// <summary>Every test of <see cref="OmocCommandsTests"/> on PostgreSQL.</summary>
public sealed class OmocCommandsOnPostgresTests : OmocCommandsTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

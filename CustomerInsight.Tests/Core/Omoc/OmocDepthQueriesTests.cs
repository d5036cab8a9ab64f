namespace CustomerInsight.Tests.Core.Omoc;

/// <summary>The sociodynamic map, organisation units, saturation and plan actions on a real SQLite file holding the demo projects.</summary>
public class OmocDepthQueriesTests : DatabaseTestBase
{
    private OmocQueries queries = null!;
    private OmocCommands commands = null!;

    protected override async Task ArrangeAsync()
    {
        await OmocTestProjects.SaveDemoAsync(Database, withPlanActions: true, Token);
        queries = new OmocQueries(Database.Factory);
        commands = OmocTestProjects.Commands(Database);
    }

    private async Task<int> ProjectIdAsync(string name) => (await queries.ListProjectsAsync(Token)).Single(p => p.Name == name).Id;

    [Fact]
    public async Task GetSociodynamicMap_Demo_TwoReadingsPerActorPositionsBalanceAndImpact()
    {
        var map = (await queries.GetSociodynamicMapAsync(await ProjectIdAsync("Nouveau logiciel de caisse"), Token))!;

        Assert.All(map.Actors, a => Assert.Equal(2, a.Ratings.Count));
        var sellers = map.Actors.Single(a => a.Actor.Name == "Vendeurs en magasin");
        Assert.Equal((SociodynamicPosition.Grumbler, SociodynamicPosition.GoldenTriangle), (sellers.Previous!.Position, sellers.Position));
        Assert.Equal(420, sellers.Actor.Weight);
        Assert.Equal(2.0m, sellers.ImpactIndex); // latest completed OMOC assessment (three-month review)
        var delegate_ = map.Actors.Single(a => a.Actor.Name == "Délégué du personnel");
        Assert.Equal((1, SociodynamicPosition.Opponent), (delegate_.Actor.Weight, delegate_.Position));
        // Allies: sellers 420 + managers 48 + sponsor 1; opponents: the delegate 1.
        Assert.Equal((469, 1, 468), (map.Balance.AlliesWeight, map.Balance.OpponentsWeight, map.Balance.Balance));
    }

    [Fact]
    public async Task CreateActorAndAssess_PersonThenReading_PlacedInItsZone_SamePopulationTwiceRefused()
    {
        var projectId = await ProjectIdAsync("Parcours client omnicanal");
        var created = await commands.CreateActorAsync(projectId,
            new SociodynamicActorInput(null, " Responsable logistique ", "Relais terrain"), "alice", Token);
        Assert.True(created.Succeeded);
        var missing = await commands.AssessActorAsync(new SociodynamicAssessmentInput(created.Id!.Value, new DateOnly(2026, 10, 1), 3, 3, "  "),
            "alice", Token);
        Assert.Equal(OmocOutcome.Invalid, missing.Outcome);
        Assert.Equal("Justification", Assert.Single(missing.Errors).Field);

        var assessed = await commands.AssessActorAsync(new SociodynamicAssessmentInput(created.Id!.Value,
            new DateOnly(2026, 10, 1), 4, 3, "A lancé seul un pilote de nuit"), "alice", Token);
        Assert.True(assessed.Succeeded);
        var map = (await queries.GetSociodynamicMapAsync(projectId, Token))!;
        var actor = map.Actors.Single(a => a.Actor.Id == created.Id);
        Assert.Equal(("Responsable logistique", SociodynamicPosition.GoldenTriangle, "alice"),
            (actor.Actor.Name, actor.Position!.Value, actor.Latest!.RecordedBy));

        var pickers = map.Actors.Single(a => a.Actor.Name == "Préparateurs de commandes").Actor.PopulationId!.Value;
        var again = await commands.CreateActorAsync(projectId, new SociodynamicActorInput(pickers, null, null), "alice", Token);
        Assert.Equal(OmocOutcome.Invalid, again.Outcome);
        await using var db = Database.CreateContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == OmocCommands.ActorAssess, Token));
    }

    [Fact]
    public async Task GetSaturation_Demo_LyonSiteSaturatedInJune2026Only()
    {
        var map = await queries.GetSaturationAsync(ChangeLoadCalculator.DefaultThreshold, Token);

        Assert.Equal(3, map.Rows.Count);
        var saturated = map.Rows.SelectMany(r => r.Cells.Where(c => c.Saturated).Select(c => (r.Unit.Name, c.Month, c.Load))).ToList();
        Assert.Equal(("Site de Lyon (entrepôt et siège)", new DateOnly(2026, 6, 1), 6.1m), Assert.Single(saturated));
        var june = map.Rows.Single(r => r.Unit.Name.StartsWith("Site de Lyon", StringComparison.Ordinal)).Cells.Single(c =>
            c.Month == new DateOnly(2026, 6, 1));
        Assert.Equal([("Nouveau logiciel de caisse", 2.8m), ("Parcours client omnicanal", 3.3m)],
            june.Projects.Select(p => (p.Project.Name, p.ImpactIndex)));
    }

    [Fact]
    public async Task PopulationUnit_NameInAnyCase_LinksTheExistingUnit_EmptyUnlinks()
    {
        var projectId = await ProjectIdAsync("Parcours client omnicanal");
        var created = await commands.CreatePopulationAsync(projectId, new PopulationInput("Livreurs", 30, null, " relation CLIENT "), "alice", Token);
        Assert.True(created.Succeeded);
        var detail = (await queries.GetProjectAsync(projectId, Token))!;
        Assert.Equal("Relation client", detail.Populations.Single(p => p.Id == created.Id).OrganisationUnit);
        Assert.Equal(3, (await queries.ListOrganisationUnitsAsync(Token)).Count);

        Assert.True((await commands.UpdatePopulationAsync(created.Id!.Value,
            new PopulationInput("Livreurs", 30, null, ""), "alice", Token)).Succeeded);
        detail = (await queries.GetProjectAsync(projectId, Token))!;
        Assert.Null(detail.Populations.Single(p => p.Id == created.Id).OrganisationUnit);
    }

    [Fact]
    public async Task GetPlanWork_Demo_EveryStatusLateOnesFlagged()
    {
        var today = new DateOnly(2026, 12, 4);
        var checkout = await queries.GetPlanWorkAsync(await ProjectIdAsync("Nouveau logiciel de caisse"), today, Token);
        var omnichannel = await queries.GetPlanWorkAsync(await ProjectIdAsync("Parcours client omnicanal"), today, Token);
        var all = checkout.Actions.Concat(omnichannel.Actions).ToList();

        Assert.Equal(Enum.GetValues<PlanActionStatus>(), all.Select(a => a.Status).Distinct().Order());
        Assert.Equal(["Contrôleur de gestion", "Responsable entrepôt"], all.Where(a => a.IsLate).Select(a => a.Owner));
        var done = all.Single(a => a.Status == PlanActionStatus.Done);
        Assert.Equal(["Planned→InProgress", "InProgress→Done"],
            done.History.Where(h => h.OldValue is not null).Select(h => $"{h.OldValue}→{h.NewValue}"));
        Assert.All(checkout.Items, i => Assert.NotNull(i.Action)); // the checkout's two needs (accounting: tools, job) are taken up
    }

    [Fact]
    public async Task SavePlanAction_TakeUpThenChange_HistoryWhoWhenOldToNew()
    {
        var projectId = await ProjectIdAsync("Parcours client omnicanal");
        var need = (await queries.GetPlanWorkAsync(projectId, new DateOnly(2026, 12, 4), Token)).Items.First(i => i.Action is null).Need;

        var input = new PlanActionInput(need.Population.Id, need.Axis, "Claire", new DateOnly(2026, 12, 1), PlanActionStatus.Planned);
        Assert.True((await commands.SavePlanActionAsync(input, "alice", Token)).Succeeded);
        var late = (await queries.GetPlanWorkAsync(projectId, new DateOnly(2026, 12, 4), Token)).Items.Single(i => i.Need == need).Action!;
        Assert.True(late.IsLate);

        Assert.True((await commands.SavePlanActionAsync(input with { Status = PlanActionStatus.Done, Owner = "Karim" }, "bob", Token)).Succeeded);
        var action = (await queries.GetPlanWorkAsync(projectId, new DateOnly(2026, 12, 4), Token)).Items.Single(i => i.Need == need).Action!;
        Assert.False(action.IsLate);
        var changes = action.History.Where(h => h.ChangedBy == "bob").Select(h => (h.Field, h.OldValue, h.NewValue)).ToList();
        Assert.Equal([(PlanActionFields.Owner, "Claire", "Karim"), (PlanActionFields.Status, "Planned", "Done")], changes);
        Assert.Equal(DateTimeKind.Utc, action.History[0].ChangedAtUtc.Kind);

        var invalid = await commands.SavePlanActionAsync(input with { Owner = " " }, "bob", Token);
        Assert.Equal("Owner", Assert.Single(invalid.Errors).Field);
    }
}

/// <summary>Every test of <see cref="OmocDepthQueriesTests"/> on PostgreSQL.</summary>
public sealed class OmocDepthQueriesOnPostgresTests : OmocDepthQueriesTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

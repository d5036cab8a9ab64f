namespace CustomerInsight.Tests.Core.Omoc;

/// <summary>The queries over the demo company's two change projects, saved into a real SQLite file.</summary>
public class OmocQueriesTests : DatabaseTestBase
{
    private OmocQueries queries = null!;

    protected override async Task ArrangeAsync()
    {
        await OmocTestProjects.SaveDemoAsync(Database, withPlanActions: false, Token);
        queries = new OmocQueries(Database.Factory);
    }

    [Fact]
    public async Task ListProjects_Demo_TwoProjectsWithCounts()
    {
        var projects = await queries.ListProjectsAsync(Token);

        Assert.Equal(["Nouveau logiciel de caisse", "Parcours client omnicanal"], projects.Select(p => p.Name));
        var checkout = projects[0];
        Assert.Equal((4, 2, 6, new DateOnly(2026, 6, 9)),
            (checkout.PopulationCount, checkout.WorkshopCount, checkout.CompletedAssessmentCount, checkout.LastWorkshopDate));
    }

    [Fact]
    public async Task GetPopulation_DemoData_SomePopulationImpactGoesDown()
    {
        var populationIds = await PopulationIdsAsync();
        var trends = new List<PopulationTrend>();
        foreach (var id in populationIds)
        {
            trends.Add((await queries.GetPopulationAsync(id, Token))!.Trend);
        }

        var falling = trends.Where(t => t.ImpactChange < 0).ToList();
        Assert.NotEmpty(falling);
        var sellers = trends.Single(t => t.Population.Name == "Vendeurs en magasin" && t.Workshops[0].Title == "Atelier de cadrage");
        Assert.Equal([3.3m, 2.0m], sellers.ImpactIndexes);
        Assert.Equal([4, 2], sellers.Axes[0].Scores);
        Assert.True(sellers.Workshops[0].Date < sellers.Workshops[1].Date);
    }

    [Fact]
    public async Task GetProject_DemoData_TechniciansFlaggedVeryLow()
    {
        var projects = await queries.ListProjectsAsync(Token);
        var flags = new List<ScoredAssessment>();
        foreach (var project in projects)
        {
            flags.AddRange((await queries.GetProjectAsync(project.Id, Token))!.VeryLowFlags);
        }

        var flagged = Assert.Single(flags);
        Assert.Equal("Techniciens SAV", flagged.Population.Name);
        Assert.Equal(1.0m, flagged.Impact.Index);
    }

    [Fact]
    public async Task GetProject_Checkout_LatestCompletedDrivesHeatMapRadarAndPlan()
    {
        var id = (await queries.ListProjectsAsync(Token))[0].Id;
        var detail = (await queries.GetProjectAsync(id, Token))!;

        Assert.Equal(["Atelier de cadrage", "Bilan à trois mois"], detail.Workshops.Select(w => w.Workshop.Title));
        Assert.Equal((3, 2), (detail.Workshops[1].AssessmentCount, detail.Workshops[1].CompletedAssessmentCount));
        Assert.Equal(4, detail.HeatMap.Rows.Count);
        // Accounting's later assessment is a draft: the heat map keeps its completed one from the first workshop.
        var accounting = detail.HeatMap.Rows.Single(r => r.Population.Name == "Comptabilité");
        Assert.Equal("Atelier de cadrage", accounting.Assessment!.Workshop.Title);
        Assert.Equal([4, 3, 2, 2], accounting.Cells.Select(c => c.Score));
        Assert.Equal(4, detail.LatestRadar.Series.Count);
        // Top need: accounting's tools (4 × 22 = 88) and job (3 × 22 = 66); sellers and managers score ≤ 2 now.
        Assert.Equal([(OmocAxis.Tools, 88L), (OmocAxis.Job, 66L)], detail.Plan.Select(n => (n.Axis, n.Weight)));
    }

    [Fact]
    public async Task GetWorkshop_WithDraft_OneSheetPerPopulationAndEmptySheetForUnassessed()
    {
        await using var db = Database.CreateContext();
        var workshopId = await db.Workshops.Where(w => w.Title == "Bilan à trois mois").Select(w => w.Id).SingleAsync(Token);

        var detail = (await queries.GetWorkshopAsync(workshopId, Token))!;

        Assert.Equal(4, detail.Sheets.Count);
        var technicians = detail.Sheets.Single(s => s.Population.Name == "Techniciens SAV");
        Assert.Null(technicians.AssessmentId);
        Assert.Equal(0, technicians.Version);
        Assert.Equal(OmocScores.Empty, technicians.Scores);
        var accounting = detail.Sheets.Single(s => s.Population.Name == "Comptabilité");
        Assert.Equal(AssessmentStatus.Draft, accounting.Status);
        Assert.Equal(1, accounting.Version);
        Assert.Equal(3, detail.Radar.Series.Count);
    }

    [Fact]
    public async Task GetProject_Unknown_Null() => Assert.Null(await queries.GetProjectAsync(12345, Token));

    private async Task<List<int>> PopulationIdsAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Populations.Select(p => p.Id).ToListAsync(Token);
    }
}

/// <summary>Every test of <see cref="OmocQueriesTests"/> on PostgreSQL.</summary>
public sealed class OmocQueriesOnPostgresTests : OmocQueriesTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

namespace CustomerInsight.Tests.Integration;

/// <summary>The OMOC pages as the server renders them: edit controls for editors only, data of the demo projects.</summary>
[Collection(AppCollection.Name)]
public class OmocPagesTests(InsightAppFactory app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<(int ProjectId, int WorkshopId)> DemoProjectAsync()
    {
        var queries = app.Services.GetRequiredService<OmocQueries>();
        var project = (await queries.ListProjectsAsync(Token)).First(p => p.WorkshopCount > 0);
        var detail = await queries.GetProjectAsync(project.Id, Token);
        return (project.Id, detail!.Workshops[0].Workshop.Id);
    }

    [Theory]
    [InlineData(Roles.ChangeManager, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Executive, false)]
    [InlineData(Roles.Analyst, false)]
    public async Task ProjectAndWorkshopPages_ByRole_EditControlsOnlyForEditors(string role, bool editor)
    {
        var (projectId, workshopId) = await DemoProjectAsync();
        using var client = await app.CreateClientAsAsync(role);

        var list = await client.GetStringAsync("/omoc", Token);
        var project = await client.GetStringAsync($"/omoc/projects/{projectId}", Token);
        var workshop = await client.GetStringAsync($"/omoc/workshops/{workshopId}", Token);

        Assert.Contains("omoc-projects", list, StringComparison.Ordinal);
        Assert.Contains("omoc-heatmap", project, StringComparison.Ordinal);
        Assert.Contains("scoring-card-", workshop, StringComparison.Ordinal);
        Assert.Equal(editor, list.Contains("data-testid=\"new-project\"", StringComparison.Ordinal));
        Assert.Equal(editor, project.Contains("data-testid=\"new-workshop\"", StringComparison.Ordinal));
        Assert.Equal(editor, workshop.Contains("data-testid=\"complete\"", StringComparison.Ordinal));
        Assert.Equal(editor, workshop.Contains("type=\"radio\"", StringComparison.Ordinal));
        Assert.Equal(!editor, workshop.Contains("data-testid=\"read-only\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProjectPage_UnknownId_SaysNotFound()
    {
        var html = await app.GetStringAsAsync(Roles.Executive, "/omoc/projects/999999", Token);
        Assert.Contains("Projet introuvable", html, StringComparison.Ordinal);
    }
}

/// <summary>Every test of <see cref="OmocPagesTests"/> on the app over PostgreSQL.</summary>
[Collection(AppOnPostgresCollection.Name)]
public sealed class OmocPagesOnPostgresTests(PostgresAppFactory app) : OmocPagesTests(app);

namespace CustomerInsight.Tests.Integration;

/// <summary>
/// The sociodynamic map is for change managers and admins only, on the server: its page and its report sheet;
/// saturation is open to executives. Over the demo data of the app.
/// </summary>
[Collection(AppCollection.Name)]
public class OmocDepthAccessTests(InsightAppFactory app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<int> CheckoutIdAsync() =>
        (await app.Services.GetRequiredService<OmocQueries>().ListProjectsAsync(Token)).Single(p => p.Name == "Nouveau logiciel de caisse").Id;

    [Fact]
    public async Task Executive_MapRefused_SaturationShownWithTheSaturatedMonth()
    {
        var projectId = await CheckoutIdAsync();
        using var client = await app.CreateClientAsAsync(Roles.Executive);

        var map = await client.GetAsync($"/omoc/projects/{projectId}/sociodynamics", Token);
        Refusals.AssertAccessDenied(map);

        var saturation = WebUtility.HtmlDecode(await client.GetStringAsync("/omoc/saturation", Token));
        Assert.Contains("data-testid=\"saturation-heatmap\"", saturation, StringComparison.Ordinal);
        Assert.Contains("Site de Lyon (entrepôt et siège)", saturation, StringComparison.Ordinal);
        Assert.Contains("data-saturated=\"true\"", saturation, StringComparison.Ordinal);

        // The project page offers saturation to the executive, never the map.
        var project = await client.GetStringAsync($"/omoc/projects/{projectId}", Token);
        Assert.Contains("data-testid=\"saturation-link\"", project, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"sociodynamics-link\"", project, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeManager_MapPageShowsTheDemoActorsAndBalance()
    {
        var projectId = await CheckoutIdAsync();
        var html = WebUtility.HtmlDecode(await app.GetStringAsAsync(Roles.ChangeManager, $"/omoc/projects/{projectId}/sociodynamics", Token));
        Assert.Contains("Délégué du personnel", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"balance-value\"", html, StringComparison.Ordinal);
        Assert.Contains("+468", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.ChangeManager, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Analyst, false)]
    public async Task OmocReport_MapSheetOnlyForItsRoles_PlanActionsSheetForAll(string role, bool withMap)
    {
        var projectId = await CheckoutIdAsync();
        var response = await app.GetAsAsync(role, AppUrls.OmocWorkbook(projectId), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Token)));
        var names = book.Worksheets.Select(s => s.Name).ToList();
        var english = role == Roles.Admin && names.Contains("Summary");
        Assert.Equal(withMap, names.Contains(english ? "Sociodynamic map" : "Carte sociodynamique"));
        Assert.Contains(english ? "Plan actions" : "Actions du plan", names);
        var texts = book.Worksheets.SelectMany(s => s.CellsUsed()).Select(c => c.GetString()).ToList();
        Assert.Equal(withMap, texts.Contains("Délégué du personnel"));
    }

    [Fact]
    public async Task Executive_OmocReport_Refused()
    {
        var response = await app.GetAsAsync(Roles.Executive, AppUrls.OmocWorkbook(await CheckoutIdAsync()), Token);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>Every test of <see cref="OmocDepthAccessTests"/> on the app over PostgreSQL.</summary>
[Collection(AppOnPostgresCollection.Name)]
public sealed class OmocDepthAccessOnPostgresTests(PostgresAppFactory app) : OmocDepthAccessTests(app);

using Microsoft.Playwright;

namespace CustomerInsight.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class OmocBrowserTests(BrowserFixture fixture)
{
    private async Task<ChangeProjectDetail> DemoProjectAsync()
    {
        var queries = fixture.App.Services.GetRequiredService<OmocQueries>();
        var project = (await queries.ListProjectsAsync(TestContext.Current.CancellationToken)).First(p => p.PopulationCount >= 2);
        return (await queries.GetProjectAsync(project.Id, TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task ChangeManager_CreatesAndScoresAWorkshop_RadarHeatMapAndPlanUpdate()
    {
        fixture.RequireBrowser();
        var project = await DemoProjectAsync();
        var (first, second) = (project.Populations[0], project.Populations[1]);
        var page = await fixture.NewPageAsAsync(Roles.ChangeManager);
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "omoc-score-workshop", async () =>
        {
            await page.GotoAsync($"/omoc/projects/{project.Project.Id}");
            await WaitForChartAsync(page, "project-radar");
            await page.ClickAsync("[data-testid=new-workshop]");
            await BrowserFixture.Input(page, "workshop-title").FillAsync("Atelier de test navigateur");
            await BrowserFixture.Input(page, "workshop-date").FillAsync("31/12/2027");
            await BrowserFixture.Input(page, "workshop-date").PressAsync("Tab");
            await page.ClickAsync("[data-testid=dialog-save]");
            await page.ClickAsync("text=Atelier de test navigateur");
            // Navigation inside the live circuit: the workshop page is interactive at once.
            await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("/omoc/workshops/", StringComparison.Ordinal));

            await ScoreAsync(page, first.Id, 4);
            await ScoreAsync(page, second.Id, 3);

            // The workshop's radar shows both populations (the chart is updated after the save, asynchronously).
            const string RadarLabels =
                "() => { const c = Chart.getChart(document.querySelector('[data-testid=workshop-radar]')); " +
                "return c ? c.data.datasets.map(d => d.label) : []; }";
            await page.WaitForFunctionAsync($"() => ({RadarLabels})().length === 2");
            var labels = await page.EvaluateAsync<string[]>(RadarLabels);
            Assert.Equal([first.Name, second.Name], labels);

            await page.GotoAsync($"/omoc/projects/{project.Project.Id}");
            await WaitForChartAsync(page, "project-radar");
            await Assertions.Expect(page.Locator($"[data-testid=heatmap-row-{first.Id}] td[data-score='4']")).ToHaveCountAsync(4);
            await Assertions.Expect(page.Locator($"[data-testid=heatmap-row-{second.Id}] td[data-score='3']")).ToHaveCountAsync(4);
            await Assertions.Expect(page.Locator("[data-testid=omoc-plan] tbody tr").First).ToContainTextAsync(
                first.Headcount * 4 >= second.Headcount * 3 ? first.Name : second.Name);
            await page.WaitForFunctionAsync(
                "name => { const c = Chart.getChart(document.querySelector('[data-testid=project-radar]')); " +
                    "const d = c && c.data.datasets.find(s => s.label === name); return d && d.data.join() === '4,4,4,4'; }",
                first.Name);
        });
        await page.Context.CloseAsync();
    }

    /// <summary>A chart is drawn only once the circuit is interactive: a surer sign than the Blazor script being loaded.</summary>
    private static Task WaitForChartAsync(IPage page, string testId) =>
        page.WaitForFunctionAsync($"() => window.Chart && Chart.getChart(document.querySelector('[data-testid={testId}]')) !== undefined");

    private static async Task ScoreAsync(IPage page, int populationId, int score)
    {
        var card = page.Locator($"[data-testid=scoring-card-{populationId}]");
        foreach (var axis in OmocAxes.All)
        {
            await BrowserFixture.CheckRadioAsync(card, $"score-{axis}-{score}");
        }
        await Assertions.Expect(card.Locator("button[data-testid=complete]")).ToBeEnabledAsync();
        await card.Locator("button[data-testid=complete]").ClickAsync();
        await Assertions.Expect(card.Locator("[data-testid=status]")).ToContainTextAsync("Terminé");
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task ChangeManager_ScoringScale_ReadsOneToFourTopToBottomAtThisWidth(int width)
    {
        fixture.RequireBrowser();
        var project = await DemoProjectAsync();
        var page = await fixture.NewPageAsAsync(Roles.ChangeManager);
        await BrowserFixture.WithScreenshotOnFailureAsync(page, $"omoc-scoring-scale-{width}", async () =>
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync($"/omoc/workshops/{project.Workshops[0].Workshop.Id}");
            await BrowserFixture.WaitForCircuitAsync(page);
            var scale = page.Locator($"[data-testid=scoring-card-{project.Populations[0].Id}] [data-testid=scale-{OmocAxis.Job}]");
            await Assertions.Expect(scale).ToHaveAttributeAsync("role", "radiogroup");

            // Each option on its own line, below the one before: no row that wraps "1 2 3" then "4".
            var boxes = new List<LocatorBoundingBoxResult>();
            for (var score = OmocScores.MinScore; score <= OmocScores.MaxScore; score++)
            {
                boxes.Add((await scale.Locator($"label:has(input[data-testid=score-{OmocAxis.Job}-{score}])").BoundingBoxAsync())!);
            }
            for (var i = 1; i < boxes.Count; i++)
            {
                Assert.True(boxes[i].Y >= boxes[i - 1].Y + boxes[i - 1].Height - 1, $"option {i + 1} is not below option {i} at {width} px");
                Assert.InRange(boxes[i].X, boxes[0].X - 1, boxes[0].X + 1);
            }
        });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Executive_OmocPages_ReadOnly()
    {
        fixture.RequireBrowser();
        var project = await DemoProjectAsync();
        var page = await fixture.NewPageAsAsync(Roles.Executive, path: $"/omoc/projects/{project.Project.Id}");
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "omoc-executive-read-only", async () =>
        {
            await Assertions.Expect(page.Locator("[data-testid=omoc-heatmap]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=new-workshop], [data-testid=new-population]")).ToHaveCountAsync(0);

            await page.GotoAsync($"/omoc/workshops/{project.Workshops[0].Workshop.Id}");
            await BrowserFixture.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=read-only]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("input[type=radio]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=complete], [data-testid=save-draft]")).ToHaveCountAsync(0);
        });
        await page.Context.CloseAsync();
    }
}

/// <summary>Every test of <see cref="OmocBrowserTests"/> on the app over PostgreSQL.</summary>
[Collection(BrowserOnPostgresCollection.Name)]
public sealed class OmocBrowserOnPostgresTests(PostgresBrowserFixture fixture) : OmocBrowserTests(fixture);

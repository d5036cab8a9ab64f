using Microsoft.Playwright;

namespace CustomerInsight.Tests.Browser;

/// <summary>The sociodynamic map in Chromium: a change manager assesses an actor and sees it in its zone; an executive is refused it but reads
/// saturation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OmocDepthBrowserTests(BrowserFixture fixture)
{
    private async Task<int> OmnichannelIdAsync() =>
        (await fixture.App.Services.GetRequiredService<OmocQueries>().ListProjectsAsync(TestContext.Current.CancellationToken))
            .Single(p => p.Name == "Parcours client omnicanal").Id;

    [Fact]
    public async Task ChangeManager_AssessesAnActor_PlacedInTheZealousZone()
    {
        fixture.RequireBrowser();
        var projectId = await OmnichannelIdAsync();
        var map = (await fixture.App.Services.GetRequiredService<OmocQueries>().GetSociodynamicMapAsync(projectId,
            TestContext.Current.CancellationToken))!;
        var service = map.Actors.Single(a => a.Actor.Name == "Service client").Actor.Id;
        var page = await fixture.NewPageAsAsync(Roles.ChangeManager);
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "omoc-sociodynamics", async () =>
        {
            await page.GotoAsync($"/omoc/projects/{projectId}/sociodynamics");
            // The chart is drawn once the circuit is interactive: then the buttons answer.
            await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.querySelector('[data-testid=sociodynamic-map]')) !== " +
                "undefined");
            await page.ClickAsync($"[data-testid=assess-{service}]");
            var dialog = page.Locator(".mud-dialog");
            await BrowserFixture.CheckRadioAsync(dialog, "synergy-4");
            await BrowserFixture.CheckRadioAsync(dialog, "antagonism-1");
            await Assertions.Expect(page.Locator("[data-testid=sociodynamic-preview]")).ToContainTextAsync("Zélés");
            await page.Locator("textarea[data-testid=sociodynamic-justification], [data-testid=sociodynamic-justification] textarea").First
                .FillAsync("A proposé seul les nouveaux scripts d'appel");
            await page.ClickAsync("[data-testid=dialog-save]");

            await Assertions.Expect(page.Locator($"[data-testid=actor-position-{service}]")).ToHaveTextAsync("Zélés");
            await Assertions.Expect(page.Locator($"[data-testid=actor-position-{service}]")).ToHaveAttributeAsync("data-position", "Zealous");
            // On the map: the point sits in the cell synergy 4, antagonism 1.
            await page.WaitForFunctionAsync(
                "() => { const c = Chart.getChart(document.querySelector('[data-testid=sociodynamic-map]')); " +
                    "const d = c && c.data.datasets.find(s => s.label === 'Service client'); " +
                    "return d && Math.round(d.data[0].x) === 1 && Math.round(d.data[0].y) === 4; }");
        });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Executive_RefusedTheMap_ShownTheSaturationPage()
    {
        fixture.RequireBrowser();
        var projectId = await OmnichannelIdAsync();
        var page = await fixture.NewPageAsAsync(Roles.Executive);
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "omoc-saturation", async () =>
        {
            await page.GotoAsync($"/omoc/projects/{projectId}/sociodynamics");
            await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("AccessDenied", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator("[data-testid=sociodynamic-actors]")).ToHaveCountAsync(0);

            await page.GotoAsync("/omoc/saturation");
            await Assertions.Expect(page.Locator("[data-testid=saturation-heatmap]")).ToBeVisibleAsync();
            // Other browser tests score the shared demo app's populations too: at least the demo's Lyon June 2026 cell is saturated.
            await Assertions.Expect(page.Locator("td[data-saturated=true]").First).ToBeVisibleAsync();
        });
        await page.Context.CloseAsync();
    }
}

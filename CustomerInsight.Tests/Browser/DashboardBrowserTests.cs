using Microsoft.Playwright;

namespace CustomerInsight.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class DashboardBrowserTests(BrowserFixture fixture)
{
    /// <summary>The satisfaction block lists the themes that pull the NPS down and links to the satisfaction page of the same
    /// filters (the circuit's render draws it: the prerender only starts the figures).</summary>
    [Fact]
    public async Task Executive_SatisfactionBlockListsTheThemesThatPullNpsDown()
    {
        var page = await fixture.NewPageAsAsync(Roles.Executive, path: "/?period=last-year");
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "dashboard-top-themes", async () =>
        {
            var block = page.Locator("[data-testid=top-themes]");
            await Assertions.Expect(block).ToBeVisibleAsync();
            await Assertions.Expect(block.Locator("[data-testid=top-theme]").First).ToBeVisibleAsync();
            Assert.NotEmpty(await block.Locator("a[href='/satisfaction?period=last-year']").AllAsync());
        });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Executive_OpensSatisfaction_SeesNoComments()
    {
        var page = await fixture.NewPageAsAsync(Roles.Executive);
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "satisfaction-executive", async () =>
        {
            await page.GotoAsync("/satisfaction?period=last-year");
            await Assertions.Expect(page.Locator("[data-testid=comments-hidden]")).ToBeVisibleAsync();
            Assert.Empty(await page.Locator("[data-testid=comment-row]").AllAsync());
        });
        await page.Context.CloseAsync();
    }
}

/// <summary>Every test of <see cref="DashboardBrowserTests"/> on the app over PostgreSQL.</summary>
[Collection(BrowserOnPostgresCollection.Name)]
public sealed class DashboardBrowserOnPostgresTests(PostgresBrowserFixture fixture) : DashboardBrowserTests(fixture);

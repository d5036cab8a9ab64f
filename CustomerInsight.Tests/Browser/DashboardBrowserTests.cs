using Microsoft.Playwright;

namespace CustomerInsight.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class DashboardBrowserTests(BrowserFixture fixture)
{
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

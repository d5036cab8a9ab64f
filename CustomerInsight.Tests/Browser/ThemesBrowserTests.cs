using Microsoft.Playwright;

namespace CustomerInsight.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ThemesBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Analyst_FromSatisfactionPageThemeToItsComments_WordsHighlighted()
    {
        var page = await fixture.NewPageAsAsync(Roles.Analyst, path: "/satisfaction?period=last-year");
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "themes-drill-down", async () =>
        {
            var row = page.Locator("[data-testid=theme-row-delivery]");
            await Assertions.Expect(row).ToBeVisibleAsync();
            var mentions = (await row.Locator("td").Nth(1).InnerTextAsync()).Trim();

            await page.ClickAsync("[data-testid=theme-link-delivery]");
            await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("/satisfaction/themes/delivery?period=last-year", StringComparison.Ordinal));

            await Assertions.Expect(page.Locator("[data-testid=theme-comments-title]")).ToContainTextAsync("Livraison");
            // The page counts as many comments as the satisfaction page's theme row said.
            await Assertions.Expect(page.Locator("[data-testid=theme-comments-total]")).ToContainTextAsync(mentions + " commentaires");
            var first = page.Locator("[data-testid=theme-comment]").First;
            await Assertions.Expect(first).ToBeVisibleAsync();
            var hit = first.Locator("mark[data-testid=theme-hit]").First;
            await Assertions.Expect(hit).ToBeVisibleAsync();
            Assert.Matches("(?i)^(livr|colis|transporteur|d[ée]lai|retrait|retard|deliver|shipp|parcel|courier|late|delay)",
                (await hit.InnerTextAsync()).Trim());
        });
        await page.Context.CloseAsync();
    }
}

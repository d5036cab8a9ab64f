using Microsoft.Playwright;

namespace CustomerInsight.Tests.Browser;

/// <summary>Issue 19's flow in Chromium: an analyst builds "Deux profils", refines it into a second version, exports an audience.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CustomSegmentsBrowserTests(BrowserFixture fixture)
{
    private static async Task FillAsync(IPage page, string testId, string value)
    {
        var input = BrowserFixture.Input(page, testId);
        await input.FillAsync(value);
        // MudTextField takes the value on change: leaving the field sends it.
        await input.PressAsync("Tab");
    }

    [Fact]
    public async Task Analyst_BuildsTwoProfiles_RefinesIntoVersion2_DownloadsTheAudience()
    {
        var page = await fixture.NewPageAsAsync(Roles.Analyst, path: "/segments/custom");
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "custom-segments", async () =>
        {
            var firstCount = page.Locator("[data-testid=segment-0-count]");
            await Assertions.Expect(firstCount).ToContainTextAsync("client");

            await FillAsync(page, "segmentation-name", "Deux profils");
            await FillAsync(page, "segment-0-name", "Récents");
            await page.Locator("[data-testid=segment-add]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=segment-1]").First).ToBeVisibleAsync();
            await FillAsync(page, "segment-1-name", "Les autres");
            await FillAsync(page, "cond-1-0-0-value", "1");
            // Everyone scored is in one of the two profiles: nobody left over.
            await Assertions.Expect(page.Locator("[data-testid=segmentation-live-total]")).ToContainTextAsync(", 0 dans aucun segment");
            await FillAsync(page, "segmentation-reason", "Deux profils pour commencer");
            await page.ClickAsync("[data-testid=segmentation-save]");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/segments/custom\\?segmentation=deux-profils"));
            await Assertions.Expect(page.Locator("[data-testid=segmentation-in-use]")).ToContainTextAsync("Deux profils, version 1");
            var before = (await firstCount.InnerTextAsync()).Trim();

            // Version 2: only the most recent customers (R score 5) in the first profile.
            await FillAsync(page, "cond-0-0-0-value", "5");
            await Assertions.Expect(firstCount).Not.ToHaveTextAsync(before);
            await FillAsync(page, "segmentation-reason", "Seulement les plus récents");
            await page.ClickAsync("[data-testid=segmentation-save]");
            await Assertions.Expect(page.Locator("[data-testid=segmentation-saved]")).ToContainTextAsync("Version 2 enregistrée.");
            await Assertions.Expect(page.Locator("[data-testid=segmentation-version]")).ToHaveCountAsync(2);

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=audience-download]"));

            Assert.Matches("^audience-deux-profils-v2-recents-emailmarketing-[0-9]{4}-[0-9]{2}-[0-9]{2}\\.xlsx$", download.SuggestedFilename);
            var path = Path.Combine(Path.GetTempPath(), $"ci-download-{Guid.NewGuid():N}.xlsx");
            try
            {
                await download.SaveAsAsync(path);
                using var book = new XLWorkbook(path);
                var sheet = book.Worksheets.Single();
                Assert.Equal("Clé client", sheet.Tables.Single().HeadersRow().Cell(1).GetString());
                Assert.Contains(sheet.CellsUsed(), c => c.GetString().Contains("Deux profils (v2)", StringComparison.Ordinal));
            }
            finally
            {
                File.Delete(path);
            }
        });
        await page.Context.CloseAsync();
    }
}

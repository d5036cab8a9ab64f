using Microsoft.Playwright;

namespace CustomerInsight.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class DataPageBrowserTests(BrowserFixture fixture)
{
    private const string SmallFile = """
        OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice
        BROWSER-1,BROWSER-C1,2024-03-15 10:00,Web,Sale,P1,Mug,2,3.50
        BROWSER-1,BROWSER-C1,2024-03-15 10:00,Web,Sale,P2,Cup,1,1.25
        BROWSER-2,,2024-03-16 11:00,Store,Sale,P1,Mug,1,3.50
        """;

    /// <summary>Uploads and imports share two cores with the rest of the suite: wait longer than Playwright's 5 s.</summary>
    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 20_000 };

    [Fact]
    public async Task Upload_AsAnalyst_PreviewsImportsAndShowsTheReportAndHistory()
    {
        var page = await fixture.NewPageAsAsync(Roles.Analyst, path: "/data");
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "data-upload-analyst", async () =>
        {
            // The upload only works once the circuit is up and the file input initialised (the prerendered picker is disabled).
            await page.WaitForSelectorAsync("[data-ready=true]");

            await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = "browser-lines.csv",
                MimeType = "text/csv",
                Buffer = System.Text.Encoding.UTF8.GetBytes(SmallFile),
            });

            await Assertions.Expect(page.Locator("[data-testid=import-preview]")).ToContainTextAsync("BROWSER-C1", Slow);
            await Assertions.Expect(page.Locator("[data-testid=import-separator]")).ToContainTextAsync(",", Slow);
            await page.ClickAsync("[data-testid=import-start]");

            await Assertions.Expect(page.Locator("[data-testid=import-status]")).ToContainTextAsync("Importé", Slow);
            await Assertions.Expect(page.Locator("[data-testid=rows-imported]")).ToHaveTextAsync("3", new() { Timeout = 20_000 });
            await Assertions.Expect(page.Locator("[data-testid=import-history-row]").First).ToContainTextAsync("browser-lines.csv", Slow);
        });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OpenData_AsExecutive_ShowsNotAllowed()
    {
        var page = await fixture.NewPageAsAsync(Roles.Executive);
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "data-executive", async () =>
        {
            await page.GotoAsync("/data");

            await Assertions.Expect(page.Locator("[data-testid=not-allowed]")).ToBeVisibleAsync();
            Assert.Equal(0, await page.Locator("input[type=file]").CountAsync());
        });
        await page.Context.CloseAsync();
    }
}

/// <summary>Every test of <see cref="DataPageBrowserTests"/> on the app over PostgreSQL.</summary>
[Collection(BrowserOnPostgresCollection.Name)]
public sealed class DataPageBrowserOnPostgresTests(PostgresBrowserFixture fixture) : DataPageBrowserTests(fixture);

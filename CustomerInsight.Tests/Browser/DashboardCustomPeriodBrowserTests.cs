using Microsoft.Playwright;

namespace CustomerInsight.Tests.Browser;

/// <summary>One convention for custom periods in the real app: the URL's <c>to</c> is the last day included, as the picker shows it; a reversed range
/// says so.</summary>
[Collection(BrowserCollection.Name)]
public class DashboardCustomPeriodBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Executive_CustomPeriodInTheUrl_PickerShowsTheSameLastDay_ReversedRangeSaysSo()
    {
        var page = await fixture.NewPageAsAsync(Roles.Executive);
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "dashboard-custom-period", async () =>
        {
            await page.GotoAsync("/?period=custom&from=2026-09-01&to=2026-09-30");
            await Assertions.Expect(page.Locator("[data-testid=kpi-Orders] [data-testid=kpi-value]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=filter-period-text]")).ToContainTextAsync("Du 01/09/2026 au 30/09/2026");
            await Assertions.Expect(page.Locator("[data-testid=filter-to] input, input[data-testid=filter-to]").First).ToHaveValueAsync("30/09/2026");

            await page.GotoAsync("/?period=custom&from=2026-09-30&to=2026-09-01");
            await Assertions.Expect(page.Locator("[data-testid=filter-reversed]")).ToContainTextAsync("Période inversée");
            await Assertions.Expect(page.Locator("[data-testid=kpi-cards]")).ToHaveCountAsync(0);
        });
        await page.Context.CloseAsync();
    }
}

/// <summary>Every test of <see cref="DashboardCustomPeriodBrowserTests"/> on the app over PostgreSQL.</summary>
[Collection(BrowserOnPostgresCollection.Name)]
public sealed class DashboardCustomPeriodBrowserOnPostgresTests(PostgresBrowserFixture fixture) : DashboardCustomPeriodBrowserTests(fixture);

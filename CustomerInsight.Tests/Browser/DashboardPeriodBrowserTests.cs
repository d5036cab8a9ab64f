using Microsoft.Playwright;

namespace CustomerInsight.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class DashboardPeriodBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Executive_ChangesThePeriod_FiguresAndUrlChange()
    {
        var page = await fixture.NewPageAsAsync(Roles.Executive);
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "dashboard-period", async () =>
        {
            var orders = page.Locator("[data-testid=kpi-Orders] [data-testid=kpi-value]");
            await Assertions.Expect(orders).ToBeVisibleAsync();
            var before = (await orders.InnerTextAsync()).Trim();
            var periodText = (await page.InnerTextAsync("[data-testid=filter-period-text]")).Trim();

            // The circuit is up and its components initialised (WaitForCircuitAsync): one click opens the list.
            var option = page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = "Année dernière" });
            await page.Locator("[data-testid=filter-bar] .mud-select").First.ClickAsync();
            await Assertions.Expect(option.First).ToBeVisibleAsync();
            await option.First.ClickAsync();

            await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("period=", StringComparison.Ordinal)
                && !url.Contains("last-30", StringComparison.OrdinalIgnoreCase));
            await Assertions.Expect(page.Locator("[data-testid=filter-period-text]")).Not.ToHaveTextAsync(periodText);
            await Assertions.Expect(orders).Not.ToHaveTextAsync(before);
        });
        await page.Context.CloseAsync();
    }
}

/// <summary>Every test of <see cref="DashboardPeriodBrowserTests"/> on the app over PostgreSQL.</summary>
[Collection(BrowserOnPostgresCollection.Name)]
public sealed class DashboardPeriodBrowserOnPostgresTests(PostgresBrowserFixture fixture) : DashboardPeriodBrowserTests(fixture);

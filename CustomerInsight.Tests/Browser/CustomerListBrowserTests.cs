using Microsoft.Playwright;

namespace CustomerInsight.Tests.Browser;

/// <summary>The customer list: a grid cell opens that cell's customers; search and filters live in the address.</summary>
[Collection(BrowserCollection.Name)]
public class CustomerListBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Analyst_GridCell_ThatCellsCustomers_SearchInTheUrl_BackReturns()
    {
        var page = await fixture.NewPageAsAsync(Roles.Analyst, path: "/segments");
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "customers-cell", async () =>
        {
            await Assertions.Expect(page.Locator("[data-testid=rfm-grid]")).ToBeVisibleAsync();
            // A cell with between 1 and 25 customers: all of them on the list's first page.
            var cell = await page.EvaluateAsync<string>("""
                () => [...document.querySelectorAll('[data-testid=rfm-grid] td')]
                  .find(td => { const n = parseInt(td.querySelector('.ci-heatmap-count').textContent.replace(/\s/g, '')); return n >= 1 && n <= 25; })
                  ?.dataset.testid
                """);
            Assert.NotNull(cell);
            var parts = cell.Split('-');
            var count = int.Parse((await page.Locator($"[data-testid={cell}] .ci-heatmap-count").InnerTextAsync()).Replace("\u202f",
                "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);

            await page.Locator($"[data-testid={cell}] a").ClickAsync();
            await BrowserFixture.WaitForUrlAsync(page, url => url.Contains($"&r={parts[2]}&f={parts[3]}", StringComparison.Ordinal)
                && !url.Contains("segment=", StringComparison.Ordinal));
            await BrowserFixture.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=cell-filter]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=customer-link]")).ToHaveCountAsync(count);
            var cellUrl = page.Url;

            var search = BrowserFixture.Input(page, "customer-search");
            await search.FillAsync("zzzz-nobody");
            await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("q=zzzz-nobody", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator("[data-testid=customer-link]")).ToHaveCountAsync(0);

            await page.GoBackAsync();
            await BrowserFixture.WaitForUrlAsync(page, url => url == cellUrl);
            await Assertions.Expect(page.Locator("[data-testid=customer-link]")).ToHaveCountAsync(count);
        });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Analyst_OnPageTwo_ChangingAFilter_ReturnsToTheFirstPage()
    {
        var page = await fixture.NewPageAsAsync(Roles.Analyst, path: "/customers");
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "customers-filter-first-page", async () =>
        {
            var caption = page.Locator("[data-testid=customer-grid] .mud-table-pagination-caption").Last;
            await Assertions.Expect(caption).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*1-25 "));

            await page.Locator("[data-testid=customer-grid] button[aria-label='Page suivante']").ClickAsync();
            await Assertions.Expect(caption).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*26-50 "));

            // France: still more than two pages, so a grid left on its second page would show 26-50 again.
            await page.Locator("[data-testid=country-filter]").ClickAsync();
            var option = page.Locator(".mud-popover-open .mud-list-item",
                new PageLocatorOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*France\\s*$") }).First;
            await Assertions.Expect(option).ToBeVisibleAsync();
            await option.ClickAsync();
            await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("country=France", StringComparison.Ordinal));
            await Assertions.Expect(caption).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*1-25 "));
            await Assertions.Expect(page.Locator("[data-testid=customer-link]").First).ToBeVisibleAsync();
        });
        await page.Context.CloseAsync();
    }
}

/// <summary>Every test of <see cref="CustomerListBrowserTests"/> on the app over PostgreSQL.</summary>
[Collection(BrowserOnPostgresCollection.Name)]
public sealed class CustomerListBrowserOnPostgresTests(PostgresBrowserFixture fixture) : CustomerListBrowserTests(fixture);

using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CustomerInsight.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class SegmentsBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Analyst_SegmentsThenSegmentThenCustomer_Opens360()
    {
        var page = await fixture.NewPageAsAsync(Roles.Analyst, path: "/segments");
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "segments-analyst", async () =>
        {
            await Assertions.Expect(page.Locator("[data-testid=rfm-grid]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=segment-table]")).ToBeVisibleAsync();

            // A segment's name in the summary table links to that segment's customer list (a grid cell opens its cell's: CustomerListBrowserTests).
            var link = page.Locator("[data-testid=segment-table] a").First;
            await link.ClickAsync();
            await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("/customers?segment=", StringComparison.Ordinal));
            await BrowserFixture.WaitForCircuitAsync(page);

            var customer = page.Locator("[data-testid=customer-link]").First;
            await Assertions.Expect(customer).ToBeVisibleAsync();
            await customer.ClickAsync();
            await BrowserFixture.WaitForUrlAsync(page, url => System.Text.RegularExpressions.Regex.IsMatch(url, "/customers/[0-9]+$"));
            await Assertions.Expect(page.Locator("[data-testid=customer-profile]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=customer-rfm]")).ToBeVisibleAsync();
        });
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/customers")]
    [InlineData("/customers/1")]
    public async Task Executive_CustomerPages_Refused(string path)
    {
        var page = await fixture.NewPageAsAsync(Roles.Executive);
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "customers-executive", async () =>
        {
            await page.GotoAsync(path);
            await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("AccessDenied", StringComparison.Ordinal) || url.EndsWith(path, StringComparison.Ordinal));
            await Assertions.Expect(page.Locator("[data-testid=not-allowed]")).ToBeVisibleAsync();
            Assert.Equal(0, await page.Locator("[data-testid=customer-grid], [data-testid=customer-profile]").CountAsync());
        });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Executive_Segments_AggregatesWithoutCustomerLinks()
    {
        var page = await fixture.NewPageAsAsync(Roles.Executive);
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "segments-executive", async () =>
        {
            await page.GotoAsync("/segments");
            await Assertions.Expect(page.Locator("[data-testid=rfm-grid]")).ToBeVisibleAsync();
            Assert.Equal(0, await page.Locator("[data-testid=rfm-grid] a, [data-testid=segment-table] a").CountAsync());
        });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Executive_French_ChartAxesFormatNumbersInFrench()
    {
        // An English browser: Chart.js would follow it ("1,200") without the culture in the chart's options.
        var page = await fixture.NewPageAsAsync(Roles.Executive, browserLocale: "en-US", path: "/segments");
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "segments-chart-locale", async () =>
        {
            var canvas = page.Locator("[data-testid=segments-flow-chart]");
            await Assertions.Expect(canvas).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("c => Chart.getChart(c) !== undefined", await canvas.ElementHandleAsync());

            // 1200 through the value axis's own tick formatter, as Chart.js labels the axis.
            var tick = await canvas.EvaluateAsync<string>("""
                c => {
                  const axis = Chart.getChart(c).scales.x;
                  return axis.options.ticks.callback.call(axis, 1200, 0, [{ value: 1000 }, { value: 1200 }]);
                }
                """);
            Assert.Equal("1\u202f200", tick);
        });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Executive_PicksAnAnalysisDate_UrlAndFiguresFollow_BackReturns()
    {
        var page = await fixture.NewPageAsAsync(Roles.Executive, path: "/segments");
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "segments-date", async () =>
        {
            var scored = page.Locator("[data-testid=segments-scored]");
            await Assertions.Expect(page.Locator("[data-testid=migration-matrix]")).ToBeVisibleAsync();
            var atDefault = await scored.TextContentAsync();

            var input = BrowserFixture.Input(page, "analysis-date");
            await input.FillAsync("01/01/2025");
            await input.PressAsync("Tab");

            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/segments\\?date=2025-01-01$")); // same-document: poll the address
            await Assertions.Expect(scored).Not.ToHaveTextAsync(atDefault!);
            await Assertions.Expect(BrowserFixture.Input(page, "migration-from")).ToHaveValueAsync("01/07/2024");
            await Assertions.Expect(page.Locator("[data-testid=migration-matrix]")).ToBeVisibleAsync();

            await page.GoBackAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/segments$"));
            await Assertions.Expect(scored).ToHaveTextAsync(atDefault!);

            // The calendar opens at its full width (seven columns and the month arrows), not clipped to the field's.
            await page.Locator(".mud-picker:has(input[data-testid=analysis-date]) button").First.ClickAsync();
            var calendar = page.Locator(".mud-picker-popover-paper").First;
            await Assertions.Expect(calendar).ToBeVisibleAsync();
            Assert.True((await calendar.BoundingBoxAsync())!.Width >= 280, "calendar clipped");
        });
        await page.Context.CloseAsync();
    }
}

/// <summary>Every test of <see cref="SegmentsBrowserTests"/> on the app over PostgreSQL.</summary>
[Collection(BrowserOnPostgresCollection.Name)]
public sealed class SegmentsBrowserOnPostgresTests(PostgresBrowserFixture fixture) : SegmentsBrowserTests(fixture);

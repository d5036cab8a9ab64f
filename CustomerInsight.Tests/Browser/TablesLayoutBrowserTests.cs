using Microsoft.Playwright;

namespace CustomerInsight.Tests.Browser;

/// <summary>
/// Tables fit their panel from 1280 px wide (no sideways scroll, no cell cut), and on a phone the R×F grid never
/// breaks a segment name inside a word.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TablesLayoutBrowserTests(BrowserFixture fixture)
{
    /// <summary>For each table matching the selector: its full width, the width inside its panel, and how many cells are cut.</summary>
    private const string Measure = """
        sel => [...document.querySelectorAll(sel)].map(t => {
          const panel = t.closest('.mud-paper') ?? t.parentElement;
          const style = getComputedStyle(panel);
          const room = panel.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          const cut = [...t.querySelectorAll('th, td')].filter(c => c.scrollWidth > c.clientWidth + 1).length;
          return [t.scrollWidth, Math.floor(room), cut];
        })
        """;

    /// <summary>Words of the grid's segment names drawn on more than one line.</summary>
    private const string BrokenWords = """
        () => {
          const broken = [];
          for (const name of document.querySelectorAll('[data-testid=rfm-grid] .ci-heatmap-name')) {
            const walker = document.createTreeWalker(name, NodeFilter.SHOW_TEXT);
            for (let text = walker.nextNode(); text; text = walker.nextNode()) {
              for (const m of text.textContent.matchAll(/\S+/g)) {
                const range = document.createRange();
                range.setStart(text, m.index);
                range.setEnd(text, m.index + m[0].length);
                const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                if (lines.size > 1) broken.push(m[0]);
              }
            }
          }
          return broken;
        }
        """;

    [Theory]
    [InlineData(1280)]
    [InlineData(1440)]
    public async Task Analyst_Wide_SegmentTablesAndChannelTableFitTheirPanel(int width)
    {
        var page = await fixture.NewPageAsAsync(Roles.Analyst);
        await BrowserFixture.WithScreenshotOnFailureAsync(page, $"tables-{width}", async () =>
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync("/segments");
            await BrowserFixture.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=migration-matrix]")).ToBeVisibleAsync();
            await AssertFitsAsync(page, "[data-testid=segment-table] table", width);
            await AssertFitsAsync(page, "[data-testid=migration-matrix] table", width);
            await AssertFitsAsync(page, "table[data-testid=rfm-grid]", width);

            // A custom period of a whole year: the largest amounts of the demo company.
            await page.GotoAsync("/?period=custom&from=2024-01-01&to=2025-01-01");
            await BrowserFixture.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=channel-breakdown] table")).ToBeVisibleAsync();
            await AssertFitsAsync(page, "[data-testid=channel-breakdown] table", width);
        });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Executive_Phone_GridNamesNeverBrokenInsideAWord()
    {
        var page = await fixture.NewPageAsAsync(Roles.Executive);
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "grid-390", async () =>
        {
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync("/segments");
            await BrowserFixture.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=rfm-grid] .ci-heatmap-name").First).ToBeVisibleAsync();

            Assert.Equal(25, await page.Locator("[data-testid=rfm-grid] .ci-heatmap-name").CountAsync());
            Assert.Empty(await page.EvaluateAsync<string[]>(BrokenWords));
        });
        await page.Context.CloseAsync();
    }

    private static async Task AssertFitsAsync(IPage page, string selector, int width)
    {
        var tables = await page.EvaluateAsync<int[][]>(Measure, selector);
        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            Assert.True(table[0] <= table[1] && table[2] == 0,
                $"{selector} at {width} px: {table[0]} px wide for {table[1]} px of room, {table[2]} cells cut");
        }
    }
}

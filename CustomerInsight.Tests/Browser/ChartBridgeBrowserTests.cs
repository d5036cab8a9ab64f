namespace CustomerInsight.Tests.Browser;

/// <summary>The Chart.js bridge (<c>wwwroot/js/charts.js</c>) in the real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChartBridgeBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Create_OnACanvasNoLongerInThePage_DrawsNothingAndDoesNotThrow()
    {
        // A user who leaves a page before its charts are drawn: the chart component's create call then
        // reaches the browser with a canvas that is gone (null) or detached. It used to throw inside
        // Chart.js, and the error boundary replaced the next page with "Un problème est survenu".
        var page = await fixture.NewPageAsAsync(Roles.Executive);
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "chart-bridge-detached", async () =>
        {
            var result = await page.EvaluateAsync<string>("""
                async () => {
                  const bridge = await import('/js/charts.js');
                  const json = JSON.stringify({ type: 'bar', data: { labels: ['a'], datasets: [{ label: 'x', data: [1] }] } });
                  const detached = document.createElement('canvas');
                  try {
                    bridge.create(null, 'test-null', json);
                    bridge.create(detached, 'test-detached', json);
                  } catch (e) {
                    return 'threw: ' + e.message;
                  }
                  return Chart.getChart(detached) === undefined ? 'nothing drawn' : 'drawn on a detached canvas';
                }
                """);
            Assert.Equal("nothing drawn", result);
        });
        await page.Context.CloseAsync();
    }
}

using Microsoft.JSInterop;

namespace CustomerInsight.Web.Components.Charts;

/// <summary>
/// The one chart component: draws a <see cref="ChartConfig"/> with Chart.js on a canvas, updates
/// the chart in place when the configuration changes, destroys it on dispose.
/// </summary>
public sealed partial class ChartJs
{
    public const string ModulePath = "./js/charts.js";

    private readonly string id = "chart-" + Guid.NewGuid().ToString("N");
    private ElementReference canvas;
    private IJSObjectReference? module;
    private string? drawnJson;
    private bool disposed;

    [Inject]
    public required IJSRuntime JS { get; set; }

    [Parameter, EditorRequired]
    public required ChartConfig Config { get; set; }

    /// <summary>CSS height of the drawing area.</summary>
    [Parameter]
    public string Height { get; set; } = "320px";

    /// <summary>What the chart shows, for screen readers.</summary>
    [Parameter, EditorRequired]
    public required string AriaLabel { get; set; }

    [Parameter]
    public string? TestId { get; set; }

    /// <summary>Called once the browser shows the chart as configured (after each render that created, updated or kept it).</summary>
    [Parameter]
    public Action? Drawn { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        var json = Config.ToJson();
        if (firstRender)
        {
            module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            if (disposed)
            {
                // The page was left while the module loaded: no canvas to draw on any more.
                await module.DisposeAsync();
                module = null;
                return;
            }
            await module.InvokeVoidAsync("create", canvas, id, json);
            drawnJson = json;
        }
        else if (module is not null && json != drawnJson)
        {
            await module.InvokeVoidAsync("update", id, json);
            drawnJson = json;
        }
        if (module is not null)
        {
            Drawn?.Invoke();
        }
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        if (module is null)
        {
            return;
        }
        try
        {
            await module.InvokeVoidAsync("destroy", id);
            await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone: the browser already dropped the canvas and its chart.
        }
    }
}

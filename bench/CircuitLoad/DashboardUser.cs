using System.Diagnostics;

namespace CustomerInsight.CircuitLoad;

/// <summary>
/// What a dashboard user does: looks at the live page's KPI cards and changes its channel filter (the MudSelect: a
/// mouse-down on the field opens its list, a click on a channel chooses it; the page navigates to the new filter and
/// renders its figures).
/// </summary>
public static class DashboardUser
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The interactive layout is up and the KPI cards are shown, with no load under way.</summary>
    public static bool IsReady(ClientDom dom)
    {
        bool interactive = false, cards = false;
        foreach (var element in dom.Elements())
        {
            interactive |= element.Attribute("data-interactive") == "true" && element.HasClass("mud-layout");
            switch (element.Attribute("data-testid"))
            {
                case "kpi-cards":
                    cards = true;
                    break;
                case "dashboard-loading":
                    return false;
            }
        }
        return interactive && cards;
    }

    /// <summary>The text of the KPI cards (their titles, values and changes).</summary>
    public static string? Figures(ClientDom dom) => dom.ByTestId("kpi-cards")?.TextContent();

    /// <summary>The value the KPI card of <paramref name="kpi"/> shows (e.g. "Orders": its figure, as the page formats it).</summary>
    public static string? CardText(ClientDom dom, string kpi) => dom.ByTestId("kpi-" + kpi)?.TextContent();

    /// <summary>The channel select's mouse-down handler (opens its list).</summary>
    private static ulong? OpenHandler(ClientDom dom) =>
        dom.ByTestId("filter-channel")?.Ancestors().OfType<ElementNode>()
            .Select(e => e.EventHandlers.TryGetValue("onmousedown", out var id) ? id : (ulong?)null)
            .FirstOrDefault(id => id is not null);

    /// <summary>The items of the open list: their labels and click handlers.</summary>
    private static List<(string Label, ulong Handler)> Items(ClientDom dom) =>
        dom.Elements()
            .Where(e => e.HasClass("mud-list-item") && e.EventHandlers.ContainsKey("onclick"))
            .Select(e => (e.TextContent().Trim(), e.EventHandlers["onclick"]))
            .ToList();

    /// <summary>The label the channel select shows.</summary>
    public static string? ChannelShown(ClientDom dom) => dom.ByTestId("filter-channel")?.TextContent().Trim();

    /// <summary>
    /// Opens the channel select, chooses <paramref name="label"/> (null: the item after the one shown, so every change is
    /// a new filter), and waits for the page to show the figures of the new filter; returns the time from the choice to
    /// the render batch that shows them.
    /// </summary>
    public static async Task<TimeSpan> ChangeChannelAsync(BlazorCircuit circuit, string? label, CancellationToken cancellationToken)
    {
        var open = circuit.Read(OpenHandler) ?? throw new InvalidOperationException("No channel select on the page.");
        var listed = circuit.WaitForAsync(dom => Items(dom).Count > 1, StepTimeout, cancellationToken);
        await circuit.DispatchAsync(open, "mousedown", BlazorCircuit.Mouse("mousedown"), cancellationToken);
        await listed;
        var (item, before, location) = circuit.Read(dom =>
        {
            var items = Items(dom);
            var shown = ChannelShown(dom);
            var index = label is null ? (items.FindIndex(i => i.Label == shown) + 1) % items.Count : items.FindIndex(i => i.Label == label);
            if (index < 0)
            {
                throw new InvalidOperationException($"The channel list has no \"{label}\" ({string.Join(", ", items.Select(i => i.Label))}).");
            }
            return (items[index].Handler, Figures(dom), circuit.Location);
        });
        var clock = Stopwatch.StartNew();
        var answered = circuit.WaitForAsync(dom => circuit.Location != location && IsReady(dom) && Figures(dom) != before, StepTimeout,
            cancellationToken);
        await circuit.DispatchAsync(item, "click", BlazorCircuit.Mouse("click"), cancellationToken);
        await answered;
        return clock.Elapsed;
    }
}

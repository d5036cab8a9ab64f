using CustomerInsight.CircuitLoad;

namespace CustomerInsight.Tests.Integration;

/// <summary>
/// The headless client of bench/circuits.sh (bench/CircuitLoad) against the real app on a loopback port: it signs in,
/// starts a dashboard circuit from the prerendered markers, reads the render batches into the page, and a channel change
/// dispatched to the handler it found there is answered with that channel's figures. The load test stands on this.
/// </summary>
public sealed class CircuitClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly CultureInfo French = new("fr-FR");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string? OrdersShown(ClientDom dom) =>
        dom.ByTestId("kpi-Orders")?.Descendants().OfType<ElementNode>().FirstOrDefault(e =>
            e.Attribute("data-testid") == "kpi-value")?.TextContent().Trim();

    [Fact]
    public async Task ChangeChannel_OnALiveDashboardCircuit_RendersThatChannelsOrders()
    {
        await using var app = new InsightAppFactory();
        var address = app.StartKestrel();
        var kpis = app.Services.GetRequiredService<KpiQueries>();
        var period = PeriodPresets.Create(PeriodPreset.LastYear, (await kpis.GetLatestSaleDateAsync(Ct))!.Value);
        var all = (await kpis.GetSalesKpisAsync(period, null, cancellationToken: Ct)).Current.Orders;
        var web = (await kpis.GetSalesKpisAsync(period, Channel.Web, cancellationToken: Ct)).Current.Orders;
        Assert.NotEqual(all, web);

        await using var circuit = new BlazorCircuit(address);
        await circuit.SignInAsync(DemoAccounts.All.Single(a => a.Role == Roles.Executive).Email, DemoAccounts.Password, Ct);
        await circuit.StartAsync("/?period=last-year", DashboardUser.IsReady, Timeout, Ct);
        Assert.Equal(all.ToString("N0", French), circuit.Read(OrdersShown));
        Assert.Equal("Tous les canaux", circuit.Read(DashboardUser.ChannelShown));

        await DashboardUser.ChangeChannelAsync(circuit, "Web", Ct);

        Assert.Contains("channel=web", circuit.Location, StringComparison.Ordinal);
        Assert.Equal(web.ToString("N0", French), circuit.Read(OrdersShown));
        Assert.Equal("Web", circuit.Read(DashboardUser.ChannelShown));
        Assert.Empty(circuit.Errors);
    }
}

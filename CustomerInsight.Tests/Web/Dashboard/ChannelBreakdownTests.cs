using CustomerInsight.Web.Components.Pages.Dashboard;

namespace CustomerInsight.Tests.Web.Dashboard;

public sealed class ChannelBreakdownTests : BunitTestBase
{
    private static readonly IReadOnlyList<ChannelSales> Channels =
    [
        .. Enum.GetValues<Channel>().Select((c, i) => new ChannelSales(c, SalesTotals.FromMilli(10 * (i + 1), 100_000L * (i + 1), 0, 5 * (i + 1)))),
    ];

    [Fact]
    public void NoChannelFilter_EveryChannelNoNoteNoMark()
    {
        var table = Render<ChannelBreakdown>(p => p.Add(c => c.Channels, Channels));

        Assert.Equal(Channels.Count, table.FindAll("tbody tr").Count);
        Assert.Empty(table.FindAll("[data-testid=channel-breakdown-note]"));
        Assert.Empty(table.FindAll("tr.ci-selected-row"));
    }

    [Fact]
    public void ChannelFilter_EveryChannelStill_TheFilteredOneMarked_AndSaid()
    {
        var table = Render<ChannelBreakdown>(p => p.Add(c => c.Channels, Channels).Add(c => c.Selected, Channel.Store));

        Assert.Equal(Channels.Count, table.FindAll("tbody tr").Count);
        var marked = Assert.Single(table.FindAll("tr.ci-selected-row"));
        Assert.Equal("channel-Store", marked.GetAttribute("data-testid"));
        Assert.Equal("true", marked.GetAttribute("aria-current"));
        Assert.Contains("canal filtré", table.Find("[data-testid=channel-breakdown-note]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NoOrderInAnyChannel_SaysSoInsteadOfARowOfZeros()
    {
        IReadOnlyList<ChannelSales> none = [.. Enum.GetValues<Channel>().Select(c => new ChannelSales(c, SalesTotals.FromMilli(0, 0, 0, 0)))];

        var table = Render<ChannelBreakdown>(p => p.Add(c => c.Channels, none));

        Assert.Contains("Aucune commande sur la période", table.Find("[data-testid=channel-breakdown-empty]").TextContent, StringComparison.Ordinal);
        Assert.Empty(table.FindAll("tbody tr"));
    }
}

namespace CustomerInsight.Tests.Core.Omoc;

public sealed class GoLiveTrendTests
{
    private static SatisfactionKpis Nps(double nps) => new(40, 20, 10, 10, nps, null, false, 40, 30, 0.75, 4.0, false);

    [Fact]
    public void Windows_SixWholeMonthsBeforeTheGoLiveMonth_AndSixFromIt()
    {
        var goLive = new DateOnly(2026, 3, 2);

        Assert.Equal(Period.Range(new DateOnly(2025, 9, 1), new DateOnly(2026, 3, 1)), GoLiveTrend.Before(goLive));
        Assert.Equal(Period.Range(new DateOnly(2026, 3, 1), new DateOnly(2026, 9, 1)), GoLiveTrend.After(goLive));
    }

    [Fact]
    public void Build_TwelveMonthsWithFiguresGapsAndCoverage()
    {
        // Data from 16 October 2025 to 31 May 2026; go-live 2 March 2026.
        var sales = new List<MonthlySales>
        {
            new(202510, new SalesTotals(5, 500m, 0m, 500m, 100m, 4)),
            new(202604, new SalesTotals(8, 900m, -100m, 800m, 112.5m, 7)),
        };
        var satisfaction = new List<(int, SatisfactionKpis)> { (202604, Nps(25)) };

        var months = GoLiveTrend.Build(new DateOnly(2026, 3, 2), sales, satisfaction, new DateOnly(2025, 10, 16), new DateOnly(2026, 5, 31));

        Assert.Equal(12, months.Count);
        Assert.Equal(new DateOnly(2025, 9, 1), months[0].Month);
        Assert.Equal(new DateOnly(2026, 8, 1), months[11].Month);
        Assert.Equal(6, months.Count(m => !m.AfterGoLive));
        Assert.True(months[6].AfterGoLive);
        Assert.Equal(new DateOnly(2026, 3, 1), months[6].Month);

        Assert.Equal((5L, 500m), (months[1].Orders, months[1].NetRevenue));
        Assert.Equal((8L, 800m, 25d, 0.75), (months[7].Orders, months[7].NetRevenue, months[7].Nps, months[7].Csat));
        Assert.Equal((0L, 0m, (double?)null), (months[2].Orders, months[2].NetRevenue, months[2].Nps));

        // Months: September none, October 16 of 31 days, November full; June–August none.
        Assert.Equal(0, months[0].Coverage);
        Assert.Equal(16d / 31, months[1].Coverage, 12);
        Assert.Equal(1, months[2].Coverage);
        Assert.Equal(0, months[9].Coverage);
        // Before: 16 Oct 2025 – 28 Feb 2026 = 136 of the 181 days of September – February; after: March – May = 92 of 184.
        Assert.All(months.Take(6), m => Assert.Equal(136d / 181, m.SideCoverage, 12));
        Assert.All(months.Skip(6), m => Assert.Equal(92d / 184, m.SideCoverage, 12));
    }
}

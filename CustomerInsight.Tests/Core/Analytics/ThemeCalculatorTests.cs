namespace CustomerInsight.Tests.Core.Analytics;

/// <summary>
/// Worked example of docs/themes.md: 10 responses, recommend scores 10, 9, 9, 8, 7, 6, 5, 3, 10, 9 (NPS 20, metrics.md);
/// the last two have no comment. Of the 8 comments, theme 0 (delivery) is in the responses scored 6, 5 and 3,
/// theme 1 (price) in those scored 10 and 5.
/// </summary>
public sealed class ThemeCalculatorTests
{
    private static readonly int[] Scores = [10, 9, 9, 8, 7, 6, 5, 3, 10, 9];

    private static IReadOnlyList<ThemeFigures> Example(int minResponses = 30)
    {
        var all = SatisfactionFacts.FromResponses(Scores.Select(s => ((int?)s, (int?)null)));
        int[][] themes = [[1], [], [], [], [], [0], [0, 1], [0]];
        var commented = themes.Select((t, i) => new ThemedResponse(Scores[i], null, t)).ToList();
        return ThemeCalculator.Calculate(3, commented, all, minResponses);
    }

    [Fact]
    public void Calculate_WorkedExample_SharesNpsGapsImpacts()
    {
        var figures = Example();
        var delivery = figures.Single(f => f.Theme == 0);
        var price = figures.Single(f => f.Theme == 1);

        Assert.Equal(3, delivery.Mentions);
        Assert.Equal(8, delivery.Comments);
        Assert.Equal(0.375, delivery.Share!.Value, 10);
        Assert.Equal(-100.0, delivery.Kpis.Nps!.Value, 10);   // three detractors
        Assert.Equal(20.0, delivery.All.Nps!.Value, 10);       // every response, comment or not
        Assert.Equal(-120.0, delivery.NpsGap!.Value, 10);
        Assert.Equal(-45.0, delivery.Impact!.Value, 10);       // 0.375 × −120
        Assert.True(delivery.Kpis.IsNpsSmallSample);

        Assert.Equal(0.25, price.Share!.Value, 10);
        Assert.Equal(0.0, price.Kpis.Nps!.Value, 10);          // one promoter, one detractor
        Assert.Equal(-20.0, price.NpsGap!.Value, 10);
        Assert.Equal(-5.0, price.Impact!.Value, 10);
    }

    [Fact]
    public void Calculate_OrdersByImpact_MostNegativeFirst_NoMentionLast()
    {
        var figures = Example();

        Assert.Equal([0, 1, 2], figures.Select(f => f.Theme));
        var unused = figures[2];
        Assert.Equal(0, unused.Mentions);
        Assert.Equal(0.0, unused.Share);
        Assert.Null(unused.Kpis.Nps);
        Assert.Null(unused.NpsGap);
        Assert.Null(unused.Impact);
    }

    [Fact]
    public void Calculate_SmallSampleThreshold_FollowsMinResponses()
    {
        Assert.False(Example(minResponses: 3).Single(f => f.Theme == 0).Kpis.IsNpsSmallSample);
        Assert.True(Example(minResponses: 4).Single(f => f.Theme == 0).Kpis.IsNpsSmallSample);
    }

    [Fact]
    public void Calculate_NoComment_ShareUndefined()
    {
        var all = SatisfactionFacts.FromResponses([(9, 5)]);
        var figures = ThemeCalculator.Calculate(1, [], all, 30);

        Assert.Null(figures[0].Share);
        Assert.Equal(0, figures[0].Comments);
        Assert.Equal(100.0, figures[0].All.Nps);
    }

    [Fact]
    public void Calculate_ThemeNamedTwiceInOneResponse_CountsOnce()
    {
        var all = SatisfactionFacts.FromResponses([(0, 1)]);
        var figures = ThemeCalculator.Calculate(1, [new ThemedResponse(0, 1, [0, 0])], all, 30);

        Assert.Equal(1, figures[0].Mentions);
        Assert.Equal(1.0, figures[0].Share);
        Assert.Equal(0.0, figures[0].Kpis.Csat);
    }
}

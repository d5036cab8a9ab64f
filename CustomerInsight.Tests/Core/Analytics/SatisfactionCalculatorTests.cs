namespace CustomerInsight.Tests.Core.Analytics;

public class SatisfactionCalculatorTests
{
    private static SatisfactionFacts Recommend(params int[] scores) =>
        SatisfactionFacts.FromResponses(scores.Select(s => ((int?)s, (int?)null)));

    private static SatisfactionFacts Satisfaction(params int[] scores) =>
        SatisfactionFacts.FromResponses(scores.Select(s => ((int?)null, (int?)s)));

    [Fact]
    public void Calculate_MetricsMdNpsExample_Nps20MarginAbout54SmallSample()
    {
        var facts = Recommend(10, 9, 9, 8, 7, 6, 5, 3, 10, 9);

        var kpis = SatisfactionCalculator.Calculate(facts, minResponses: 30);

        Assert.Equal(5, kpis.Promoters);
        Assert.Equal(2, kpis.Passives);
        Assert.Equal(3, kpis.Detractors);
        Assert.Equal(10, kpis.NpsResponses);
        Assert.Equal(20.0, kpis.Nps!.Value, 10);
        // 1.96 × 100 × sqrt((0.8 − 0.04) / 10) = 54.03…
        Assert.Equal(54.0, kpis.NpsMarginOfError!.Value, 1);
        Assert.Equal(1.96 * 100 * Math.Sqrt(0.076), kpis.NpsMarginOfError!.Value, 10);
        Assert.True(kpis.IsNpsSmallSample);
        Assert.Equal(20, SatisfactionCalculator.RoundForDisplay(kpis.Nps));
    }

    [Fact]
    public void Calculate_ThirtyResponses_NotSmallSample()
    {
        var facts = Recommend([.. Enumerable.Repeat(10, 20), .. Enumerable.Repeat(0, 10)]);

        var kpis = SatisfactionCalculator.Calculate(facts, minResponses: 30);

        Assert.False(kpis.IsNpsSmallSample);
        Assert.Equal(100.0 * (20 - 10) / 30, kpis.Nps!.Value, 10);
    }

    [Fact]
    public void Calculate_AllPromoters_Nps100MarginZero()
    {
        var kpis = SatisfactionCalculator.Calculate(Recommend(9, 10, 10));

        Assert.Equal(100.0, kpis.Nps!.Value, 10);
        Assert.Equal(0.0, kpis.NpsMarginOfError!.Value, 10);
    }

    [Fact]
    public void Calculate_AllDetractors_NpsMinus100()
    {
        var kpis = SatisfactionCalculator.Calculate(Recommend(0, 6, 3));

        Assert.Equal(-100.0, kpis.Nps!.Value, 10);
    }

    [Fact]
    public void Calculate_Csat_ShareOfFourAndFiveAndMeanScore()
    {
        // 4, 5, 5 satisfied out of 5 responses; mean (1 + 3 + 4 + 5 + 5) / 5 = 3.6.
        var kpis = SatisfactionCalculator.Calculate(Satisfaction(1, 3, 4, 5, 5));

        Assert.Equal(5, kpis.CsatResponses);
        Assert.Equal(3, kpis.SatisfiedResponses);
        Assert.Equal(0.6, kpis.Csat!.Value, 10);
        Assert.Equal(60.0, kpis.CsatPoints!.Value, 10);
        Assert.Equal(3.6, kpis.MeanSatisfaction!.Value, 10);
        Assert.True(kpis.IsCsatSmallSample);
    }

    [Fact]
    public void Calculate_ResponsesWithOneScoreMissing_EachFigureCountsOnlyItsScores()
    {
        // Three responses: (10, –), (–, 2), (6, 5).
        var facts = SatisfactionFacts.FromResponses([(10, null), (null, 2), (6, 5)]);

        var kpis = SatisfactionCalculator.Calculate(facts);

        Assert.Equal(2, kpis.NpsResponses);
        Assert.Equal(0.0, kpis.Nps!.Value, 10);
        Assert.Equal(2, kpis.CsatResponses);
        Assert.Equal(0.5, kpis.Csat!.Value, 10);
        Assert.Equal(3.5, kpis.MeanSatisfaction!.Value, 10);
    }

    [Fact]
    public void Calculate_NoResponses_NullFiguresNotSmallSample()
    {
        var kpis = SatisfactionCalculator.Calculate(SatisfactionFacts.Empty);

        Assert.Null(kpis.Nps);
        Assert.Null(kpis.NpsMarginOfError);
        Assert.Null(kpis.Csat);
        Assert.Null(kpis.CsatPoints);
        Assert.Null(kpis.MeanSatisfaction);
        Assert.Equal(0, kpis.NpsResponses);
        Assert.False(kpis.IsNpsSmallSample);
        Assert.False(kpis.IsCsatSmallSample);
    }

    [Fact]
    public void Calculate_OnlySatisfactionScores_NpsNullCsatComputed()
    {
        var kpis = SatisfactionCalculator.Calculate(Satisfaction(4, 4));

        Assert.Null(kpis.Nps);
        Assert.Equal(1.0, kpis.Csat);
    }

    [Fact]
    public void FromCounts_ScoreOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SatisfactionFacts.FromCounts([new ScoreCount(11, 1)], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => SatisfactionFacts.FromCounts([], [new ScoreCount(0, 1)]));
    }

    [Fact]
    public void FromCounts_GroupedCounts_EqualsSameResponsesOneByOne()
    {
        var grouped = SatisfactionFacts.FromCounts([new ScoreCount(9, 2), new ScoreCount(3, 1)], [new ScoreCount(5, 2)]);

        var oneByOne = SatisfactionFacts.FromResponses([(9, 5), (9, 5), (3, null)]);

        Assert.Equal(oneByOne, grouped);
        Assert.Equal(3, grouped.RecommendResponses);
        Assert.Equal(2, grouped.SatisfactionHistogram[4]);
    }

    [Fact]
    public void Add_TwoMonths_SumsHistograms()
    {
        var total = Recommend(10, 0).Add(Recommend(10));

        Assert.Equal(2, total.RecommendHistogram[10]);
        Assert.Equal(1, total.RecommendHistogram[0]);
        Assert.Equal(100.0 / 3, SatisfactionCalculator.Calculate(total).Nps!.Value, 10);
    }

    [Theory]
    [InlineData(19.5, 20)]
    [InlineData(-19.5, -20)]
    [InlineData(19.49, 19)]
    public void RoundForDisplay_Halves_AwayFromZero(double nps, int expected) =>
        Assert.Equal(expected, SatisfactionCalculator.RoundForDisplay(nps));

    [Fact]
    public void RoundForExport_KeepsOneDecimal() =>
        Assert.Equal(33.3, SatisfactionCalculator.RoundForExport(100.0 / 3));
}

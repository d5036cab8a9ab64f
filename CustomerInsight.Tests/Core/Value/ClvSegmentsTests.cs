namespace CustomerInsight.Tests.Core.Value;

/// <summary>
/// The value page's groupings of a fit's predictions by the RFM scores of the day after the calibration end: each customer's
/// predictions joined to their score by customer id, whatever the order of the scores, customers in one list only left out.
/// Checked against the plain definitions (a lookup per customer, a full sort) on the CDNOW fit, where every customer without a
/// repeat purchase has P(alive) = 1 (ties broken by monetary, then id).
/// </summary>
public sealed class ClvSegmentsTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    private static readonly ClvResult Fit = ClvCalculator.Calculate(
        PurchaseHistoryBuilder.Build(CdnowData.Days(CdnowData.CalibrationEnd), CdnowData.CalibrationEnd).ToList(),
        CdnowData.CalibrationEnd, 39, 0, null, null, Token);

    /// <summary>Scores in a shuffled order for every third customer but one in 50, a tenth of them with equal monetary amounts,
    /// plus customers the fit does not know.</summary>
    private static RfmResult Scores()
    {
        var random = new Random(7);
        var scores = new List<RfmCustomerScore>();
        foreach (var c in Fit.Customers.Where(c => c.CustomerId % 50 != 0))
        {
            var monetary = random.Next(10) == 0 ? 100m : Math.Round((decimal)random.NextDouble() * 500, 2);
            scores.Add(new RfmCustomerScore(c.CustomerId, new DateOnly(1997, 9, 1).AddDays(-random.Next(200)), 1 + random.Next(300),
                1 + c.RepeatPurchases, monetary, 1 + random.Next(5), 1 + random.Next(5), 1 + random.Next(5),
                (RfmSegment)random.Next(10)));
        }
        for (var id = 1; id <= 30; id++)
        {
            scores.Add(new RfmCustomerScore(100_000 + id, new DateOnly(1997, 9, 1), 30, 1, 50m, 3, 1, 5, RfmSegment.Champions));
        }
        return new RfmResult(CdnowData.CalibrationEnd.AddDays(1), [.. scores.OrderBy(_ => random.Next())]);
    }

    [Fact]
    public void ByRfm_EachSegmentSumsItsScoredCustomersPredictions()
    {
        var scores = Scores();

        var rows = ClvSegments.ByRfm(Fit, scores);

        var segmentOf = scores.Customers.ToDictionary(s => s.CustomerId, s => s.Segment);
        Assert.Equal(Enum.GetValues<RfmSegment>(), rows.Select(r => r.Segment));
        foreach (var row in rows)
        {
            var members = Fit.Customers.Where(c => segmentOf.TryGetValue(c.CustomerId, out var s) && s == row.Segment).ToList();
            Assert.True(members.Count > 100, $"{row.Segment}: {members.Count}");
            Assert.Equal(members.Count, row.Customers);
            Assert.Equal(members.Average(c => c.ProbabilityAlive), row.MeanProbabilityAlive, 12);
            Assert.Equal(members.Sum(c => c.ExpectedPurchases), row.ExpectedPurchases, 9);
            Assert.Equal(members.Sum(c => c.Clv!.Value), row.ExpectedValue!.Value, 6);
        }
        // The unknown customers' Champions scores count nowhere; the customers without a score neither.
        Assert.Equal(Fit.Customers.Count(c => c.CustomerId % 50 != 0), rows.Sum(r => r.Customers));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(5_000)]
    public void ValuableMostLikelyLost_TheFirstInOrderOfPAliveThenMonetaryThenId(int count)
    {
        var scores = Scores();

        var lost = ClvSegments.ValuableMostLikelyLost(Fit, scores, count);

        var expected = scores.Customers
            .Where(s => s.MonetaryScore >= ClvSegments.ValuableMonetaryScore)
            .Select(s => (Score: s, Found: Fit.Find(s.CustomerId)))
            .Where(p => p.Found is not null)
            .Select(p => (p.Score, Value: p.Found!.Value))
            .OrderBy(p => p.Value.ProbabilityAlive).ThenByDescending(p => p.Score.Monetary).ThenBy(p => p.Score.CustomerId)
            .Take(count)
            .Select(p => new ClvCustomerAtRisk(p.Score.CustomerId, p.Score.Monetary, p.Score.LastSaleDate, p.Value.RepeatPurchases,
                p.Value.ProbabilityAlive, p.Value.Clv))
            .ToList();
        Assert.Equal(expected, lost);
        Assert.Equal(Math.Min(count, expected.Count), lost.Count);
        if (count == 5_000)
        {
            // Fewer valuable customers than asked: all of them, the P(alive) = 1 ties ordered by monetary then id.
            Assert.True(expected.Count < count);
            Assert.Contains(lost, c => c.ProbabilityAlive == 1);
        }
    }

    [Fact]
    public void ByRfmWithLost_FewerCustomersThanSlices_ScoresOfOthersBetween_EachCountedOnce()
    {
        // Three predicted customers (the groupings cut the customers in eight slices: most are empty), scores of customers the fit
        // does not know before, between and after them.
        CustomerValue[] values = [new(2, 1, 1, 2, 0.9, 1.5, 10, 15), new(5, 0, 0, 3, 1, 0.5, 10, 5), new(9, 3, 2, 4, 0.2, 0.1, 20, 2)];
        var fit = new ClvResult(new DateOnly(2025, 1, 1), 52, 0, new BgNbdFit(new BgNbdParameters(1, 1, 2, 1), 0, 3),
            new GammaGammaFit(new GammaGammaParameters(1, 2, 1), 0, 2), values);
        static RfmCustomerScore Score(int id, int m, RfmSegment segment) =>
            new(id, new DateOnly(2024, 12, 1), 31, 2, 100m + id, 3, 2, m, segment);
        var scores = new RfmResult(new DateOnly(2025, 1, 2), [Score(1, 5, RfmSegment.Champions), Score(2, 5, RfmSegment.Champions),
            Score(3, 5, RfmSegment.AtRisk), Score(5, 4, RfmSegment.Champions), Score(9, 5, RfmSegment.Hibernating), Score(10, 1, RfmSegment.CantLoseThem)]);

        var (rows, lost) = ClvSegments.ByRfmWithLost(fit, scores, 2);

        var champions = Assert.Single(rows, r => r.Segment == RfmSegment.Champions);
        Assert.Equal((2, 0.95, 2.0, 20.0), (champions.Customers, champions.MeanProbabilityAlive, champions.ExpectedPurchases, champions.ExpectedValue!.Value));
        var hibernating = Assert.Single(rows, r => r.Segment == RfmSegment.Hibernating);
        Assert.Equal((1, 0.2, 0.1, 2.0), (hibernating.Customers, hibernating.MeanProbabilityAlive, hibernating.ExpectedPurchases, hibernating.ExpectedValue!.Value));
        Assert.Equal(3, rows.Sum(r => r.Customers));
        // The two least likely alive of the valuable ones (M 4 or 5): 9 (0.2), then 2 (0.9); 5 (1.0) is third.
        Assert.Equal([9, 2], lost.Select(c => c.CustomerId));
        Assert.Equal(lost, ClvSegments.ValuableMostLikelyLost(fit, scores, 2));
        Assert.Equal(rows, ClvSegments.ByRfm(fit, scores));
        Assert.Empty(ClvSegments.ByRfmWithLost(fit, scores, 0).Lost);
    }
}

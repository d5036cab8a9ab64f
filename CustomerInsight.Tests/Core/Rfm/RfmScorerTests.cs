namespace CustomerInsight.Tests.Core.Rfm;

public class RfmScorerTests
{
    private static readonly DateOnly AnalysisDate = new(2011, 12, 10);

    private static CustomerActivity Activity(int id, int saleOrders = 1, decimal net = 10m, int daysBefore = 1) =>
        new(id, AnalysisDate.AddDays(-daysBefore), saleOrders, net);

    private static RfmCustomerScore Of(RfmResult result, int customerId) =>
        result.Customers.Single(c => c.CustomerId == customerId);

    [Fact]
    public void Score_FrequencyThresholds_OnePlusTheThresholdsReached()
    {
        // metrics.md's frequencies 1,1,1,1,2,2,3,5,8,13 with the default thresholds [2, 3, 4, 6].
        int[] frequencies = [1, 1, 1, 1, 2, 2, 3, 5, 8, 13];
        var activities = frequencies.Select((f, i) => Activity(i + 1, saleOrders: f)).ToArray();

        var result = RfmScorer.Score(activities, AnalysisDate, frequencyScale: new RfmFrequencyScale(RfmFrequencyScoring.Thresholds, [2, 3, 4, 6]));

        Assert.Equal([1, 1, 1, 1, 2, 2, 3, 4, 5, 5], result.Customers.Select(c => c.FrequencyScore));
        Assert.Equal(RfmFrequencyScoring.Thresholds, result.FrequencyScale!.Scoring);
        Assert.Empty(RfmEmptyLevels.Of(result).Frequency);
    }

    [Fact]
    public void EmptyLevels_FrequencyQuintilesOfTheWorkedExample_LeaveF2Empty()
    {
        // Quintiles of 1,1,1,1,2,2,3,5,8,13 give 1,1,1,1,3,3,4,4,5,5: no customer has F = 2.
        int[] frequencies = [1, 1, 1, 1, 2, 2, 3, 5, 8, 13];
        var activities = frequencies.Select((f, i) => Activity(i + 1, saleOrders: f)).ToArray();

        var levels = RfmEmptyLevels.Of(RfmScorer.Score(activities, AnalysisDate));

        Assert.Equal([2], levels.Frequency);
        Assert.Equal(RfmFrequencyScoring.Quintiles, levels.FrequencyScale.Scoring);
        Assert.Equal(0.4, levels.SingleOrderShare);
        Assert.True(levels.Any);
    }

    [Theory]
    [InlineData(new[] { 2, 3, 4, 6 }, true)]
    [InlineData(new[] { 2, 5, 10, 20 }, true)]
    [InlineData(new[] { 1, 3, 4, 6 }, false)]
    [InlineData(new[] { 2, 2, 4, 6 }, false)]
    [InlineData(new[] { 2, 3, 4 }, false)]
    public void Options_FrequencyThresholds_ValidatedAtStartUp(int[] thresholds, bool valid)
    {
        var options = new RfmOptions { FrequencyScoring = RfmFrequencyScoring.Thresholds, FrequencyThresholds = thresholds };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Equal(valid, errors.Count == 0);
        if (!valid)
        {
            Assert.Contains("Rfm:FrequencyThresholds", errors[0].ErrorMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Score_WorkedExampleFrequencies_GivesMetricsMdScores()
    {
        int[] frequencies = [1, 1, 1, 1, 2, 2, 3, 5, 8, 13];
        var activities = frequencies.Select((f, i) => Activity(i + 1, saleOrders: f)).ToArray();

        var result = RfmScorer.Score(activities, AnalysisDate);

        Assert.Equal([1, 1, 1, 1, 3, 3, 4, 4, 5, 5], result.Customers.Select(c => c.FrequencyScore));
    }

    [Fact]
    public void Score_WorkedExampleShuffled_ScoresFollowValuesNotPositions()
    {
        int[] frequencies = [13, 1, 5, 2, 1, 8, 1, 3, 2, 1];
        var activities = frequencies.Select((f, i) => Activity(i + 1, saleOrders: f)).ToArray();

        var result = RfmScorer.Score(activities, AnalysisDate);

        Assert.Equal([5, 1, 4, 3, 1, 5, 1, 4, 3, 1], result.Customers.Select(c => c.FrequencyScore));
        Assert.Equal(Enumerable.Range(1, 10), result.Customers.Select(c => c.CustomerId));
    }

    [Fact]
    public void Score_RecencyWorkedExample_OlderIsWorse()
    {
        // Same shape as the frequency example, mirrored: the most recent buyers are best.
        int[] daysBefore = [13, 13, 13, 13, 8, 8, 5, 3, 2, 1];
        var activities = daysBefore.Select((d, i) => Activity(i + 1, daysBefore: d)).ToArray();

        var result = RfmScorer.Score(activities, AnalysisDate);

        Assert.Equal(daysBefore, result.Customers.Select(c => c.Recency));
        Assert.Equal([1, 1, 1, 1, 3, 3, 4, 4, 5, 5], result.Customers.Select(c => c.RecencyScore));
    }

    [Fact]
    public void Score_MonetaryWithNegativeAndZero_NegativeIsWorst()
    {
        decimal[] nets = [-50m, 0m, 0m, 10.5m, 99.999m];
        var activities = nets.Select((m, i) => Activity(i + 1, net: m)).ToArray();

        var result = RfmScorer.Score(activities, AnalysisDate);

        Assert.Equal(nets, result.Customers.Select(c => c.Monetary));
        // w = 0, 1, 1, 3, 4 over N = 5.
        Assert.Equal([1, 2, 2, 4, 5], result.Customers.Select(c => c.MonetaryScore));
    }

    [Fact]
    public void Score_OneCustomer_AllScoresOne()
    {
        var result = RfmScorer.Score([Activity(7, saleOrders: 4, net: 120m, daysBefore: 30)], AnalysisDate);

        var c = Assert.Single(result.Customers);
        Assert.Equal((30, 4, 120m), (c.Recency, c.Frequency, c.Monetary));
        Assert.Equal((1, 1, 1), (c.RecencyScore, c.FrequencyScore, c.MonetaryScore));
        Assert.Equal(RfmSegment.Hibernating, c.Segment);
    }

    [Fact]
    public void Score_AllValuesEqual_AllGetTheSameLowestScore()
    {
        var activities = Enumerable.Range(1, 37).Select(i => Activity(i, saleOrders: 3, net: 42m, daysBefore: 5)).ToArray();

        var result = RfmScorer.Score(activities, AnalysisDate);

        Assert.All(result.Customers, c => Assert.Equal((1, 1, 1), (c.RecencyScore, c.FrequencyScore, c.MonetaryScore)));
    }

    [Fact]
    public void Score_LastPurchaseTheDayBefore_RecencyIsOne()
    {
        var result = RfmScorer.Score([new CustomerActivity(1, new DateOnly(2011, 12, 9), 1, 1m)], AnalysisDate);

        Assert.Equal(1, Assert.Single(result.Customers).Recency);
    }

    [Fact]
    public void Score_RecencyAcrossYearAndLeapDay_CountsWholeDays()
    {
        var result = RfmScorer.Score([new CustomerActivity(1, new DateOnly(2011, 12, 31), 1, 1m)], new DateOnly(2012, 3, 1));

        Assert.Equal(31 + 29 + 1, Assert.Single(result.Customers).Recency);
    }

    [Fact]
    public void Score_ActivityWithoutSaleOrders_IsNotScored()
    {
        CustomerActivity[] activities = [Activity(1), new CustomerActivity(2, default, 0, -30m), Activity(3)];

        var result = RfmScorer.Score(activities, AnalysisDate);

        Assert.Equal([1, 3], result.Customers.Select(c => c.CustomerId));
    }

    [Fact]
    public void Score_LastSaleOnTheAnalysisDate_Throws() =>
        Assert.Throws<ArgumentException>(() => RfmScorer.Score([Activity(1, daysBefore: 0)], AnalysisDate));

    [Fact]
    public void Score_NoActivities_ReturnsEmptyResultAtTheDate()
    {
        var result = RfmScorer.Score([], AnalysisDate);

        Assert.Empty(result.Customers);
        Assert.Equal(AnalysisDate, result.AnalysisDate);
    }

    [Fact]
    public void Score_RandomCustomers_MatchesTheDefinitionCountedNaively()
    {
        var random = new Random(20111210);
        var activities = Enumerable.Range(1, 700)
            .Select(i => new CustomerActivity(i, AnalysisDate.AddDays(-random.Next(1, 60)), random.Next(1, 12), random.Next(-5, 40) * 2.5m))
            .ToArray();

        var result = RfmScorer.Score(activities, AnalysisDate);

        var n = activities.Length;
        static int Naive(int worse, int n) => 1 + (5 * worse / n);
        foreach (var (a, s) in activities.Zip(result.Customers))
        {
            Assert.Equal(a.CustomerId, s.CustomerId);
            Assert.Equal(Naive(activities.Count(o => o.LastSaleDate < a.LastSaleDate), n), s.RecencyScore);
            Assert.Equal(Naive(activities.Count(o => o.SaleOrders < a.SaleOrders), n), s.FrequencyScore);
            Assert.Equal(Naive(activities.Count(o => o.NetAmount < a.NetAmount), n), s.MonetaryScore);
            Assert.Equal(RfmGrid.Default.SegmentOf(s.RecencyScore, s.FrequencyScore), s.Segment);
        }
    }

    [Fact]
    public void QuintileScores_CountingAndThousandths_EqualTheDefinitionCountedNaively()
    {
        var random = new Random(18);
        static byte[] Naive<T>(T[] values) where T : IComparable<T> =>
            values.Select(v => (byte)(1 + (5 * values.Count(o => o.CompareTo(v) < 0) / values.Length))).ToArray();
        // Counted (a small range, ties, negatives), and sorted (a range too wide to count).
        int[][] wholes =
        [
            Enumerable.Range(0, 1500).Select(_ => random.Next(-20, 40)).ToArray(),
            Enumerable.Range(0, 1500).Select(_ => random.Next(int.MinValue / 2, int.MaxValue / 2) * 2).ToArray(),
            [7],
        ];
        foreach (var values in wholes)
        {
            Assert.Equal(Naive(values), Scores(values));
        }
        Assert.Empty(Scores(Array.Empty<int>()));

        var amounts = Enumerable.Range(0, 1500).Select(_ => random.Next(-3000, 90000) * 0.125m).ToArray();
        var milli = amounts.Select(a => RfmActivityColumns.TryThousandths(a, out var m) ? m : throw new InvalidOperationException($"{a}"))
            .ToArray();
        Assert.Equal(amounts.Select(a => (long)(a * 1000m)), milli);
        Assert.Equal(Naive(amounts), SortedScores(milli));
        Assert.Equal(Naive(amounts), SortedScores(amounts));
        // Finer than a thousandth or beyond a long's thousandths: scored as decimals.
        Assert.False(RfmActivityColumns.TryThousandths(1m / 3m, out _));
        Assert.False(RfmActivityColumns.TryThousandths(0.0005m, out _));
        Assert.False(RfmActivityColumns.TryThousandths(decimal.MaxValue, out _));
        Assert.True(RfmActivityColumns.TryThousandths(-0.001m, out var least) && least == -1);
        var fine = new[] { 0.0005m, 0.0004m, -0.0001m, 0.0005m };
        Assert.Equal(Naive(fine), RfmScorer.Score(fine.Select((m, i) => Activity(i + 1, net: m)).ToArray(), AnalysisDate)
            .Customers.Select(c => (byte)c.MonetaryScore));
    }

    [Fact]
    public void NthSmallest_AnyRankOfAnyShape_TheSortedValueAndPartitionedAroundIt()
    {
        var random = new Random(41);
        long[][] shapes =
        [
            Enumerable.Range(0, 5000).Select(_ => random.NextInt64(-1_000_000, 1_000_000)).ToArray(),
            Enumerable.Range(0, 5000).Select(_ => (long)random.Next(0, 4)).ToArray(),
            Enumerable.Range(0, 3000).Select(i => (long)i).ToArray(),
            Enumerable.Range(0, 3000).Select(i => (long)-i).ToArray(),
            Enumerable.Repeat(42L, 1000).ToArray(),
            // Organ pipe and sawtooth: the shapes that defeat a pivot taken from a fixed place.
            Enumerable.Range(0, 4000).Select(i => (long)Math.Min(i, 4000 - i)).ToArray(),
            Enumerable.Range(0, 4000).Select(i => (long)(i % 37)).ToArray(),
            [5, 3],
            [9],
        ];
        foreach (var shape in shapes)
        {
            var sorted = shape.Order().ToArray();
            foreach (var rank in new[] { 0, shape.Length / 5, shape.Length / 2, shape.Length - 1, random.Next(shape.Length) })
            {
                var keys = (long[])shape.Clone();

                var found = RfmScorer.NthSmallest(keys.AsSpan(), rank);

                Assert.Equal(sorted[rank], found);
                Assert.Equal(found, keys[rank]);
                Assert.True(keys.AsSpan(0, rank).ToArray().All(v => v <= found), $"rank {rank} of {shape.Length}: a larger value before");
                Assert.True(keys.AsSpan(rank).ToArray().All(v => v >= found), $"rank {rank} of {shape.Length}: a smaller value after");
                Assert.Equal(sorted, keys.Order());
            }
        }
    }

    [Fact]
    public void Score_AfterALargerScoring_TheReusedWorkingArraysCarryNothingOver()
    {
        // The working arrays come back from a pool uncleared: a smaller base scored after a larger one must not see its leftovers
        // (the counts of the recency days, the sorted amounts, the scores).
        var random = new Random(7);
        CustomerActivity[] Base(int size, int maxDays, int maxOrders) => Enumerable.Range(1, size)
            .Select(id => Activity(id, random.Next(1, maxOrders), random.Next(-500, 100_000) / 8m, random.Next(1, maxDays))).ToArray();
        var (large, small) = (Base(5000, 900, 40), Base(37, 30, 4));

        var first = RfmScorer.Score(large, AnalysisDate);
        var second = RfmScorer.Score(small, AnalysisDate);

        Assert.Equal(5000, first.Customers.Count);
        static int Naive(int worse, int n) => 1 + (5 * worse / n);
        Assert.Equal(small.Select(a => (a.CustomerId, a.NetAmount,
                Naive(small.Count(o => o.LastSaleDate < a.LastSaleDate), small.Length),
                Naive(small.Count(o => o.SaleOrders < a.SaleOrders), small.Length),
                Naive(small.Count(o => o.NetAmount < a.NetAmount), small.Length))),
            second.Customers.Select(c => (c.CustomerId, c.Monetary, c.RecencyScore, c.FrequencyScore, c.MonetaryScore)));
    }

    [Theory]
    [InlineData(RfmFrequencyScoring.Quintiles)]
    [InlineData(RfmFrequencyScoring.Thresholds)]
    public void Segments_RandomCustomers_TheSegmentsOfTheWholeScoring(RfmFrequencyScoring scoring)
    {
        var random = new Random(23);
        var activities = Enumerable.Range(1, 2000)
            .Select(id => Activity(id, random.Next(1, 12), random.Next(-500, 90_000) / 8m, random.Next(1, 700))).ToArray();
        var scale = new RfmFrequencyScale(scoring, [2, 3, 5, 8]);
        var grid = RfmGrid.Parse(
        [
            "cant_lose_them, at_risk, loyal_customers, champions, champions",
            "hibernating, at_risk, potential_loyalists, loyal_customers, champions",
            "hibernating, hibernating, need_attention, potential_loyalists, loyal_customers",
            "hibernating, cant_lose_them, about_to_sleep, promising, new_customers",
            "hibernating, hibernating, about_to_sleep, new_customers, new_customers",
        ]);
        using var columns = RfmActivityColumns.Scorable(activities, AnalysisDate);

        var segments = RfmScorer.Segments(columns, grid, scale);

        var expected = RfmScorer.Score(columns, AnalysisDate, grid, scale).Customers.Select(c => c.Segment).ToArray();
        Assert.Equal(expected, segments);
        Assert.True(expected.Distinct().Count() >= 6, string.Join(", ", expected.Distinct()));
    }

    [Fact]
    public void ActivityColumns_FromRecords_LeaveOutCustomersWithoutASaleAndKeepTheAmountsAsGiven()
    {
        CustomerActivity[] activities =
        [
            Activity(3, saleOrders: 2, net: 12.5m),
            Activity(4, saleOrders: 0, net: -3m),
            Activity(9, saleOrders: 1, net: 0.0001m, daysBefore: 40),
        ];

        using var columns = RfmActivityColumns.Scorable(activities, AnalysisDate);

        Assert.Equal([activities[0], activities[2]], columns.ToList());
        Assert.False(columns.InThousandths);
        Assert.Equal([12.5m, 0.0001m], columns.NetAmounts.ToArray());
        Assert.Throws<InvalidOperationException>(() => columns.Add(10, AnalysisDate.DayNumber - 1, 1, 1000L));
    }

    private static byte[] Scores(int[] values)
    {
        var scores = new byte[values.Length];
        RfmScorer.QuintileScores(values, scores);
        return scores;
    }

    private static byte[] SortedScores<T>(T[] values)
        where T : IComparable<T>
    {
        var scores = new byte[values.Length];
        RfmScorer.QuintileScores<T>(values, scores);
        return scores;
    }

    [Fact]
    public void Score_CustomGrid_PlacesCustomersWithIt()
    {
        var everyoneChampions = RfmGrid.Parse(Enumerable.Repeat("champions, champions, champions, champions, champions", 5).ToArray());

        var result = RfmScorer.Score([Activity(1), Activity(2, saleOrders: 9)], AnalysisDate, everyoneChampions);

        Assert.All(result.Customers, c => Assert.Equal(RfmSegment.Champions, c.Segment));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("2011-12-09", "2011-12-10")]
    [InlineData("2024-02-28", "2024-02-29")]
    [InlineData("2011-12-31", "2012-01-01")]
    public void DefaultAnalysisDate_IsTheDayAfterTheLatestSale(string? latest, string? expected) =>
        Assert.Equal(
            expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            RfmScorer.DefaultAnalysisDate(latest is null ? null : DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture)));
}

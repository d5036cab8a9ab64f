namespace CustomerInsight.Tests.Core.Rfm;

public class RfmMigrationTests
{
    private static readonly DateOnly Earlier = new(2011, 6, 1);
    private static readonly DateOnly Later = new(2011, 12, 10);

    private static RfmCustomerScore Scored(int id, RfmSegment segment, decimal monetary) =>
        new(id, Earlier.AddDays(-1), 1, 1, monetary, 1, 1, 1, segment);

    [Fact]
    public void Calculate_MovesStaysAndNewcomers_CountedWithMonetaryAtStake()
    {
        var earlier = new RfmResult(Earlier,
        [
            Scored(1, RfmSegment.Champions, 500m),
            Scored(2, RfmSegment.Champions, 300m),
            Scored(3, RfmSegment.Promising, 40m),
        ]);
        var later = new RfmResult(Later,
        [
            Scored(1, RfmSegment.AtRisk, 520m),
            Scored(2, RfmSegment.AtRisk, 300m),
            Scored(3, RfmSegment.Promising, 90m),
            Scored(4, RfmSegment.NewCustomers, 15m),
        ]);

        var migration = RfmMigrationCalculator.Calculate(earlier, later);

        Assert.Equal(110, migration.Flows.Count);
        Assert.Equal(new RfmFlow(RfmSegment.Champions, RfmSegment.AtRisk, 2, 800m, 820m), migration.Flow(RfmSegment.Champions, RfmSegment.AtRisk));
        Assert.Equal(new RfmFlow(RfmSegment.Promising, RfmSegment.Promising, 1, 40m, 90m),
            migration.Flow(RfmSegment.Promising, RfmSegment.Promising));
        Assert.Equal(new RfmFlow(null, RfmSegment.NewCustomers, 1, 0m, 15m), migration.Flow(null, RfmSegment.NewCustomers));
        Assert.Equal(4, migration.Flows.Sum(f => f.Customers));
        Assert.Equal((0, 0), (migration.LeftOut, migration.ScoredOnlyEarlier));
        Assert.Equal((Earlier, Later), (migration.EarlierDate, migration.LaterDate));
    }

    [Fact]
    public void Calculate_ErasedCustomers_LeftOutOfBothDates()
    {
        var earlier = new RfmResult(Earlier, [Scored(1, RfmSegment.Champions, 500m), Scored(2, RfmSegment.Champions, 300m)]);
        var later = new RfmResult(Later,
            [Scored(1, RfmSegment.AtRisk, 520m), Scored(2, RfmSegment.AtRisk, 300m), Scored(3, RfmSegment.NewCustomers, 1m)]);

        var migration = RfmMigrationCalculator.Calculate(earlier, later, new HashSet<int> { 2, 3 });

        Assert.Equal(1, migration.Flow(RfmSegment.Champions, RfmSegment.AtRisk).Customers);
        Assert.Equal(0, migration.Flow(null, RfmSegment.NewCustomers).Customers);
        Assert.Equal(1, migration.Flows.Sum(f => f.Customers));
        Assert.Equal(2, migration.LeftOut);
        Assert.Equal(0, migration.ScoredOnlyEarlier);
    }

    [Fact]
    public void Calculate_CustomerMissingAtLaterDate_CountedNotHidden()
    {
        var earlier = new RfmResult(Earlier, [Scored(1, RfmSegment.Champions, 500m)]);

        var migration = RfmMigrationCalculator.Calculate(earlier, new RfmResult(Later, []));

        Assert.Equal(1, migration.ScoredOnlyEarlier);
        Assert.Equal(0, migration.Flows.Sum(f => f.Customers));
    }

    [Fact]
    public void Calculate_CustomersInAnyOrder_SameFlowsAsMatchingEachCustomerById()
    {
        // Random segments and amounts; customers only earlier, only later, at both, some erased; lists in id order and shuffled.
        var random = new Random(11);
        var segments = RfmSegments.All;
        RfmCustomerScore Random(int id) => Scored(id, segments[random.Next(segments.Count)], random.Next(-50, 5000) / 4m);
        var earlier = Enumerable.Range(1, 900).Where(_ => random.Next(4) > 0).Select(Random).ToArray();
        var later = Enumerable.Range(1, 1000).Where(id => id > 900 || random.Next(6) > 0).Select(Random).ToArray();
        var erased = Enumerable.Range(1, 1000).Where(_ => random.Next(20) == 0).ToHashSet();
        var expected = Naive(earlier, later, erased);

        foreach (var shuffled in new[] { false, true })
        {
            var (e, l) = shuffled ? (earlier.OrderBy(_ => random.Next()).ToArray(), later.OrderBy(_ => random.Next()).ToArray()) : (earlier, later);

            var migration = RfmMigrationCalculator.Calculate(new RfmResult(Earlier, e), new RfmResult(Later, l), erased);

            Assert.Equal(expected.Cells, migration.Flows.Select(f => (f.From, f.To, f.Customers, f.MonetaryBefore, f.MonetaryAfter)));
            Assert.Equal((expected.LeftOut, expected.OnlyEarlier), (migration.LeftOut, migration.ScoredOnlyEarlier));
        }
        Assert.True(expected.OnlyEarlier > 10 && expected.LeftOut > 10, $"{expected.OnlyEarlier} only earlier, {expected.LeftOut} left out");
    }

    /// <summary>metrics.md's migration counted the plain way: each later customer looked up by id among the earlier ones.</summary>
    private static (List<(RfmSegment?, RfmSegment, int, decimal, decimal)> Cells, int LeftOut, int OnlyEarlier) Naive(
        RfmCustomerScore[] earlier, RfmCustomerScore[] later, HashSet<int> erased)
    {
        var before = earlier.Where(c => !erased.Contains(c.CustomerId)).ToDictionary(c => c.CustomerId);
        var kept = later.Where(c => !erased.Contains(c.CustomerId)).ToList();
        var cells = new List<(RfmSegment?, RfmSegment, int, decimal, decimal)>();
        foreach (var from in RfmSegments.All.Select(s => (RfmSegment?)s).Append(null))
        {
            foreach (var to in RfmSegments.All)
            {
                var flow = kept.Where(c => c.Segment == to
                    && (before.TryGetValue(c.CustomerId, out var o) ? o.Segment == from : from is null)).ToList();
                cells.Add((from, to, flow.Count, flow.Sum(c => before.TryGetValue(c.CustomerId, out var o) ? o.Monetary : 0m),
                    flow.Sum(c => c.Monetary)));
            }
        }
        var leftOut = earlier.Concat(later).Select(c => c.CustomerId).Where(erased.Contains).Distinct().Count();
        var onlyEarlier = before.Keys.Count(id => kept.All(c => c.CustomerId != id));
        return (cells, leftOut, onlyEarlier);
    }

    [Fact]
    public void Calculate_DatesInWrongOrder_Throws() =>
        Assert.Throws<ArgumentException>(() => RfmMigrationCalculator.Calculate(new RfmResult(Later, []), new RfmResult(Earlier, [])));
}

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
    public void Calculate_DatesInWrongOrder_Throws() =>
        Assert.Throws<ArgumentException>(() => RfmMigrationCalculator.Calculate(new RfmResult(Later, []), new RfmResult(Earlier, [])));
}

namespace CustomerInsight.Tests.Core.Rfm;

public class RfmSummaryTests
{
    private static readonly DateOnly Date = new(2011, 12, 10);

    private static RfmCustomerScore Scored(int id, RfmSegment segment, decimal monetary, int r = 1, int f = 1) =>
        new(id, Date.AddDays(-1), 1, 1, monetary, r, f, 1, segment);

    [Fact]
    public void Create_ThreeCustomers_SharesAndAveragesPerSegment()
    {
        var result = new RfmResult(Date,
        [
            Scored(1, RfmSegment.Champions, 300m, r: 5, f: 5),
            Scored(2, RfmSegment.Champions, 100m, r: 5, f: 4),
            Scored(3, RfmSegment.Hibernating, 0m, r: 1, f: 1),
        ]);

        var summary = RfmSummary.Create(result, RfmGrid.Default);

        Assert.Equal((3, 400m), (summary.Customers, summary.Monetary));
        Assert.Equal(RfmSegments.All, summary.Segments.Select(s => s.Segment));
        var champions = summary.Segments[0];
        Assert.Equal(2, champions.Customers);
        Assert.Equal(2m / 3m, champions.ShareOfCustomers);
        Assert.Equal(400m, champions.Monetary);
        Assert.Equal(1m, champions.ShareOfMonetary);
        Assert.Equal(200m, champions.AverageMonetary);
        var hibernating = summary.Segments[^1];
        Assert.Equal((1, 0m, 0m, 0m), (hibernating.Customers, hibernating.Monetary, hibernating.ShareOfMonetary, hibernating.AverageMonetary));
        var atRisk = summary.Segments.Single(s => s.Segment == RfmSegment.AtRisk);
        Assert.Equal((0, 0m, 0m, null), (atRisk.Customers, atRisk.ShareOfCustomers, atRisk.Monetary, atRisk.AverageMonetary));
    }

    [Fact]
    public void Create_GridCells_CountCustomersPerRAndF()
    {
        var result = new RfmResult(Date,
        [
            Scored(1, RfmSegment.Champions, 300m, r: 5, f: 5),
            Scored(2, RfmSegment.Champions, 100m, r: 5, f: 5),
            Scored(3, RfmSegment.Hibernating, -7m, r: 1, f: 2),
        ]);

        var cells = RfmSummary.Create(result, RfmGrid.Default).Cells;

        Assert.Equal(25, cells.Count);
        Assert.Equal((5, 1, RfmSegment.NewCustomers), (cells[0].RecencyScore, cells[0].FrequencyScore, cells[0].Segment));
        var top = cells.Single(c => c.RecencyScore == 5 && c.FrequencyScore == 5);
        Assert.Equal((2, 400m), (top.Customers, top.Monetary));
        var low = cells.Single(c => c.RecencyScore == 1 && c.FrequencyScore == 2);
        Assert.Equal((1, -7m), (low.Customers, low.Monetary));
        Assert.Equal(3, cells.Sum(c => c.Customers));
    }

    [Fact]
    public void Create_NoCustomers_TenEmptySegmentsWithoutShares()
    {
        var summary = RfmSummary.Create(new RfmResult(Date, []), RfmGrid.Default);

        Assert.Equal(10, summary.Segments.Count);
        Assert.All(summary.Segments, s =>
            Assert.Equal((0, null, null, null), (s.Customers, s.ShareOfCustomers, s.ShareOfMonetary, s.AverageMonetary)));
    }

    [Fact]
    public void Create_TotalMonetaryZero_ShareOfMonetaryIsNull()
    {
        var summary = RfmSummary.Create(new RfmResult(Date, [Scored(1, RfmSegment.AtRisk, 50m), Scored(2, RfmSegment.Promising, -50m)]),
            RfmGrid.Default);

        Assert.All(summary.Segments, s => Assert.Null(s.ShareOfMonetary));
        Assert.Equal(-50m, summary.Segments.Single(s => s.Segment == RfmSegment.Promising).AverageMonetary);
    }
}

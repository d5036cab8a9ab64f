namespace CustomerInsight.Core.Rfm;

/// <summary>One segment's figures. Shares are fractions 0–1; null where there is nothing to divide by.</summary>
public sealed record RfmSegmentSummary(
    RfmSegment Segment,
    int Customers,
    decimal? ShareOfCustomers,
    decimal Monetary,
    decimal? ShareOfMonetary,
    decimal? AverageMonetary);

/// <summary>One cell of the R×F grid (heat map): its segment and the customers in it.</summary>
public sealed record RfmGridCell(int RecencyScore, int FrequencyScore, RfmSegment Segment, int Customers, decimal Monetary);

/// <summary>
/// Segment sizes and monetary at one analysis date: all ten segments in metrics.md order
/// (empty ones too), the 25 cells of the R×F grid (R = 5 first, then F = 1 to 5), and the score levels
/// no customer has (with the frequency scoring that explains them).
/// </summary>
public sealed record RfmSummary(
    DateOnly AnalysisDate,
    int Customers,
    decimal Monetary,
    IReadOnlyList<RfmSegmentSummary> Segments,
    IReadOnlyList<RfmGridCell> Cells,
    RfmEmptyLevels? EmptyLevels = null)
{
    /// <summary>The RFM segmentation version the customers were scored with (null when scored outside <see cref="RfmQueries"/>).</summary>
    public RfmGridSettings? Settings { get; init; }

    /// <param name="grid">The grid the customers were scored with (no default: a summary drawn with another grid than the
    /// scores' would name its cells wrongly; <see cref="RfmQueries.Summarize"/> passes the configured one).</param>
    public static RfmSummary Create(RfmResult result, RfmGrid grid)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(grid);
        var segmentCount = RfmSegments.All.Count;
        var customers = new int[segmentCount];
        var monetary = new decimal[segmentCount];
        var cellCustomers = new int[RfmGrid.Levels + 1, RfmGrid.Levels + 1];
        var cellMonetary = new decimal[RfmGrid.Levels + 1, RfmGrid.Levels + 1];
        decimal total = 0;
        foreach (var c in result.Customers)
        {
            customers[(int)c.Segment]++;
            monetary[(int)c.Segment] += c.Monetary;
            cellCustomers[c.RecencyScore, c.FrequencyScore]++;
            cellMonetary[c.RecencyScore, c.FrequencyScore] += c.Monetary;
            total += c.Monetary;
        }

        var n = result.Customers.Count;
        var segments = RfmSegments.All
            .Select(s => new RfmSegmentSummary(
                s,
                customers[(int)s],
                n == 0 ? null : (decimal)customers[(int)s] / n,
                monetary[(int)s],
                total == 0 ? null : monetary[(int)s] / total,
                customers[(int)s] == 0 ? null : monetary[(int)s] / customers[(int)s]))
            .ToArray();

        var cells = new List<RfmGridCell>(RfmGrid.Levels * RfmGrid.Levels);
        for (var r = RfmGrid.Levels; r >= 1; r--)
        {
            for (var f = 1; f <= RfmGrid.Levels; f++)
            {
                cells.Add(new RfmGridCell(r, f, grid.SegmentOf(r, f), cellCustomers[r, f], cellMonetary[r, f]));
            }
        }
        return new RfmSummary(result.AnalysisDate, n, total, segments, cells, RfmEmptyLevels.Of(result)) { Settings = result.Settings };
    }
}

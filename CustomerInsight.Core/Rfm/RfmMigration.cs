namespace CustomerInsight.Core.Rfm;

/// <summary>
/// Customers moving from one segment (null: <em>new</em>, scored only at the later date) to another,
/// with the monetary at stake: their monetary at the earlier date (0 for new customers) and at the later one.
/// </summary>
public sealed record RfmFlow(RfmSegment? From, RfmSegment To, int Customers, decimal MonetaryBefore, decimal MonetaryAfter);

/// <summary>
/// Segment migration between two analysis dates (metrics.md). <see cref="Flows"/> is dense:
/// 11 rows (the ten segments in order, then new) × 10 columns, zeros included, ready for a matrix;
/// a Sankey skips the empty ones.
/// </summary>
/// <param name="LeftOut">Distinct customers left out (erased) though scored at one date or both.</param>
/// <param name="ScoredOnlyEarlier">
/// Customers scored at the earlier date and not at the later one. metrics.md says this cannot happen
/// (history only grows); it is counted rather than hidden so a data problem shows.
/// </param>
public sealed record RfmMigration(
    DateOnly EarlierDate,
    DateOnly LaterDate,
    IReadOnlyList<RfmFlow> Flows,
    int LeftOut,
    int ScoredOnlyEarlier)
{
    /// <summary>The RFM segmentation version that scored both dates (like with like); null when scored outside <see cref="RfmQueries"/>.</summary>
    public RfmGridSettings? Settings { get; init; }

    /// <summary>The flow from <paramref name="from"/> (null: new) to <paramref name="to"/>.</summary>
    public RfmFlow Flow(RfmSegment? from, RfmSegment to) =>
        Flows[(RowIndex(from) * RfmSegments.All.Count) + (int)to];

    internal static int RowIndex(RfmSegment? from) => from is { } s ? (int)s : RfmSegments.All.Count;
}

/// <summary>Builds the <see cref="RfmMigration"/> from the scores at two dates. Pure.</summary>
public static class RfmMigrationCalculator
{
    /// <param name="excludedCustomerIds">Customers to leave out of both dates (erased customers).</param>
    public static RfmMigration Calculate(RfmResult earlier, RfmResult later, IReadOnlySet<int>? excludedCustomerIds = null)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        if (earlier.AnalysisDate > later.AnalysisDate)
        {
            throw new ArgumentException(
                $"The earlier analysis date {earlier.AnalysisDate:yyyy-MM-dd} is after the later one {later.AnalysisDate:yyyy-MM-dd}.",
                nameof(earlier));
        }
        // Like with like: both dates placed by the same segmentation version (product.md page 11).
        if (earlier.Settings is { } a && later.Settings is { } b && a.Version != b.Version)
        {
            throw new ArgumentException($"The two dates were scored with RFM versions {a.Version} and {b.Version}; migration compares one version.",
                nameof(later));
        }

        // Both dates' customers in id order (as scored from the database or the snapshot; sorted here otherwise), walked side by
        // side: no dictionary of the earlier date's customers (at 700 k customers, 0.24 s of the 0.35 s of a migration).
        var (old, now) = (RfmCustomerScores.InIdOrder(earlier.Customers), RfmCustomerScores.InIdOrder(later.Customers));
        var leftOut = new HashSet<int>();
        bool Excluded(int customerId)
        {
            if (excludedCustomerIds?.Contains(customerId) != true)
            {
                return false;
            }
            leftOut.Add(customerId);
            return true;
        }

        var columns = RfmSegments.All.Count;
        var rows = columns + 1;
        var customers = new int[rows * columns];
        var monetaryBefore = new decimal[rows * columns];
        var monetaryAfter = new decimal[rows * columns];
        var onlyEarlier = 0;
        var o = 0;
        foreach (var c in now)
        {
            for (; o < old.Count && old[o].CustomerId < c.CustomerId; o++)
            {
                onlyEarlier += Excluded(old[o].CustomerId) ? 0 : 1;
            }
            var scoredBefore = o < old.Count && old[o].CustomerId == c.CustomerId;
            var previous = scoredBefore ? old[o++] : default;
            if (Excluded(c.CustomerId))
            {
                continue;
            }
            int cell;
            if (scoredBefore)
            {
                cell = (RfmMigration.RowIndex(previous.Segment) * columns) + (int)c.Segment;
                monetaryBefore[cell] += previous.Monetary;
            }
            else
            {
                cell = (RfmMigration.RowIndex(null) * columns) + (int)c.Segment;
            }
            customers[cell]++;
            monetaryAfter[cell] += c.Monetary;
        }
        for (; o < old.Count; o++)
        {
            onlyEarlier += Excluded(old[o].CustomerId) ? 0 : 1;
        }

        var flows = new RfmFlow[rows * columns];
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                var cell = (row * columns) + column;
                flows[cell] = new RfmFlow(
                    row < columns ? (RfmSegment)row : null,
                    (RfmSegment)column,
                    customers[cell],
                    monetaryBefore[cell],
                    monetaryAfter[cell]);
            }
        }
        return new RfmMigration(earlier.AnalysisDate, later.AnalysisDate, flows, leftOut.Count, onlyEarlier)
        {
            Settings = later.Settings ?? earlier.Settings,
        };
    }
}

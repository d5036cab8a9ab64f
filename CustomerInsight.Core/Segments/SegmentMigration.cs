namespace CustomerInsight.Core.Segments;

/// <summary>
/// Movement between the segments of ONE segmentation version at two analysis dates (like with like): for customers
/// placed at both dates, <see cref="Counts"/>[from][to], where index 0 is "in no segment" and index i + 1 the
/// definition's segment i; customers scored only at the later date are counted in <see cref="NewCustomers"/>[to].
/// Erased customers are left out of both dates (metrics.md, segment migration).
/// </summary>
public sealed record SegmentMigration(
    string SegmentationName,
    int Version,
    DateOnly EarlierDate,
    DateOnly LaterDate,
    IReadOnlyList<string> Segments,
    int[][] Counts,
    int[] NewCustomers);

/// <summary>Computes <see cref="SegmentMigration"/> (pure).</summary>
public static class SegmentMigrationCalculator
{
    public static SegmentMigration Calculate(SegmentationVersionInfo version, DateOnly earlierDate, IReadOnlyList<CustomerSegmentFacts> earlier,
        DateOnly laterDate, IReadOnlyList<CustomerSegmentFacts> later, IReadOnlySet<int> erased)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        ArgumentNullException.ThrowIfNull(erased);
        if (earlierDate > laterDate)
        {
            throw new ArgumentException($"The earlier date {earlierDate:yyyy-MM-dd} is after the later date {laterDate:yyyy-MM-dd}.",
                nameof(earlierDate));
        }
        var definition = version.Definition;
        var assign = SegmentEvaluator.Assigner(definition);
        var size = definition.Segments.Count + 1;
        var counts = Enumerable.Range(0, size).Select(_ => new int[size]).ToArray();
        var fresh = new int[size];
        var before = new Dictionary<int, int>(earlier.Count);
        foreach (var c in earlier)
        {
            if (!erased.Contains(c.CustomerId))
            {
                before[c.CustomerId] = assign(c) + 1;
            }
        }
        foreach (var c in later)
        {
            if (erased.Contains(c.CustomerId))
            {
                continue;
            }
            var to = assign(c) + 1;
            if (before.TryGetValue(c.CustomerId, out var from))
            {
                counts[from][to]++;
            }
            else
            {
                fresh[to]++;
            }
        }
        return new SegmentMigration(version.Name, version.Number, earlierDate, laterDate, definition.Segments.Select(s => s.Name).ToArray(), counts,
            fresh);
    }
}

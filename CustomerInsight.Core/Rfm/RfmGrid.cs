namespace CustomerInsight.Core.Rfm;

/// <summary>
/// The R×F grid that places a customer in a segment (Monetary never does). Immutable;
/// <see cref="Default"/> is the grid of metrics.md, <see cref="RfmOptions"/> may replace it.
/// </summary>
public sealed class RfmGrid
{
    /// <summary>Scores run from 1 to this value (quintiles).</summary>
    public const int Levels = 5;

    // cells[(r - 1) * Levels + (f - 1)]
    private readonly RfmSegment[] cells;

    private RfmGrid(RfmSegment[] cells) => this.cells = cells;

    /// <summary>The grid of metrics.md, rows from R = 5 down to R = 1, columns F = 1 to 5.</summary>
    public static IReadOnlyList<string> DefaultRows { get; } =
    [
        "new_customers, potential_loyalists, potential_loyalists, champions, champions",
        "promising, potential_loyalists, potential_loyalists, loyal_customers, loyal_customers",
        "about_to_sleep, about_to_sleep, need_attention, loyal_customers, loyal_customers",
        "hibernating, hibernating, at_risk, at_risk, cant_lose_them",
        "hibernating, hibernating, at_risk, at_risk, cant_lose_them",
    ];

    public static RfmGrid Default { get; } = Parse(DefaultRows);

    /// <summary>
    /// Reads five rows (R = 5 first, as metrics.md prints the grid), each five segment codes
    /// for F = 1 to 5 separated by commas.
    /// </summary>
    public static RfmGrid Parse(IReadOnlyList<string> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count != Levels)
        {
            throw new FormatException($"The RFM grid needs {Levels} rows (R = 5 down to R = 1), found {rows.Count}.");
        }
        var cells = new RfmSegment[Levels * Levels];
        for (var row = 0; row < Levels; row++)
        {
            var r = Levels - row;
            var codes = (rows[row] ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
            if (codes.Length != Levels)
            {
                throw new FormatException($"Row R = {r} of the RFM grid needs {Levels} segment codes (F = 1 to 5), found {codes.Length}.");
            }
            for (var f = 1; f <= Levels; f++)
            {
                if (!RfmSegments.TryParseCode(codes[f - 1], out var segment))
                {
                    throw new FormatException($"Unknown RFM segment code '{codes[f - 1]}' at R = {r}, F = {f}.");
                }
                cells[((r - 1) * Levels) + (f - 1)] = segment;
            }
        }
        return new RfmGrid(cells);
    }

    /// <summary>The segment of a customer with recency score <paramref name="r"/> and frequency score <paramref name="f"/>.</summary>
    public RfmSegment SegmentOf(int r, int f)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(r, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(r, Levels);
        ArgumentOutOfRangeException.ThrowIfLessThan(f, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(f, Levels);
        return cells[((r - 1) * Levels) + (f - 1)];
    }

    /// <summary>The rows in the form <see cref="Parse"/> reads (R = 5 first).</summary>
    public IReadOnlyList<string> ToRows() =>
        Enumerable.Range(0, Levels)
            .Select(row => string.Join(", ", Enumerable.Range(1, Levels).Select(f => SegmentOf(Levels - row, f).Code())))
            .ToArray();
}

namespace CustomerInsight.Core.Rfm;

/// <summary>
/// What RFM needs of one identified customer, everything dated before the analysis date:
/// the date of the last sale order, the number of sale orders and the net amount
/// (sale orders + cancellations).
/// </summary>
public readonly record struct CustomerActivity(int CustomerId, DateOnly LastSaleDate, int SaleOrders, decimal NetAmount);

/// <summary>One scored customer: metrics of metrics.md, their 1–5 scores and the segment.</summary>
/// <param name="Recency">Whole days from <paramref name="LastSaleDate"/> to the analysis date (≥ 1).</param>
/// <param name="Frequency">Sale orders before the analysis date.</param>
/// <param name="Monetary">Net revenue before the analysis date; may be 0 or negative.</param>
public readonly record struct RfmCustomerScore(
    int CustomerId,
    DateOnly LastSaleDate,
    int Recency,
    int Frequency,
    decimal Monetary,
    int RecencyScore,
    int FrequencyScore,
    int MonetaryScore,
    RfmSegment Segment);

/// <summary>
/// The RFM segment of every scored customer at one analysis date, side by side with their ids (ascending), and the
/// segmentation version that placed them: what a segment filter needs of <see cref="RfmResult"/>.
/// </summary>
public sealed record RfmSegmentsAt(DateOnly AnalysisDate, int[] CustomerIds, RfmSegment[] Segments, RfmGridSettings Settings)
{
    /// <summary>The segments of scores already computed.</summary>
    public static RfmSegmentsAt Of(RfmResult scores, RfmGridSettings settings)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var ordered = RfmCustomerScores.InIdOrder(scores.Customers);
        return new RfmSegmentsAt(scores.AnalysisDate, ordered.Select(c => c.CustomerId).ToArray(), ordered.Select(c => c.Segment).ToArray(),
            scores.Settings ?? settings);
    }

    /// <summary>Ids of the customers in <paramref name="segment"/>, ascending.</summary>
    public int[] IdsIn(RfmSegment segment)
    {
        var ids = new List<int>();
        for (var i = 0; i < CustomerIds.Length; i++)
        {
            if (Segments[i] == segment)
            {
                ids.Add(CustomerIds[i]);
            }
        }
        return [.. ids];
    }
}

/// <summary>Helpers over lists of <see cref="RfmCustomerScore"/>.</summary>
public static class RfmCustomerScores
{
    /// <summary>
    /// The scores in ascending customer id: the list itself when it already is (how they are scored, from the database or the
    /// snapshot), else a sorted copy.
    /// </summary>
    public static IReadOnlyList<RfmCustomerScore> InIdOrder(IReadOnlyList<RfmCustomerScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        for (var i = 1; i < scores.Count; i++)
        {
            if (scores[i].CustomerId <= scores[i - 1].CustomerId)
            {
                var sorted = scores.ToArray();
                Array.Sort(sorted, (x, y) => x.CustomerId.CompareTo(y.CustomerId));
                return sorted;
            }
        }
        return scores;
    }
}

/// <summary>The scores of every scored customer at one analysis date, in the order of the activities given.</summary>
/// <param name="FrequencyScale">How Frequency was scored; null: quintiles (metrics.md's default).</param>
public sealed record RfmResult(DateOnly AnalysisDate, IReadOnlyList<RfmCustomerScore> Customers, RfmFrequencyScale? FrequencyScale = null)
{
    /// <summary>The RFM segmentation version that scored these customers (what every figure names); null when scored outside
    /// <see cref="RfmQueries"/>.</summary>
    public RfmGridSettings? Settings { get; init; }
}

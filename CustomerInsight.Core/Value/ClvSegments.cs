using CustomerInsight.Core.Rfm;

namespace CustomerInsight.Core.Value;

/// <summary>The expected value of one group of customers (an RFM segment, a custom segment) over the fit's horizon.</summary>
/// <param name="ExpectedValue">Sum of the CLV; null without a spend model.</param>
public sealed record ClvSegmentValue<TSegment>(TSegment Segment, int Customers, double MeanProbabilityAlive, double ExpectedPurchases,
    double? ExpectedValue);

/// <summary>A valuable customer (M score 4 or 5 at the day after the calibration end) with their chance of still being a customer.</summary>
public sealed record ClvCustomerAtRisk(int CustomerId, decimal Monetary, DateOnly LastPurchase, int RepeatPurchases, double ProbabilityAlive,
    double? Clv);

/// <summary>Groupings of a fit's predictions, pure.</summary>
public static class ClvSegments
{
    /// <summary>Lowest M score counted as valuable (the top two quintiles of monetary).</summary>
    public const int ValuableMonetaryScore = 4;

    /// <summary>
    /// One row per segment of <paramref name="order"/> (empty segments included, with 0 customers), over the segments
    /// <paramref name="segmentsOf"/> gives each customer (none, one, or several for segments that overlap).
    /// </summary>
    public static IReadOnlyList<ClvSegmentValue<TSegment>> Summarize<TSegment>(ClvResult result, Func<int, IEnumerable<TSegment>> segmentsOf,
        IEnumerable<TSegment> order)
        where TSegment : notnull
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(segmentsOf);
        ArgumentNullException.ThrowIfNull(order);
        var totals = new Dictionary<TSegment, (int Customers, double Alive, double Purchases, double Value)>();
        foreach (var c in result.Customers)
        {
            foreach (var segment in segmentsOf(c.CustomerId))
            {
                var t = totals.GetValueOrDefault(segment);
                totals[segment] = (t.Customers + 1, t.Alive + c.ProbabilityAlive, t.Purchases + c.ExpectedPurchases, t.Value + (c.Clv ?? 0));
            }
        }
        var hasValue = result.GammaGamma is not null;
        return order.Select(s =>
        {
            var t = totals.GetValueOrDefault(s);
            return new ClvSegmentValue<TSegment>(s, t.Customers, t.Customers == 0 ? 0 : t.Alive / t.Customers, t.Purchases,
                hasValue ? t.Value : null);
        }).ToList();
    }

    /// <summary>Value by RFM segment, scored the day after the calibration end, in metrics.md's segment order.</summary>
    public static IReadOnlyList<ClvSegmentValue<RfmSegment>> ByRfm(ClvResult result, RfmResult scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var segments = scores.Customers.ToDictionary(s => s.CustomerId, s => s.Segment);
        return Summarize(result, id => segments.TryGetValue(id, out var s) ? [s] : [], Enum.GetValues<RfmSegment>());
    }

    /// <summary>
    /// The valuable customers most likely lost: M score ≥ <see cref="ValuableMonetaryScore"/>, lowest P(alive) first
    /// (then the higher monetary first, then the customer id), at most <paramref name="count"/>.
    /// </summary>
    public static IReadOnlyList<ClvCustomerAtRisk> ValuableMostLikelyLost(ClvResult result, RfmResult scores, int count)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scores);
        return scores.Customers
            .Where(s => s.MonetaryScore >= ValuableMonetaryScore)
            .Select(s => (Score: s, Value: result.Find(s.CustomerId)))
            .Where(p => p.Value is not null)
            .OrderBy(p => p.Value!.ProbabilityAlive).ThenByDescending(p => p.Score.Monetary).ThenBy(p => p.Score.CustomerId)
            .Take(count)
            .Select(p => new ClvCustomerAtRisk(p.Score.CustomerId, p.Score.Monetary, p.Score.LastSaleDate, p.Value!.RepeatPurchases,
                p.Value.ProbabilityAlive, p.Value.Clv))
            .ToList();
    }
}

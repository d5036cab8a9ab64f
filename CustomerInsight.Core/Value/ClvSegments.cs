using System.Runtime.CompilerServices;
using CustomerInsight.Core.Rfm;
using Totals = (int Customers, double Alive, double Purchases, double Value);

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
        var totals = new Dictionary<TSegment, Totals>();
        foreach (var c in result.Customers)
        {
            foreach (var segment in segmentsOf(c.CustomerId))
            {
                totals[segment] = Plus(totals.GetValueOrDefault(segment), c);
            }
        }
        return [.. order.Select(s => Row(s, totals.GetValueOrDefault(s), result.GammaGamma is not null))];
    }

    /// <summary>A segment's totals with one more customer.</summary>
    private static Totals Plus(Totals t, CustomerValue c) =>
        (t.Customers + 1, t.Alive + c.ProbabilityAlive, t.Purchases + c.ExpectedPurchases, t.Value + (c.Clv ?? 0));

    /// <summary>A segment's row from its customers' count and sums of P(alive), expected purchases and CLV.</summary>
    private static ClvSegmentValue<TSegment> Row<TSegment>(TSegment segment, Totals t, bool hasValue) =>
        new(segment, t.Customers, t.Customers == 0 ? 0 : t.Alive / t.Customers, t.Purchases, hasValue ? t.Value : null);

    /// <summary>Value by RFM segment, scored the day after the calibration end, in metrics.md's segment order.</summary>
    public static IReadOnlyList<ClvSegmentValue<RfmSegment>> ByRfm(ClvResult result, RfmResult scores)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scores);
        // As Summarize adds them (customer id order), without a dictionary of every customer's segment.
        var order = Enum.GetValues<RfmSegment>();
        var totals = new Totals[order.Max(s => (int)s) + 1];
        ForEachMatched(result, scores, (score, value) => totals[(int)score.Segment] = Plus(totals[(int)score.Segment], value));
        return [.. order.Select(s => Row(s, totals[(int)s], result.GammaGamma is not null))];
    }

    /// <summary>
    /// The valuable customers most likely lost: M score ≥ <see cref="ValuableMonetaryScore"/>, lowest P(alive) first
    /// (then the higher monetary first, then the customer id), at most <paramref name="count"/>.
    /// </summary>
    public static IReadOnlyList<ClvCustomerAtRisk> ValuableMostLikelyLost(ClvResult result, RfmResult scores, int count)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return [];
        }
        // The first count in that order, kept as they come (the last of them on top), instead of sorting every valuable customer.
        var kept = new PriorityQueue<ClvCustomerAtRisk, ClvCustomerAtRisk>(count + 1, LeastLikelyLostFirst);
        ForEachMatched(result, scores, (score, value) =>
        {
            if (score.MonetaryScore < ValuableMonetaryScore)
            {
                return;
            }
            var candidate = new ClvCustomerAtRisk(score.CustomerId, score.Monetary, score.LastSaleDate, value.RepeatPurchases,
                value.ProbabilityAlive, value.Clv);
            if (kept.Count < count)
            {
                kept.Enqueue(candidate, candidate);
            }
            else if (LeastLikelyLostFirst.Compare(candidate, kept.Peek()) > 0)
            {
                kept.DequeueEnqueue(candidate, candidate);
            }
        });
        var lost = new ClvCustomerAtRisk[kept.Count];
        for (var i = lost.Length - 1; i >= 0; i--)
        {
            lost[i] = kept.Dequeue();
        }
        return lost;
    }

    /// <summary>Lowest P(alive) last (then the higher monetary last, then the higher customer id first): a queue's top is the
    /// customer least likely lost of those it holds.</summary>
    private static readonly Comparer<ClvCustomerAtRisk> LeastLikelyLostFirst = Comparer<ClvCustomerAtRisk>.Create((x, y) =>
    {
        var byAlive = y.ProbabilityAlive.CompareTo(x.ProbabilityAlive);
        if (byAlive != 0)
        {
            return byAlive;
        }
        var byMonetary = x.Monetary.CompareTo(y.Monetary);
        return byMonetary != 0 ? byMonetary : y.CustomerId.CompareTo(x.CustomerId);
    });

    /// <summary>Calls <paramref name="each"/> for each customer both scored and predicted, in customer id order: a merge of the two
    /// lists (the predictions are sorted by customer id; the scores are sorted here when they are not).</summary>
    // A pass over every customer (a million on a first visit of the value page): compiled optimized at its first call, where
    // tiering would first run it unoptimized (as LikelihoodSums).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForEachMatched(ClvResult result, RfmResult scores, Action<RfmCustomerScore, CustomerValue> each)
    {
        var sorted = RfmCustomerScores.InIdOrder(scores.Customers);
        var values = result.Customers;
        var j = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            while (j < sorted.Count && sorted[j].CustomerId < value.CustomerId)
            {
                j++;
            }
            if (j < sorted.Count && sorted[j].CustomerId == value.CustomerId)
            {
                each(sorted[j], value);
            }
        }
    }
}

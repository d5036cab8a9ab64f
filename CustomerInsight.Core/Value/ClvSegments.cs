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
    public static IReadOnlyList<ClvSegmentValue<RfmSegment>> ByRfm(ClvResult result, RfmResult scores) =>
        ByRfmWithLost(result, scores, 0).BySegment;

    /// <summary>
    /// The valuable customers most likely lost: M score ≥ <see cref="ValuableMonetaryScore"/>, lowest P(alive) first
    /// (then the higher monetary first, then the customer id), at most <paramref name="count"/>.
    /// </summary>
    public static IReadOnlyList<ClvCustomerAtRisk> ValuableMostLikelyLost(ClvResult result, RfmResult scores, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return ByRfmWithLost(result, scores, count).Lost;
    }

    /// <summary>
    /// <see cref="ByRfm"/> and, when <paramref name="lostCount"/> &gt; 0, <see cref="ValuableMostLikelyLost"/> (else none) in one pass
    /// over the customers: each customer's predictions are computed when read (<see cref="CustomerPredictions"/>), a million on a first
    /// visit of the value page, so once instead of once per grouping. In fixed slices of the customers on all cores, their sums added
    /// in slice order (the same figures whatever the threads).
    /// </summary>
    public static (IReadOnlyList<ClvSegmentValue<RfmSegment>> BySegment, IReadOnlyList<ClvCustomerAtRisk> Lost) ByRfmWithLost(
        ClvResult result, RfmResult scores, int lostCount)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfNegative(lostCount);
        var order = Enum.GetValues<RfmSegment>();
        var segments = order.Max(s => (int)s) + 1;
        var sorted = RfmCustomerScores.InIdOrder(scores.Customers);
        var values = result.Customers;
        var totals = new Totals[Slices, segments];
        var kept = new List<ClvCustomerAtRisk>[Slices];
        LikelihoodSums.ForEachSlice(values.Count, Slices, (k, from, to) => kept[k] = Slice(values, sorted, from, to, lostCount, totals, k));
        var sums = new Totals[segments];
        for (var k = 0; k < Slices; k++)
        {
            for (var segment = 0; segment < segments; segment++)
            {
                var t = totals[k, segment];
                sums[segment] = (sums[segment].Customers + t.Customers, sums[segment].Alive + t.Alive, sums[segment].Purchases + t.Purchases,
                    sums[segment].Value + t.Value);
            }
        }
        // Each slice's first lostCount; of them all, the first lostCount.
        var lost = kept.SelectMany(k => k).ToList();
        lost.Sort((x, y) => LeastLikelyLostFirst.Compare(y, x));
        return ([.. order.Select(s => Row(s, sums[(int)s], result.GammaGamma is not null))], [.. lost.Take(lostCount)]);
    }

    /// <summary>Fixed slices of the customers (<see cref="LikelihoodSums.ForEachSlice"/>).</summary>
    private const int Slices = 8;

    /// <summary>
    /// Customers [<paramref name="from"/>, <paramref name="to"/>) of the predictions, each matched to their score by a merge of the two
    /// lists in customer id order: their sums by segment into row <paramref name="slice"/> of <paramref name="totals"/>, and the
    /// slice's first <paramref name="lostCount"/> valuable customers most likely lost (kept as they come, the last of them on top of a
    /// queue, instead of sorting every valuable customer), in no order.
    /// </summary>
    // A pass over every customer (a million on a first visit of the value page): compiled optimized at its first call, where
    // tiering would first run it unoptimized (as LikelihoodSums).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<ClvCustomerAtRisk> Slice(IReadOnlyList<CustomerValue> values, IReadOnlyList<RfmCustomerScore> sorted, int from, int to,
        int lostCount, Totals[,] totals, int slice)
    {
        if (from >= to)
        {
            return [];
        }
        var kept = new PriorityQueue<ClvCustomerAtRisk, ClvCustomerAtRisk>(lostCount + 1, LeastLikelyLostFirst);
        var j = FirstAtLeast(sorted, values[from].CustomerId);
        for (var i = from; i < to; i++)
        {
            var value = values[i];
            while (j < sorted.Count && sorted[j].CustomerId < value.CustomerId)
            {
                j++;
            }
            if (j >= sorted.Count || sorted[j].CustomerId != value.CustomerId)
            {
                continue;
            }
            var score = sorted[j];
            var segment = (int)score.Segment;
            totals[slice, segment] = Plus(totals[slice, segment], value);
            if (lostCount == 0 || score.MonetaryScore < ValuableMonetaryScore)
            {
                continue;
            }
            var candidate = new ClvCustomerAtRisk(score.CustomerId, score.Monetary, score.LastSaleDate, value.RepeatPurchases,
                value.ProbabilityAlive, value.Clv);
            if (kept.Count < lostCount)
            {
                kept.Enqueue(candidate, candidate);
            }
            else if (LeastLikelyLostFirst.Compare(candidate, kept.Peek()) > 0)
            {
                kept.DequeueEnqueue(candidate, candidate);
            }
        }
        return [.. kept.UnorderedItems.Select(item => item.Element)];
    }

    /// <summary>The index of the first score whose customer id is at least <paramref name="customerId"/> (binary search).</summary>
    private static int FirstAtLeast(IReadOnlyList<RfmCustomerScore> sorted, int customerId)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (sorted[mid].CustomerId < customerId)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
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
}

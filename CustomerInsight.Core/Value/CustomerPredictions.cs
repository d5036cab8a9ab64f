using System.Collections;
using System.Runtime.CompilerServices;
using CustomerInsight.Core.Analytics;

namespace CustomerInsight.Core.Value;

/// <summary>
/// Every customer's predictions at a fit, in customer id order, each computed when it is read from the customer's purchase history
/// and the fitted parameters (metrics.md): a denominator, one division for the spend and, once per distinct (x, T) at creation,
/// the part of the expected purchases that depends on x and T only. A fit at a million customers thus keeps no record per
/// customer: building them was most of the predictions' time on a first visit (tens of MB of memory new to the process).
/// </summary>
/// <remarks>Reads the histories it is given: they must not change afterwards. Safe to read from several threads.</remarks>
internal sealed class CustomerPredictions : IReadOnlyList<CustomerValue>
{
    private readonly IReadOnlyList<PurchaseHistory> histories;
    private readonly BgNbdParameters bgNbd;
    private readonly GammaGammaParameters? spend;
    // Per customer, the index of their (x, T) in the two numerator lists; ln(α + d/7) per day count d.
    private readonly int[] pairOf;
    private readonly List<(int X, int Age)> pairKeys = [];
    private readonly List<double> plainNumerators = [];
    private readonly List<double> valuedNumerators = [];
    private readonly double[] logAlphaPlus;

    public CustomerPredictions(IReadOnlyList<PurchaseHistory> histories, BgNbdParameters bgNbd, GammaGammaParameters? spend, int horizonWeeks,
        double annualDiscountRate, CancellationToken cancellationToken)
    {
        this.histories = InIdOrder(histories);
        this.bgNbd = bgNbd;
        this.spend = spend;
        pairOf = new int[this.histories.Count];
        var maxDays = NumberPairs((x, days) =>
        {
            var age = days / PurchaseHistory.DaysPerWeek;
            var plain = bgNbd.ExpectedPurchasesNumerator(x, age, horizonWeeks);
            plainNumerators.Add(plain);
            // CLV discounts each week's expected purchases when a rate is set (ClvCalculator.Calculate).
            valuedNumerators.Add(spend is not null && annualDiscountRate > 0
                ? ClvCalculator.DiscountedNumerator(bgNbd, x, age, horizonWeeks, annualDiscountRate)
                : plain);
        }, cancellationToken);
        logAlphaPlus = new double[maxDays + 1];
        for (var d = 0; d <= maxDays; d++)
        {
            logAlphaPlus[d] = Math.Log(bgNbd.Alpha + (d / PurchaseHistory.DaysPerWeek));
        }
    }

    /// <summary>
    /// Numbers the customers' distinct (x, T) into <see cref="pairOf"/> and <see cref="pairKeys"/>, calling <paramref name="added"/>
    /// with each new one (x, T in days); returns the largest T. The customers are bucketed by x (a counting sort), then within each
    /// x their T looked up in a table by day count, cleared after the bucket: no hashing of a million keys (a dictionary took 30–70 ms
    /// of a first visit), working arrays kept between fits (<see cref="Scratch"/>).
    /// </summary>
    private int NumberPairs(Action<int, int> added, CancellationToken cancellationToken)
    {
        var n = histories.Count;
        int maxX = 0, maxDays = 0;
        for (var i = 0; i < n; i++)
        {
            var h = histories[i];
            (maxX, maxDays) = (Math.Max(maxX, h.RepeatPurchases), Math.Max(maxDays, h.FirstToEndDays));
        }
        cancellationToken.ThrowIfCancellationRequested();
        // Bucket x holds positions starts[x] … starts[x + 1] − 1 of the customers' indexes and T, by x.
        var starts = new int[maxX + 2];
        for (var i = 0; i < n; i++)
        {
            starts[histories[i].RepeatPurchases + 1]++;
        }
        for (var x = 1; x < starts.Length; x++)
        {
            starts[x] += starts[x - 1];
        }
        using var indexesOf = Scratch.Rent<int>(n);
        using var daysOf = Scratch.Rent<int>(n);
        var (indexes, days) = (indexesOf.Array, daysOf.Array);
        // Each bucket's next free position: a copy of the starts, advanced as the bucket fills.
        var next = starts[..^1];
        for (var i = 0; i < n; i++)
        {
            var h = histories[i];
            var at = next[h.RepeatPurchases]++;
            (indexes[at], days[at]) = (i, h.FirstToEndDays);
        }
        cancellationToken.ThrowIfCancellationRequested();
        using var tableOf = Scratch.Rent<int>(maxDays + 1);
        var table = tableOf.Array;
        tableOf.Span.Fill(-1);
        for (var x = 0; x <= maxX; x++)
        {
            for (var k = starts[x]; k < starts[x + 1]; k++)
            {
                var pair = table[days[k]];
                if (pair < 0)
                {
                    pair = table[days[k]] = pairKeys.Count;
                    pairKeys.Add((x, days[k]));
                    added(x, days[k]);
                }
                pairOf[indexes[k]] = pair;
            }
            for (var k = starts[x]; k < starts[x + 1]; k++)
            {
                table[days[k]] = -1;
            }
        }
        return maxDays;
    }

    /// <summary>Distinct (x, T) among the customers.</summary>
    public int Pairs => pairKeys.Count;

    public int Count => histories.Count;

    public CustomerValue this[int index]
    {
        // Read a million times in a row on a first visit: compiled optimized at its first call (see LikelihoodSums).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get
        {
            var h = histories[index];
            var x = h.RepeatPurchases;
            var pair = pairOf[index];
            var denominator = bgNbd.AliveDenominatorFromLogs(x, logAlphaPlus[h.FirstToEndDays], logAlphaPlus[h.FirstToLastDays]);
            double? expectedSpend = null;
            double? clv = null;
            if (spend is not null)
            {
                expectedSpend = spend.ExpectedSpendOfTotal(x, (double)h.RepeatValue);
                clv = valuedNumerators[pair] / denominator * expectedSpend.Value;
            }
            return new CustomerValue(h.CustomerId, x, h.RecencyWeeks, h.AgeWeeks, 1 / denominator, plainNumerators[pair] / denominator,
                expectedSpend, clv);
        }
    }

    /// <summary>
    /// Cumulative predicted repeat purchases of all the customers at the end of each of the <paramref name="weeks"/> weeks after the
    /// calibration end (conditional expectations, metrics.md): their P(alive) summed per (x, T), then per pair in (x, T) order one
    /// ₂F₁ a week, both in fixed slices on all cores (the same sums whatever the threads).
    /// </summary>
    public double[] CumulativePredicted(int weeks)
    {
        var alive = LikelihoodSums.InSlices(pairOf.Length, Pairs, (from, to, partial, at) =>
        {
            for (var i = from; i < to; i++)
            {
                var h = histories[i];
                partial[at + pairOf[i]] += 1 / bgNbd.AliveDenominatorFromLogs(h.RepeatPurchases, logAlphaPlus[h.FirstToEndDays],
                    logAlphaPlus[h.FirstToLastDays]);
            }
        });
        var order = Enumerable.Range(0, Pairs).OrderBy(pair => pairKeys[pair]).ToArray();
        return LikelihoodSums.InSlices(order.Length, weeks, (from, to, partial, at) =>
        {
            for (var k = from; k < to; k++)
            {
                var ((x, age), weight) = (pairKeys[order[k]], alive[order[k]]);
                for (var week = 1; week <= weeks; week++)
                {
                    partial[at + week - 1] += weight * bgNbd.ExpectedPurchasesNumerator(x, age / PurchaseHistory.DaysPerWeek, week);
                }
            }
        });
    }

    /// <summary>The predictions of one customer (found by their id, then computed); null when they had no purchase by the calibration end.</summary>
    public CustomerValue? Find(int customerId)
    {
        int low = 0, high = histories.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var id = histories[mid].CustomerId;
            if (id == customerId)
            {
                return this[mid];
            }
            if (id < customerId)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return null;
    }

    public IEnumerator<CustomerValue> GetEnumerator()
    {
        for (var i = 0; i < histories.Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static IReadOnlyList<PurchaseHistory> InIdOrder(IReadOnlyList<PurchaseHistory> histories)
    {
        for (var i = 1; i < histories.Count; i++)
        {
            if (histories[i - 1].CustomerId > histories[i].CustomerId)
            {
                return [.. histories.OrderBy(h => h.CustomerId)];
            }
        }
        return histories;
    }
}

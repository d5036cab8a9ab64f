using System.Collections;

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
    private readonly Dictionary<(int X, int Age), (double Plain, double Valued)> numerators = [];

    public CustomerPredictions(IReadOnlyList<PurchaseHistory> histories, BgNbdParameters bgNbd, GammaGammaParameters? spend, int horizonWeeks,
        double annualDiscountRate, CancellationToken cancellationToken)
    {
        this.histories = InIdOrder(histories);
        this.bgNbd = bgNbd;
        this.spend = spend;
        for (var i = 0; i < histories.Count; i++)
        {
            if (i % 65_536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var h = histories[i];
            var key = (h.RepeatPurchases, h.FirstToEndDays);
            if (!numerators.ContainsKey(key))
            {
                var plain = bgNbd.ExpectedPurchasesNumerator(h.RepeatPurchases, h.AgeWeeks, horizonWeeks);
                // CLV discounts each week's expected purchases when a rate is set (ClvCalculator.Calculate).
                var valued = spend is not null && annualDiscountRate > 0
                    ? ClvCalculator.DiscountedNumerator(bgNbd, h.RepeatPurchases, h.AgeWeeks, horizonWeeks, annualDiscountRate)
                    : plain;
                numerators[key] = (plain, valued);
            }
        }
    }

    /// <summary>Distinct (x, T) among the customers.</summary>
    public int Pairs => numerators.Count;

    public int Count => histories.Count;

    public CustomerValue this[int index]
    {
        get
        {
            var h = histories[index];
            var x = h.RepeatPurchases;
            var (plain, valued) = numerators[(x, h.FirstToEndDays)];
            var denominator = bgNbd.AliveDenominator(x, h.RecencyWeeks, h.AgeWeeks);
            double? expectedSpend = null;
            double? clv = null;
            if (spend is not null)
            {
                expectedSpend = spend.ExpectedSpend(x, (double)(h.MeanRepeatValue ?? 0));
                clv = valued / denominator * expectedSpend.Value;
            }
            return new CustomerValue(h.CustomerId, x, h.RecencyWeeks, h.AgeWeeks, 1 / denominator, plain / denominator, expectedSpend, clv);
        }
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

namespace CustomerInsight.Core.Value;

/// <summary>One customer's predictions at a calibration end (metrics.md).</summary>
/// <param name="ExpectedPurchases">Expected purchases in the horizon's weeks after the calibration end.</param>
/// <param name="ExpectedSpend">Expected value of one purchase (Gamma-Gamma); null when the spend model could not be fitted.</param>
/// <param name="Clv">Expected purchases × expected spend over the horizon (discounted when a rate is set); null without a spend model.</param>
public sealed record CustomerValue(
    int CustomerId,
    int RepeatPurchases,
    double RecencyWeeks,
    double AgeWeeks,
    double ProbabilityAlive,
    double ExpectedPurchases,
    double? ExpectedSpend,
    double? Clv);

/// <summary>Predicted and actual repeat purchases of one week after the calibration end (week 1 = the 7 days after it).</summary>
public readonly record struct WeeklyPurchases(int Week, double Predicted, int Actual);

/// <summary>Both fits and every customer's predictions at one calibration end and horizon.</summary>
/// <param name="Customers">Sorted by customer id.</param>
public sealed record ClvResult(
    DateOnly CalibrationEnd,
    int HorizonWeeks,
    double AnnualDiscountRate,
    BgNbdFit BgNbd,
    GammaGammaFit? GammaGamma,
    IReadOnlyList<CustomerValue> Customers)
{
    public int RepeatCustomers => Customers.Count(c => c.RepeatPurchases > 0);

    public double ExpectedRepeatPurchases => Customers.Sum(c => c.ExpectedPurchases);

    /// <summary>The sum of the customers' CLV over the horizon; null without a spend model.</summary>
    public double? ExpectedValue => GammaGamma is null ? null : Customers.Sum(c => c.Clv ?? 0);

    /// <summary>The predictions of one customer; null when they had no purchase by the calibration end.</summary>
    public CustomerValue? Find(int customerId)
    {
        int low = 0, high = Customers.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var id = Customers[mid].CustomerId;
            if (id == customerId)
            {
                return Customers[mid];
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
}

/// <summary>Fits the two models of metrics.md and predicts every customer's purchases, spend and value.</summary>
public static class ClvCalculator
{
    public const double WeeksPerYear = 52.0;

    /// <summary>
    /// The fits and predictions over <paramref name="histories"/> at <paramref name="calibrationEnd"/>. CLV is expected
    /// purchases × expected spend; with a positive <paramref name="annualDiscountRate"/> each week's expected purchases
    /// are discounted by (1 + rate)^(week/52).
    /// </summary>
    public static ClvResult Calculate(
        IReadOnlyList<PurchaseHistory> histories,
        DateOnly calibrationEnd,
        int horizonWeeks,
        double annualDiscountRate = 0,
        IProgress<double>? progress = null,
        ClvPhases? phases = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonWeeks, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(annualDiscountRate);
        var bgnbd = BgNbdFitter.Fit(histories, new Progress(progress, 0, 0.8), phases, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var gammaGamma = GammaGammaFitter.Fit(histories, cancellationToken);
        phases?.Mark("Gamma-Gamma fit");
        progress?.Report(0.9);
        var p = bgnbd.Parameters;

        // The numerator of the expected purchases depends on (x, T) only: computed once per pair.
        var plain = new Dictionary<(int X, int Age), double>();
        var discounted = new Dictionary<(int X, int Age), double>();
        var customers = new CustomerValue[histories.Count];
        for (var i = 0; i < histories.Count; i++)
        {
            if (i % 65_536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var h = histories[i];
            var x = h.RepeatPurchases;
            var key = (x, h.FirstToEndDays);
            if (!plain.TryGetValue(key, out var numerator))
            {
                numerator = p.ExpectedPurchasesNumerator(x, h.AgeWeeks, horizonWeeks);
                plain[key] = numerator;
            }
            var denominator = p.AliveDenominator(x, h.RecencyWeeks, h.AgeWeeks);
            double? spend = null;
            double? clv = null;
            if (gammaGamma is not null)
            {
                spend = gammaGamma.Parameters.ExpectedSpend(x, (double)(h.MeanRepeatValue ?? 0));
                var valued = numerator;
                if (annualDiscountRate > 0 && !discounted.TryGetValue(key, out valued))
                {
                    valued = DiscountedNumerator(p, x, h.AgeWeeks, horizonWeeks, annualDiscountRate);
                    discounted[key] = valued;
                }
                clv = valued / denominator * spend.Value;
            }
            customers[i] = new CustomerValue(h.CustomerId, x, h.RecencyWeeks, h.AgeWeeks, 1 / denominator, numerator / denominator, spend, clv);
        }
        phases?.Mark("predictions", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{plain.Count:N0} distinct (x, T)"));
        if (!IsSortedById(customers))
        {
            Array.Sort(customers, (left, right) => left.CustomerId.CompareTo(right.CustomerId));
        }
        phases?.Mark("sort by customer");
        progress?.Report(1);
        return new ClvResult(calibrationEnd, horizonWeeks, annualDiscountRate, bgnbd, gammaGamma, customers);
    }

    /// <summary>
    /// Cumulative predicted repeat purchases of all the customers at the end of each of the <paramref name="weeks"/>
    /// weeks after the calibration end (conditional expectations, metrics.md), summed per (x, T) group.
    /// </summary>
    public static double[] CumulativePredicted(BgNbdParameters parameters, IReadOnlyList<PurchaseHistory> histories, int weeks)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(histories);
        var weightByGroup = new Dictionary<(int X, int Age), double>();
        foreach (var h in histories)
        {
            var key = (h.RepeatPurchases, h.FirstToEndDays);
            weightByGroup[key] = weightByGroup.GetValueOrDefault(key) + 1 / parameters.AliveDenominator(h.RepeatPurchases, h.RecencyWeeks,
                h.AgeWeeks);
        }
        // Per group, one ₂F₁ a week, in fixed slices on all cores (the same sums whatever the threads).
        var groups = weightByGroup.OrderBy(g => g.Key).ToArray();
        return LikelihoodSums.InSlices(groups.Length, weeks, (from, to, partial, at) =>
        {
            for (var g = from; g < to; g++)
            {
                var ((x, age), weight) = groups[g];
                for (var week = 1; week <= weeks; week++)
                {
                    partial[at + week - 1] += weight * parameters.ExpectedPurchasesNumerator(x, age / PurchaseHistory.DaysPerWeek, week);
                }
            }
        });
    }

    /// <summary>Week-by-week predicted purchases from cumulative ones, next to the actual counts.</summary>
    public static IReadOnlyList<WeeklyPurchases> Weekly(double[] cumulativePredicted, IReadOnlyList<int> actualPerWeek)
    {
        ArgumentNullException.ThrowIfNull(cumulativePredicted);
        ArgumentNullException.ThrowIfNull(actualPerWeek);
        var weeks = new WeeklyPurchases[Math.Min(cumulativePredicted.Length, actualPerWeek.Count)];
        for (var k = 0; k < weeks.Length; k++)
        {
            weeks[k] = new WeeklyPurchases(k + 1, cumulativePredicted[k] - (k == 0 ? 0 : cumulativePredicted[k - 1]), actualPerWeek[k]);
        }
        return weeks;
    }

    /// <summary>Σ over the horizon's weeks of that week's expected purchases (numerator part) discounted to the calibration end.</summary>
    private static double DiscountedNumerator(BgNbdParameters p, int x, double ageWeeks, int horizonWeeks, double rate)
    {
        double total = 0, previous = 0;
        var logRate = Math.Log(1 + rate);
        for (var k = 1; k <= horizonWeeks; k++)
        {
            var cumulative = p.ExpectedPurchasesNumerator(x, ageWeeks, k);
            total += (cumulative - previous) * Math.Exp(-logRate * k / WeeksPerYear);
            previous = cumulative;
        }
        return total;
    }

    private static bool IsSortedById(CustomerValue[] customers)
    {
        for (var i = 1; i < customers.Length; i++)
        {
            if (customers[i - 1].CustomerId > customers[i].CustomerId)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Maps a sub-task's progress 0–1 into [from, to] of the whole.</summary>
    private sealed class Progress(IProgress<double>? outer, double from, double to) : IProgress<double>
    {
        public void Report(double value) => outer?.Report(from + (to - from) * value);
    }
}

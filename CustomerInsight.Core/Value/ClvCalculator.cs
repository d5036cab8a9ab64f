namespace CustomerInsight.Core.Value;

/// <summary>One customer's predictions at a calibration end (metrics.md); computed when read (<see cref="CustomerPredictions"/>).</summary>
/// <param name="ExpectedPurchases">Expected purchases in the horizon's weeks after the calibration end.</param>
/// <param name="ExpectedSpend">Expected value of one purchase (Gamma-Gamma); null when the spend model could not be fitted.</param>
/// <param name="Clv">Expected purchases × expected spend over the horizon (discounted when a rate is set); null without a spend model.</param>
public readonly record struct CustomerValue(
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
    public CustomerValue? Find(int customerId) => Customers is CustomerPredictions predictions
        ? predictions.Find(customerId)
        : Customers.Where(c => c.CustomerId == customerId).Select(c => (CustomerValue?)c).FirstOrDefault();
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
        // The spend model reads only the repeat buyers' purchases: fitted beside BG/NBD, whose search leaves a core idle between its
        // likelihood evaluations (at 10 M order lines about 50 ms less of a fit's 0.4 s). Each fit's sums are the same either way.
        var spend = Task.Run(() => GammaGammaFitter.Fit(histories, cancellationToken), cancellationToken);
        var bgnbd = BgNbdFitter.Fit(histories, new Progress(progress, 0, 0.8), phases, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var gammaGamma = spend.GetAwaiter().GetResult();
        phases?.Mark("Gamma-Gamma fit", "beside BG/NBD, the time waited after it");
        progress?.Report(0.9);
        var p = bgnbd.Parameters;

        var customers = new CustomerPredictions(histories, p, gammaGamma?.Parameters, horizonWeeks, annualDiscountRate, cancellationToken);
        phases?.Mark("predictions", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{customers.Pairs:N0} distinct (x, T)"));
        progress?.Report(1);
        return new ClvResult(calibrationEnd, horizonWeeks, annualDiscountRate, bgnbd, gammaGamma, customers);
    }

    /// <summary>
    /// Gets the fits' code compiled optimized before a first fit, off the request path: a few rounds of a whole fit over a small
    /// generated base, apart enough for the runtime to optimize what they ran in the background between them (about 1 s, a few
    /// milliseconds of work each). .NET compiles its vector exponential and logarithm, and the generic code the fits
    /// instantiate, unoptimized at their first call and keeps them so until they have been called often enough: a whole first
    /// BG/NBD search ran 2–2.5 × slower (bench/RESULTS.md). A web node calls it once at start. Nothing in a Debug build, whose
    /// code the runtime never optimizes.
    /// </summary>
    public static async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        if (typeof(ClvCalculator).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false) is
            [System.Diagnostics.DebuggableAttribute { IsJITOptimizerDisabled: true }])
        {
            // A Debug build (the tests' apps) is never compiled optimized: nothing to warm, only their time to lose.
            return;
        }
        var histories = WarmUpHistories();
        var end = new DateOnly(2000, 12, 31);
        for (var round = 0; round < 4; round++)
        {
            var fit = Calculate(histories, end, 52, 0, null, null, cancellationToken);
            _ = CumulativePredicted(fit, 8);
            _ = fit.ExpectedValue;
            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>
    /// The warm-up's base: <paramref name="customers"/> customers who buy as the BG/NBD model says, drawn with a fixed seed: purchase
    /// rates of 0.05 to 1 a week, a chance of 5 to 40 % of dropping out after each purchase, first purchases spread over a year before
    /// the end (the tests draw larger bases the same way).
    /// </summary>
    internal static IReadOnlyList<PurchaseHistory> WarmUpHistories(int customers = 500)
    {
        double[] rates = [0.05, 0.1, 0.2, 0.5, 1.0];
        double[] dropOuts = [0.05, 0.1, 0.2, 0.4];
        var random = new Random(20261206);
        var histories = new PurchaseHistory[customers];
        for (var i = 0; i < histories.Length; i++)
        {
            var (rate, dropOut) = (rates[i % rates.Length], dropOuts[i / rates.Length % dropOuts.Length]);
            var age = 7 + random.Next(365);
            int repeats = 0, last = 0;
            for (var weeks = 0.0; random.NextDouble() >= dropOut;)
            {
                weeks += -Math.Log(1 - random.NextDouble()) / rate;
                var day = (int)(weeks * PurchaseHistory.DaysPerWeek);
                if (day > age)
                {
                    break;
                }
                if (day > last)
                {
                    (repeats, last) = (repeats + 1, day);
                }
            }
            histories[i] = new PurchaseHistory(i + 1, repeats, last, age, repeats * (10m + random.Next(90)));
        }
        return histories;
    }

    /// <summary>
    /// Cumulative predicted repeat purchases of all the customers of <paramref name="model"/> at the end of each of the
    /// <paramref name="weeks"/> weeks after the calibration end (conditional expectations, metrics.md), summed per (x, T) group
    /// (<see cref="CustomerPredictions.CumulativePredicted"/>); zeros for a fit without customers.
    /// </summary>
    public static double[] CumulativePredicted(ClvResult model, int weeks)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Customers is CustomerPredictions predictions ? predictions.CumulativePredicted(weeks) : new double[weeks];
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
    internal static double DiscountedNumerator(BgNbdParameters p, int x, double ageWeeks, int horizonWeeks, double rate)
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

    /// <summary>Maps a sub-task's progress 0–1 into [from, to] of the whole.</summary>
    private sealed class Progress(IProgress<double>? outer, double from, double to) : IProgress<double>
    {
        public void Report(double value) => outer?.Report(from + (to - from) * value);
    }
}

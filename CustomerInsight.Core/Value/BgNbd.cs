using MathNet.Numerics;

namespace CustomerInsight.Core.Value;

/// <summary>
/// The BG/NBD model of Fader, Hardie and Lee (2005) with its four parameters (metrics.md): purchases while alive
/// follow a Poisson process whose rate is Gamma(r, α) across customers; after each purchase a customer drops
/// out with a probability that is Beta(a, b) across customers. Time is in weeks.
/// </summary>
public sealed record BgNbdParameters(double R, double Alpha, double A, double B)
{
    /// <summary>ln L of one customer with x repeat purchases, the last at t_x, observed for T weeks (metrics.md).</summary>
    public double LogLikelihood(int x, double recencyWeeks, double ageWeeks)
    {
        var a1 = SpecialFunctions.GammaLn(R + x) - SpecialFunctions.GammaLn(R) + R * Math.Log(Alpha);
        var a2 = SpecialFunctions.GammaLn(A + B) + SpecialFunctions.GammaLn(B + x) - SpecialFunctions.GammaLn(B) - SpecialFunctions.GammaLn(A + B + x);
        var a3 = -(R + x) * Math.Log(Alpha + ageWeeks);
        if (x == 0)
        {
            return a1 + a2 + a3;
        }
        var a4 = Math.Log(A) - Math.Log(B + x - 1) - (R + x) * Math.Log(Alpha + recencyWeeks);
        return a1 + a2 + LogSumExp(a3, a4);
    }

    /// <summary>P(alive) at the calibration end (metrics.md); 1 for a customer without repeat purchases.</summary>
    public double ProbabilityAlive(int x, double recencyWeeks, double ageWeeks) => 1 / AliveDenominator(x, recencyWeeks, ageWeeks);

    /// <summary>1 + 1{x&gt;0} · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x): the denominator shared by P(alive) and the expected purchases.</summary>
    public double AliveDenominator(int x, double recencyWeeks, double ageWeeks) =>
        x == 0 ? 1 : 1 + A / (B + x - 1) * Math.Exp((R + x) * (Math.Log(Alpha + ageWeeks) - Math.Log(Alpha + recencyWeeks)));

    /// <summary>Expected purchases in the next <paramref name="weeks"/> of a customer (metrics.md).</summary>
    public double ExpectedPurchases(int x, double recencyWeeks, double ageWeeks, double weeks) =>
        ExpectedPurchasesNumerator(x, ageWeeks, weeks) / AliveDenominator(x, recencyWeeks, ageWeeks);

    /// <summary>
    /// [(a+b+x−1)/(a−1)] · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]: the part of the expected
    /// purchases that depends on x and T only (many customers share it).
    /// </summary>
    public double ExpectedPurchasesNumerator(int x, double ageWeeks, double weeks)
    {
        if (weeks <= 0)
        {
            return 0;
        }
        var z = weeks / (Alpha + ageWeeks + weeks);
        var logPart = (R + x) * Math.Log((Alpha + ageWeeks) / (Alpha + ageWeeks + weeks))
            + Hypergeometric.Log2F1(R + x, B + x, A + B + x - 1, z);
        // 1 − e^logPart without losing digits when logPart is near 0.
        return (A + B + x - 1) / (A - 1) * -double.ExpM1(logPart);
    }

    /// <summary>
    /// E[X(t)]: expected repeat purchases of a customer in the first t weeks after their first purchase, before
    /// anything is known of them (Fader, Hardie and Lee 2005, eq. 9; the cohort's tracking curve).
    /// </summary>
    public double ExpectedRepeatPurchasesSinceFirst(double weeks)
    {
        if (weeks <= 0)
        {
            return 0;
        }
        var logPart = R * Math.Log(Alpha / (Alpha + weeks)) + Hypergeometric.Log2F1(R, B, A + B - 1, weeks / (Alpha + weeks));
        return (A + B - 1) / (A - 1) * -double.ExpM1(logPart);
    }

    internal static double LogSumExp(double u, double v)
    {
        var top = Math.Max(u, v);
        return top + Math.Log(Math.Exp(u - top) + Math.Exp(v - top));
    }
}

/// <summary>A fitted model: its parameters and the log-likelihood they reach.</summary>
public sealed record BgNbdFit(BgNbdParameters Parameters, double LogLikelihood, int Customers);

/// <summary>Fits <see cref="BgNbdParameters"/> by maximum likelihood (<see cref="LogParameterOptimizer"/>).</summary>
public static class BgNbdFitter
{
    /// <summary>The fit of metrics.md over <paramref name="histories"/>; needs at least one customer with a repeat purchase.</summary>
    /// <param name="progress">Receives the share done (0–1) as the optimiser goes.</param>
    public static BgNbdFit Fit(IReadOnlyList<PurchaseHistory> histories, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        if (histories.Count == 0)
        {
            throw new ArgumentException("The BG/NBD model needs at least one customer.", nameof(histories));
        }
        if (!histories.Any(h => h.RepeatPurchases > 0))
        {
            // Without a repeat purchase the likelihood does not depend on a and b (dropout after a purchase): nothing to fit.
            throw new NoRepeatPurchaseException(histories.Count);
        }
        var likelihood = new GroupedLikelihood(histories);
        var start = new[] { 0.0, Math.Log(Math.Max(1, likelihood.MeanAgeWeeks)), 0.0, 0.0 };
        var found = LogParameterOptimizer.Minimize(
            v => -likelihood.Sum(new BgNbdParameters(v[0], v[1], v[2], v[3])),
            start,
            evaluations => progress?.Report(Math.Min(0.95, evaluations / (double)ExpectedEvaluations)),
            cancellationToken);
        var parameters = new BgNbdParameters(found[0], found[1], found[2], found[3]);
        progress?.Report(1);
        return new BgNbdFit(parameters, likelihood.Sum(parameters), histories.Count);
    }

    private const int ExpectedEvaluations = 1500;

    /// <summary>
    /// The log-likelihood summed over groups of customers with the same (x, t_x, T), the parts depending on x,
    /// t_x or T alone computed once per distinct value: a million customers fall into far fewer groups.
    /// </summary>
    internal sealed class GroupedLikelihood
    {
        private readonly int[] groupX;
        private readonly int[] groupRecency;
        private readonly int[] groupAge;
        private readonly double[] groupWeight;
        private readonly int[] xs;
        private readonly int maxDays;

        public GroupedLikelihood(IReadOnlyList<PurchaseHistory> histories)
        {
            var groups = new Dictionary<(int X, int Recency, int Age), int>();
            foreach (var h in histories)
            {
                var key = (h.RepeatPurchases, h.FirstToLastDays, h.FirstToEndDays);
                groups[key] = groups.GetValueOrDefault(key) + 1;
            }
            groupX = new int[groups.Count];
            groupRecency = new int[groups.Count];
            groupAge = new int[groups.Count];
            groupWeight = new double[groups.Count];
            var i = 0;
            double ageSum = 0;
            foreach (var ((x, recency, age), count) in groups)
            {
                groupX[i] = x;
                groupRecency[i] = recency;
                groupAge[i] = age;
                groupWeight[i] = count;
                ageSum += age / PurchaseHistory.DaysPerWeek * count;
                maxDays = Math.Max(maxDays, age);
                i++;
            }
            xs = groupX.Distinct().Order().ToArray();
            MeanAgeWeeks = ageSum / histories.Count;
        }

        public double MeanAgeWeeks { get; }

        public double Sum(BgNbdParameters p)
        {
            var maxX = xs[^1];
            // Per x: the terms of ln L that depend on x only.
            var common = new double[maxX + 1];
            var dropTerm = new double[maxX + 1];
            var constant = -SpecialFunctions.GammaLn(p.R) + p.R * Math.Log(p.Alpha) + SpecialFunctions.GammaLn(p.A + p.B) - SpecialFunctions.GammaLn(p.B);
            foreach (var x in xs)
            {
                common[x] = constant + SpecialFunctions.GammaLn(p.R + x) + SpecialFunctions.GammaLn(p.B + x) - SpecialFunctions.GammaLn(p.A + p.B + x);
                dropTerm[x] = x > 0 ? Math.Log(p.A) - Math.Log(p.B + x - 1) : 0;
            }
            // Per day count: ln(α + days/7).
            var logAlphaPlus = new double[maxDays + 1];
            for (var d = 0; d <= maxDays; d++)
            {
                logAlphaPlus[d] = Math.Log(p.Alpha + d / PurchaseHistory.DaysPerWeek);
            }
            double sum = 0;
            for (var g = 0; g < groupX.Length; g++)
            {
                var x = groupX[g];
                var a3 = -(p.R + x) * logAlphaPlus[groupAge[g]];
                var value = x == 0
                    ? common[x] + a3
                    : common[x] + BgNbdParameters.LogSumExp(a3, dropTerm[x] - (p.R + x) * logAlphaPlus[groupRecency[g]]);
                sum += groupWeight[g] * value;
            }
            return sum;
        }
    }
}

/// <summary>
/// The purchases to fit hold no repeat purchase (every customer bought on one day only): the BG/NBD likelihood then does not
/// depend on a and b, so the model cannot be fitted (bad input for that calibration end, not a failure).
/// </summary>
public sealed class NoRepeatPurchaseException(int customers)
    : ArgumentException($"The BG/NBD model needs at least one customer with a repeat purchase; none of the {customers} customers has one.")
{
    /// <summary>The customers of the data fitted, each with a single purchase.</summary>
    public int Customers { get; } = customers;
}

using MathNet.Numerics;

namespace CustomerInsight.Core.Value;

/// <summary>
/// The Gamma-Gamma spend model (Fader, Hardie and Lee 2005, JMR; Fader and Hardie's note): a purchase's value is
/// Gamma(p, ν) around a customer's mean, ν is Gamma(q, γ) across customers (metrics.md).
/// </summary>
public sealed record GammaGammaParameters(double P, double Q, double Gamma)
{
    /// <summary>ln L of one customer with x &gt; 0 repeat purchases of mean value m &gt; 0 (metrics.md).</summary>
    public double LogLikelihood(int x, double meanValue) =>
        SpecialFunctions.GammaLn(P * x + Q) - SpecialFunctions.GammaLn(P * x) - SpecialFunctions.GammaLn(Q) + Q * Math.Log(Gamma)
        + (P * x - 1) * Math.Log(meanValue) + P * x * Math.Log(x) - (P * x + Q) * Math.Log(Gamma + meanValue * x);

    /// <summary>Expected value of a purchase: p(γ + m x)/(px + q − 1), and pγ/(q − 1) for a customer without repeat purchases.</summary>
    public double ExpectedSpend(int x, double meanValue) =>
        x == 0 ? P * Gamma / (Q - 1) : P * (Gamma + meanValue * x) / (P * x + Q - 1);
}

/// <summary>A fitted spend model: its parameters, the log-likelihood and how many customers it was fitted on.</summary>
public sealed record GammaGammaFit(GammaGammaParameters Parameters, double LogLikelihood, int Customers);

/// <summary>Fits <see cref="GammaGammaParameters"/> by maximum likelihood on the customers with x &gt; 0
/// (<see cref="LogParameterOptimizer"/>).</summary>
public static class GammaGammaFitter
{
    /// <summary>
    /// The fit over the customers of <paramref name="histories"/> with repeat purchases of a positive mean value
    /// (a mean of 0 or less, possible only with free orders, has no likelihood under a Gamma); null when none.
    /// </summary>
    public static GammaGammaFit? Fit(IReadOnlyList<PurchaseHistory> histories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var repeatBuyers = new List<int>();
        var meanList = new List<double>();
        foreach (var h in histories)
        {
            if (h.RepeatPurchases > 0 && h.MeanRepeatValue is { } m && m > 0)
            {
                repeatBuyers.Add(h.RepeatPurchases);
                meanList.Add((double)m);
            }
        }
        if (repeatBuyers.Count == 0)
        {
            return null;
        }
        int[] xs = [.. repeatBuyers];
        double[] means = [.. meanList];
        var logMeans = Array.ConvertAll(means, m => Math.Log(m));
        var count = xs.Length;
        var maxX = xs.Max();
        var distinctX = xs.Distinct().ToArray();
        var customersByX = new double[maxX + 1];
        // The parameter-free sums: Σ (px − 1) ln m = p Σ x ln m − Σ ln m; m x (the repeat purchases' total) once per customer.
        double sumXLogMean = 0, sumLogMean = 0;
        var totals = new double[count];
        var repeats = Array.ConvertAll(xs, x => (double)x);
        for (var i = 0; i < count; i++)
        {
            customersByX[xs[i]]++;
            sumXLogMean += xs[i] * logMeans[i];
            sumLogMean += logMeans[i];
            totals[i] = means[i] * xs[i];
        }
        double LogLikelihood(GammaGammaParameters p)
        {
            double sum = p.P * sumXLogMean - sumLogMean + count * (-SpecialFunctions.GammaLn(p.Q) + p.Q * Math.Log(p.Gamma));
            foreach (var x in distinctX)
            {
                sum += customersByX[x] * (SpecialFunctions.GammaLn(p.P * x + p.Q) - SpecialFunctions.GammaLn(p.P * x) + p.P * x * Math.Log(x));
            }
            // −Σ (px + q) ln(γ + m x): one logarithm per customer.
            sum -= LikelihoodSums.LinearTimesLog(repeats, totals, p.P, p.Q, p.Gamma);
            return sum;
        }
        var start = new[] { 0.0, 0.0, Math.Log(Math.Max(1e-3, means.Average())) };
        var found = LogParameterOptimizer.Minimize(v => -LogLikelihood(new GammaGammaParameters(v[0], v[1], v[2])), start, null, cancellationToken);
        var parameters = new GammaGammaParameters(found[0], found[1], found[2]);
        return new GammaGammaFit(parameters, LogLikelihood(parameters), count);
    }
}

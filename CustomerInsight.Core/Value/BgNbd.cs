using CustomerInsight.Core.Analytics;
using System.Globalization;
using System.Runtime.CompilerServices;
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
        // ln Γ(a+b) − ln Γ(b) + ln Γ(b+x) − ln Γ(a+b+x), as differences: b may be in the millions (GammaRatio).
        var a2 = GammaRatio.Log(B, A) - GammaRatio.Log(B + x, A);
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
        AliveDenominatorFromLogs(x, Math.Log(Alpha + ageWeeks), Math.Log(Alpha + recencyWeeks));

    /// <summary>The same from ln(α + T) and ln(α + t_x), for callers that hold them per day count.</summary>
    internal double AliveDenominatorFromLogs(int x, double logAlphaPlusAge, double logAlphaPlusRecency) =>
        x == 0 ? 1 : 1 + A / (B + x - 1) * Math.Exp((R + x) * (logAlphaPlusAge - logAlphaPlusRecency));

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
    /// <summary>
    /// The search's relative tolerance on ln L (<see cref="LogParameterOptimizer.MaximizeSmooth"/>). Where the data barely tell a and
    /// b apart (few drop-outs: the maximum lies on a long flat ridge, a → 0 or b → ∞), ln L creeps up along the ridge to its end;
    /// at 1e-10 of a ln L of 8.3 million the search ends within a thousandth of it (ln L is exact to far less out there: the
    /// differences of ln Γ and ψ at b ≈ 3 million come from <see cref="GammaRatio"/>). The paper's CDNOW parameters come out
    /// (ClvCdnowTests), as high as a Nelder-Mead search to 1e-14 (LogParameterOptimizerTests); on a ridge, as high as one to 1e-12
    /// with the same predictions to 1e-5 (BgNbdSearchToleranceTests). bench/RESULTS.md has the figures.
    /// </summary>
    public const double SearchTolerance = 1e-10;

    /// <summary>The fit of metrics.md over <paramref name="histories"/>; needs at least one customer with a repeat purchase.</summary>
    /// <param name="progress">Receives the share done (0–1) as the optimiser goes.</param>
    /// <param name="phases">Receives the time of grouping the customers and of the search.</param>
    public static BgNbdFit Fit(IReadOnlyList<PurchaseHistory> histories, IProgress<double>? progress = null, ClvPhases? phases = null,
        CancellationToken cancellationToken = default) =>
        Fit(histories, SubsampleStart.Default, progress, phases, cancellationToken);

    /// <summary>The fit, its search started as <paramref name="warmStart"/> says.</summary>
    internal static BgNbdFit Fit(IReadOnlyList<PurchaseHistory> histories, SubsampleStart warmStart, IProgress<double>? progress,
        ClvPhases? phases, CancellationToken cancellationToken)
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
        double[]? start = null;
        if (warmStart.Sample(histories) is { } sample && sample.Any(h => h.RepeatPurchases > 0))
        {
            var subsample = new GroupedLikelihood(sample);
            var (found, count) = Search(subsample, StartLogs(subsample), SubsampleStart.Tolerance, progress, 0, 0.5, cancellationToken);
            start = Array.ConvertAll(found, Math.Log);
            phases?.Mark("BG/NBD start", string.Create(CultureInfo.InvariantCulture,
                $"search over {sample.Count:N0} of the customers, {subsample.Groups:N0} distinct (x, t_x, T), {count:N0} likelihood evaluations"));
        }
        var likelihood = new GroupedLikelihood(histories);
        phases?.Mark("BG/NBD grouping", string.Create(CultureInfo.InvariantCulture, $"{likelihood.Groups:N0} distinct (x, t_x, T)"));
        var (values, evaluations) = Search(likelihood, start ?? StartLogs(likelihood), SearchTolerance, progress, start is null ? 0 : 0.5, 1,
            cancellationToken, start is null ? ExpectedEvaluations : ExpectedWarmEvaluations);
        var parameters = new BgNbdParameters(values[0], values[1], values[2], values[3]);
        progress?.Report(1);
        var fit = new BgNbdFit(parameters, likelihood.Sum(parameters), histories.Count);
        phases?.Mark("BG/NBD search", string.Create(CultureInfo.InvariantCulture, $"{evaluations:N0} likelihood evaluations"));
        return fit;
    }

    /// <summary>The parameters maximising <paramref name="likelihood"/> from <paramref name="startLogs"/>, and the evaluations it took;
    /// progress reported between <paramref name="from"/> and <paramref name="to"/>.</summary>
    private static (double[] Parameters, int Evaluations) Search(GroupedLikelihood likelihood, double[] startLogs, double tolerance,
        IProgress<double>? progress, double from, double to, CancellationToken cancellationToken, int expected = ExpectedEvaluations)
    {
        var count = 0;
        var found = LogParameterOptimizer.MaximizeSmooth(
            (v, gradient) => likelihood.Evaluate(new BgNbdParameters(v[0], v[1], v[2], v[3]), gradient),
            startLogs,
            evaluations =>
            {
                count = evaluations;
                // A report every few evaluations: each one re-renders a page's progress bar.
                if (evaluations % 8 == 0)
                {
                    progress?.Report(from + ((to - from) * Math.Min(0.95, evaluations / (double)expected)));
                }
            },
            cancellationToken,
            tolerance);
        return (found, count);
    }

    /// <summary>Where the search starts, as logarithms of (r, α, a, b): 1, the customers' mean age in weeks (at least 1), 1, 1.</summary>
    internal static double[] StartLogs(GroupedLikelihood likelihood) => [0.0, Math.Log(Math.Max(1, likelihood.MeanAgeWeeks)), 0.0, 0.0];

    /// <summary>A typical search's evaluations from the usual start, for the progress shown (43 at the 10 M-line benchmark's
    /// 2025-03-31).</summary>
    private const int ExpectedEvaluations = 80;

    /// <summary>The same from a subsample's maximum (<see cref="SubsampleStart"/>).</summary>
    private const int ExpectedWarmEvaluations = 20;

    /// <summary>
    /// The log-likelihood summed over groups of customers with the same (x, t_x, T), the parts depending on x or T alone computed once
    /// per distinct value: a million customers fall into far fewer groups. With LSE(a3, a4) = a3 + ln(1 + e^(a4 − a3)), the a3 term
    /// −(r + x) ln(α + T) of every customer sums per T, so only the repeat buyers' groups need an exponential and a logarithm each
    /// (<see cref="LikelihoodSums"/>).
    /// </summary>
    internal sealed class GroupedLikelihood
    {
        private const int MaxDaysBits = 21;

        // Groups with x > 0: x, t_x and T in days, customers.
        private readonly int[] groupX;
        private readonly int[] groupRecency;
        private readonly int[] groupAge;
        private readonly double[] groupWeight;
        private readonly int[] xs;
        private readonly double[] weightByX;
        private readonly double[] weightByAge;
        private readonly double[] repeatsByAge;
        private readonly int maxDays;

        public GroupedLikelihood(IReadOnlyList<PurchaseHistory> histories)
        {
            double ageSum = 0;
            var maxX = 0;
            foreach (var h in histories)
            {
                if (h.FirstToEndDays >= 1 << MaxDaysBits || h.FirstToLastDays < 0 || h.FirstToLastDays > h.FirstToEndDays || h.RepeatPurchases < 0)
                {
                    throw new ArgumentException($"Customer {h.CustomerId}: t_x and T must satisfy 0 ≤ t_x ≤ T < 2^{MaxDaysBits} days, x ≥ 0.",
                        nameof(histories));
                }
                ageSum += h.FirstToEndDays / PurchaseHistory.DaysPerWeek;
                maxDays = Math.Max(maxDays, h.FirstToEndDays);
                maxX = Math.Max(maxX, h.RepeatPurchases);
            }
            // (x, t_x, T) as one number, x first, then t_x, then T, sorted: the groups come out in one order whatever the order of
            // the customers. Sorted by radix in working arrays kept between fits (a comparison sort of 750 k keys took 45–115 ms).
            var days = maxDays + 1L;
            using var keyArray = Scratch.Rent<long>(histories.Count);
            using var buffer = Scratch.Rent<long>(histories.Count);
            var keys = keyArray.Span;
            for (var i = 0; i < keys.Length; i++)
            {
                var h = histories[i];
                keys[i] = (((h.RepeatPurchases * days) + h.FirstToLastDays) * days) + h.FirstToEndDays;
            }
            RadixSort(keys, buffer.Span, (((maxX * days) + maxDays) * days) + maxDays);
            weightByX = new double[maxX + 1];
            weightByAge = new double[maxDays + 1];
            repeatsByAge = new double[maxDays + 1];
            var repeatGroups = 0;
            for (var i = 0; i < keys.Length; i++)
            {
                if ((i == 0 || keys[i] != keys[i - 1]) && keys[i] >= days * days)
                {
                    repeatGroups++;
                }
            }
            groupX = new int[repeatGroups];
            groupRecency = new int[repeatGroups];
            groupAge = new int[repeatGroups];
            groupWeight = new double[repeatGroups];
            var g = 0;
            for (var start = 0; start < keys.Length;)
            {
                var end = start + 1;
                while (end < keys.Length && keys[end] == keys[start])
                {
                    end++;
                }
                var key = keys[start];
                var x = (int)(key / (days * days));
                var t = (int)(key % days);
                var count = end - start;
                weightByX[x] += count;
                weightByAge[t] += count;
                repeatsByAge[t] += (double)x * count;
                if (x > 0)
                {
                    groupX[g] = x;
                    groupRecency[g] = (int)(key / days % days);
                    groupAge[g] = t;
                    groupWeight[g] = count;
                    g++;
                }
                Groups++;
                start = end;
            }
            xs = Enumerable.Range(0, maxX + 1).Where(x => weightByX[x] > 0).ToArray();
            MeanAgeWeeks = ageSum / histories.Count;
        }

        /// <summary>Sorts non-negative <paramref name="keys"/> of at most <paramref name="max"/>, 16 bits a pass from the lowest
        /// (<paramref name="buffer"/>: as long): linear in their number.</summary>
        private static void RadixSort(Span<long> keys, Span<long> buffer, long max)
        {
            var starts = new int[1 << 16];
            var inKeys = true;
            for (var shift = 0; shift < 63 && max >> shift > 0; shift += 16)
            {
                if (inKeys)
                {
                    Pass(keys, buffer, shift, starts);
                }
                else
                {
                    Pass(buffer, keys, shift, starts);
                }
                inKeys = !inKeys;
            }
            if (!inKeys)
            {
                buffer.CopyTo(keys);
            }
        }

        /// <summary>One stable pass of the radix sort: <paramref name="from"/> into <paramref name="to"/> by the 16 bits at
        /// <paramref name="shift"/>.</summary>
        private static void Pass(ReadOnlySpan<long> from, Span<long> to, int shift, int[] starts)
        {
            Array.Clear(starts);
            foreach (var key in from)
            {
                starts[(int)((key >> shift) & 0xFFFF)]++;
            }
            var sum = 0;
            for (var d = 0; d < starts.Length; d++)
            {
                (starts[d], sum) = (sum, sum + starts[d]);
            }
            foreach (var key in from)
            {
                to[starts[(int)((key >> shift) & 0xFFFF)]++] = key;
            }
        }

        public double MeanAgeWeeks { get; }

        /// <summary>Distinct (x, t_x, T).</summary>
        public int Groups { get; }

        /// <summary>ln L at <paramref name="p"/>.</summary>
        public double Sum(BgNbdParameters p) => Evaluate(p, new double[4]);

        /// <summary>ln L at <paramref name="p"/>; writes its derivatives by r, α, a and b into <paramref name="gradient"/>.</summary>
        public double Evaluate(BgNbdParameters p, double[] gradient)
        {
            // Per x: the terms of ln L that depend on x only, and their derivatives (ψ = d ln Γ).
            var dropTerm = new double[weightByX.Length];
            var inverseDrop = new double[weightByX.Length];
            // The differences of ln Γ and ψ at b and a + b through GammaRatio: b may be in the millions.
            var constant = -SpecialFunctions.GammaLn(p.R) + p.R * Math.Log(p.Alpha) + GammaRatio.Log(p.B, p.A);
            var (psiR, psiABMinusB) = (SpecialFunctions.DiGamma(p.R), GammaRatio.DiGamma(p.B, p.A));
            double sum = 0, dR = 0, dA = 0, dB = 0, customers = 0;
            foreach (var x in xs)
            {
                var w = weightByX[x];
                var common = constant + SpecialFunctions.GammaLn(p.R + x) - GammaRatio.Log(p.B + x, p.A);
                sum += w * common;
                customers += w;
                dR += w * (SpecialFunctions.DiGamma(p.R + x) - psiR);
                dA -= w * GammaRatio.DiGamma(p.A + p.B, x);
                dB += w * (psiABMinusB - GammaRatio.DiGamma(p.B + x, p.A));
                if (x > 0)
                {
                    dropTerm[x] = Math.Log(p.A) - Math.Log(p.B + x - 1);
                    inverseDrop[x] = 1 / (p.B + x - 1);
                }
            }
            dR += customers * Math.Log(p.Alpha);
            var dAlpha = customers * p.R / p.Alpha;
            // Per day count: ln(α + days/7) and its inverse; the a3 terms −(r + x) ln(α + T) of all customers, per T.
            var logAlphaPlus = new double[maxDays + 1];
            var inverseAlphaPlus = new double[maxDays + 1];
            for (var d = 0; d <= maxDays; d++)
            {
                var alphaPlus = p.Alpha + d / PurchaseHistory.DaysPerWeek;
                logAlphaPlus[d] = Math.Log(alphaPlus);
                inverseAlphaPlus[d] = 1 / alphaPlus;
                var a3Weight = p.R * weightByAge[d] + repeatsByAge[d];
                sum -= a3Weight * logAlphaPlus[d];
                dR -= weightByAge[d] * logAlphaPlus[d];
                dAlpha -= a3Weight * inverseAlphaPlus[d];
            }
            // Repeat buyers: ln(1 + e^z), z = a4 − a3 = ln a − ln(b + x − 1) + (r + x)(ln(α + T) − ln(α + t_x)); its derivative is
            // σ(z) times z's: by r, ln(α + T) − ln(α + t_x); by α, (r + x)(1/(α + T) − 1/(α + t_x)); by a, 1/a; by b, −1/(b + x − 1).
            var softplus = LikelihoodSums.WeightedSoftplus((start, z, byR, byAlpha, byB) =>
                FillGroups(p.R, dropTerm, inverseDrop, logAlphaPlus, inverseAlphaPlus, start, z, byR, byAlpha, byB), groupWeight);
            gradient[0] = dR + softplus[2];
            gradient[1] = dAlpha + softplus[3];
            gradient[2] = dA + (softplus[1] / p.A);
            gradient[3] = dB - softplus[4];
            return sum + softplus[0];
        }

        // The hot loop of an evaluation, compiled optimized at its first call (see LikelihoodSums).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void FillGroups(double r, double[] dropTerm, double[] inverseDrop, double[] logAlphaPlus, double[] inverseAlphaPlus,
            int start, Span<double> z, Span<double> byR, Span<double> byAlpha, Span<double> byB)
        {
            for (var i = 0; i < z.Length; i++)
            {
                var g = start + i;
                var x = groupX[g];
                var (age, recency) = (groupAge[g], groupRecency[g]);
                var logRatio = logAlphaPlus[age] - logAlphaPlus[recency];
                z[i] = dropTerm[x] + (r + x) * logRatio;
                byR[i] = logRatio;
                byAlpha[i] = (r + x) * (inverseAlphaPlus[age] - inverseAlphaPlus[recency]);
                byB[i] = inverseDrop[x];
            }
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

using MathNet.Numerics;

namespace CustomerInsight.Core.Value;

/// <summary>
/// The Gaussian hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z &lt; 1 and a, b, c &gt; 0, as its natural
/// logarithm (the function is positive there, and for the large a, b of frequent buyers it overflows a double).
/// </summary>
/// <remarks>
/// Below <see cref="SeriesLimit"/> the power series converges fast and its terms are all positive. Near 1 it
/// does not (its terms first grow like n^(a+b−c−1) before z^n wins), so there the linear transformation to
/// 1 − z is used (Abramowitz and Stegun 15.3.6), with the gamma factors in logarithms and their signs kept.
/// That formula has poles where c − a − b is an integer, and loses digits close to them: within <see cref="IntegerGap"/>
/// of one, the value is interpolated (₂F₁ is smooth in c) from four points at 1 and 2 gaps either side of the pole.
/// </remarks>
public static class Hypergeometric
{
    internal const double SeriesLimit = 0.7;
    internal const double IntegerGap = 1e-3;
    internal const double LargeParameter = 1e4;
    private const int MaxTerms = 5_000_000;
    private const double CancellationLimit = 1e-6;
    private const double Rescale = 1e200;
    private static readonly double LogRescale = Math.Log(Rescale);

    /// <summary>ln ₂F₁(a, b; c; z) for a, b, c &gt; 0 and 0 ≤ z &lt; 1.</summary>
    public static double Log2F1(double a, double b, double c, double z)
    {
        if (!(a > 0) || !(b > 0) || !(c > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(c), "₂F₁ is computed here for a, b, c > 0 only.");
        }
        if (!(z >= 0) || !(z < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "₂F₁ is computed here for 0 ≤ z < 1 only.");
        }
        if (z <= SeriesLimit)
        {
            var (log, _) = LogSeries(a, b, c, z);
            return log;
        }
        var m = c - a - b;
        if (Math.Abs(c - a) > LargeParameter || Math.Abs(c - b) > LargeParameter || Math.Abs(m) > LargeParameter)
        {
            // Euler's transformation F(a,b;c;z) = (1−z)^(c−a−b) F(c−a, c−b; c; z): with a huge parameter (a fit at a
            // boundary: almost no one drops out) its series shrinks about geometrically from the start, where the
            // transformation to 1 − z would need millions of terms. Unless its terms grow for longer than the series' own:
            // with c − b huge too (a and b both in the millions, c − a small) they grow for millions of terms while the
            // series' own shrink from the start.
            if (GrowingTerms(a, b, c, z) < GrowingTerms(c - a, c - b, c, z))
            {
                return LogSeries(a, b, c, z).Log;
            }
            var (euler, _) = LogSeries(c - a, c - b, c, z);
            return m * Math.Log(1 - z) + euler;
        }
        var pole = Math.Round(m);
        if (Math.Abs(m - pole) < IntegerGap)
        {
            // Cubic interpolation in c through four points 1 and 2 gaps either side of the pole, where the
            // transformation is accurate: error of the order of the gap^4.
            double[] nodes = [-2 * IntegerGap, -IntegerGap, IntegerGap, 2 * IntegerGap];
            var at = m - pole;
            double value = 0;
            for (var i = 0; i < nodes.Length; i++)
            {
                var weight = 1.0;
                for (var j = 0; j < nodes.Length; j++)
                {
                    if (j != i)
                    {
                        weight *= (at - nodes[j]) / (nodes[i] - nodes[j]);
                    }
                }
                value += weight * LogNearOne(a, b, c - at + nodes[i], z);
            }
            return double.IsNaN(value) ? LogSeries(a, b, c, z).Log : value;
        }
        var near = LogNearOne(a, b, c, z);
        // Its two terms cancelled (a large b or c with z not close enough to 1, a fit at a boundary): the series itself, all its
        // terms positive, converges at this z, only more slowly.
        return double.IsNaN(near) ? LogSeries(a, b, c, z).Log : near;
    }

    /// <summary>NaN when its two terms cancel. A&amp;S 15.3.6, with m = c−a−b and w = 1−z:
    /// ₂F₁(a,b;c;z) = Γ(c)Γ(m)/(Γ(c−a)Γ(c−b)) F(a,b;1−m;w) + w^m Γ(c)Γ(−m)/(Γ(a)Γ(b)) F(c−a,c−b;1+m;w).</summary>
    private static double LogNearOne(double a, double b, double c, double z)
    {
        var w = 1 - z;
        var m = c - a - b;
        var (g1, s1) = LogGammaSigned(m);
        var (g2, s2) = LogGammaSigned(c - a);
        var (g3, s3) = LogGammaSigned(c - b);
        var (f1, t1) = LogSeries(a, b, 1 - m, w);
        var first = SpecialFunctions.GammaLn(c) + g1 - g2 - g3 + f1;
        var firstSign = s1 * s2 * s3 * t1;

        var (h1, u1) = LogGammaSigned(-m);
        var (f2, t2) = LogSeries(c - a, c - b, 1 + m, w);
        var second = m * Math.Log(w) + SpecialFunctions.GammaLn(c) + h1 - SpecialFunctions.GammaLn(a) - SpecialFunctions.GammaLn(b) + f2;
        var secondSign = u1 * t2;

        var top = Math.Max(first, second);
        var sum = firstSign * Math.Exp(first - top) + secondSign * Math.Exp(second - top);
        // NaN when the two terms cancel to less than a millionth of the larger: digits lost.
        return sum > CancellationLimit ? top + Math.Log(sum) : double.NaN;
    }

    /// <summary>ln|Γ(x)| and the sign of Γ(x), for any x that is not 0 or a negative integer (reflection below 0).</summary>
    internal static (double Log, int Sign) LogGammaSigned(double x)
    {
        if (x > 0)
        {
            return (SpecialFunctions.GammaLn(x), 1);
        }
        // Γ(x) = π / (sin(πx) Γ(1−x)).
        var sin = Math.Sin(Math.PI * x);
        return (Math.Log(Math.PI) - Math.Log(Math.Abs(sin)) - SpecialFunctions.GammaLn(1 - x), sin > 0 ? 1 : -1);
    }

    /// <summary>
    /// About how many terms of the series with (a, b, c, z) grow before they shrink for good: past the largest negative parameter,
    /// the ratio of successive terms z(a+n)(b+n)/((c+n)(n+1)) is at least 1 between the roots of the quadratic
    /// (z − 1)n² + (z(a+b) − c − 1)n + (zab − c); the larger root, or 0 when the terms shrink from the start.
    /// </summary>
    internal static double GrowingTerms(double a, double b, double c, double z)
    {
        var settled = Math.Max(0, -Math.Min(a, Math.Min(b, c)));
        var (qa, qb, qc) = (z - 1, (z * (a + b)) - c - 1, (z * a * b) - c);
        var discriminant = (qb * qb) - (4 * qa * qc);
        var larger = discriminant < 0 ? 0 : (-qb - Math.Sqrt(discriminant)) / (2 * qa);
        return Math.Max(settled, Math.Max(0, larger));
    }

    /// <summary>
    /// The power series Σ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ as ln|sum| and its sign, rescaled as it grows so that large
    /// parameters do not overflow. Terms may change sign when a, b or c are negative (the transformed series).
    /// </summary>
    private static (double Log, int Sign) LogSeries(double a, double b, double c, double z)
    {
        double term = 1, sum = 1, offset = 0;
        // Past the largest negative parameter the ratio of successive terms keeps its sign and moves
        // monotonically towards z: max(|ratio|, z) then bounds every later ratio, and the tail by a geometric series.
        var settled = Math.Max(0, -Math.Min(a, Math.Min(b, c)));
        for (var n = 0; n < MaxTerms; n++)
        {
            var ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            term *= ratio;
            sum += term;
            if (Math.Abs(sum) > Rescale)
            {
                sum /= Rescale;
                term /= Rescale;
                offset += LogRescale;
            }
            var bound = Math.Max(Math.Abs(ratio), z);
            if (term == 0 || (n > settled && bound < 1 && Math.Abs(term) * bound / (1 - bound) < 1e-17 * Math.Abs(sum)))
            {
                return (offset + Math.Log(Math.Abs(sum)), sum > 0 ? 1 : -1);
            }
        }
        throw new ArithmeticException($"₂F₁({a}, {b}; {c}; {z}): the series did not converge.");
    }
}

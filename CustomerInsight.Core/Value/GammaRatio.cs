using MathNet.Numerics;

namespace CustomerInsight.Core.Value;

/// <summary>
/// ln Γ(z + a) − ln Γ(z) and ψ(z + a) − ψ(z) for z, a &gt; 0, to the precision of the difference itself. Taken as the difference of
/// two ln Γ, the first loses what ln Γ(z) holds in its last digit: at z ≈ 3 million (a BG/NBD b on data where nobody seems to drop
/// out), ln Γ(z) ≈ 4.6e7 and a unit in its last place ≈ 7e-9, which a million customers' weights made a noise of about 0.005 on a
/// ln L of 8.3 million: the search then chased the noise for dozens of evaluations (bench/RESULTS.md). From
/// <see cref="AsymptoticFrom"/> on, both come from Stirling's series written as differences.
/// </summary>
internal static class GammaRatio
{
    /// <summary>Below this z, the plain differences (ln Γ ≤ 360: a unit in the last place ≈ 6e-14); from it, the series, whose next
    /// terms are below 1e-21.</summary>
    public const double AsymptoticFrom = 100;

    /// <summary>ln Γ(z + a) − ln Γ(z).</summary>
    public static double Log(double z, double a)
    {
        if (z < AsymptoticFrom)
        {
            return SpecialFunctions.GammaLn(z + a) - SpecialFunctions.GammaLn(z);
        }
        // ln Γ(w) = (w − ½) ln w − w + ½ ln 2π + S(w): (z + a − ½) ln(z + a) − (z − ½) ln z = (z − ½) ln(1 + a/z) + a ln(z + a).
        var w = z + a;
        return ((z - 0.5) * LogOnePlus(a / z)) + (a * Math.Log(w)) - a + (StirlingTail(w) - StirlingTail(z));
    }

    /// <summary>ψ(z + a) − ψ(z).</summary>
    public static double DiGamma(double z, double a)
    {
        if (z < AsymptoticFrom)
        {
            return SpecialFunctions.DiGamma(z + a) - SpecialFunctions.DiGamma(z);
        }
        // ψ(w) = ln w − 1/(2w) − 1/(12w²) + 1/(120w⁴) − 1/(252w⁶) + …, its first terms' differences in closed form.
        var w = z + a;
        return LogOnePlus(a / z) + (a / (2 * z * w)) + (a * (z + w) / (12 * z * z * w * w))
            + ((1 / (120 * Math.Pow(w, 4))) - (1 / (120 * Math.Pow(z, 4))))
            - ((1 / (252 * Math.Pow(w, 6))) - (1 / (252 * Math.Pow(z, 6))));
    }

    /// <summary>1/(12w) − 1/(360w³) + 1/(1260w⁵) − 1/(1680w⁷): ln Γ(w) past its first terms.</summary>
    private static double StirlingTail(double w)
    {
        var inverse = 1 / w;
        var square = inverse * inverse;
        return inverse * ((1.0 / 12) - (square * ((1.0 / 360) - (square * ((1.0 / 1260) - (square / 1680))))));
    }

    /// <summary>ln(1 + x) without losing x's digits when x is small (Goldberg: u = 1 + x rounded, then ln u · x/(u − 1)).</summary>
    internal static double LogOnePlus(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }
}

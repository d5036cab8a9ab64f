using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CustomerInsight.Core.Value;

/// <summary>
/// The sums over hundreds of thousands of customers (or groups of them) that a likelihood evaluation needs, a few hundred times
/// per fit: in fixed slices on all cores, added in slice order (the same sum whatever the number of threads), each slice four
/// values at a time with the vector exponential and logarithm (<see cref="Vector256"/>).
/// </summary>
internal static class LikelihoodSums
{
    private const int Slices = 16;
    private const int Block = 256;

    /// <summary>Writes z_start … z_(start + values.Length − 1) into <paramref name="values"/>.</summary>
    public delegate void Fill(int start, Span<double> values);

    /// <summary>Σ wᵢ ln(1 + e^zᵢ) over i &lt; <paramref name="weights"/>.Length, the zᵢ written by <paramref name="z"/> a block at a
    /// time.</summary>
    public static double WeightedSoftplus(Fill z, double[] weights) =>
        InSlices(weights.Length, (from, to) => WeightedSoftplus(z, weights, from, to));

    /// <summary>Σ (a xᵢ + b) ln(c + sᵢ).</summary>
    public static double LinearTimesLog(double[] x, double[] s, double a, double b, double c) =>
        InSlices(x.Length, (from, to) => LinearTimesLog(x, s, a, b, c, from, to));

    // The slices' loops are compiled optimized for this processor at their first call. Left to tiering, a web process busy
    // with its first pages kept them for seconds in their first, unoptimized code (bench/RESULTS.md: a Gamma-Gamma fit
    // of 2.6 s instead of 0.3 s).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double WeightedSoftplus(Fill z, double[] weights, int from, int to)
    {
        Span<double> values = stackalloc double[Block];
        var sum = Vector256<double>.Zero;
        double tail = 0;
        for (var start = from; start < to; start += Block)
        {
            var n = Math.Min(Block, to - start);
            z(start, values[..n]);
            var i4 = 0;
            for (; i4 + Vector256<double>.Count <= n; i4 += Vector256<double>.Count)
            {
                var v = Vector256.Create(values.Slice(i4, Vector256<double>.Count));
                var w = Vector256.Create(weights.AsSpan(start + i4, Vector256<double>.Count));
                // ln(1 + e^z) = max(z, 0) + ln(1 + e^−|z|): no overflow for large z.
                sum += w * (Vector256.Max(v, Vector256<double>.Zero) + Vector256.Log(Vector256<double>.One + Vector256.Exp(-Vector256.Abs(v))));
            }
            for (; i4 < n; i4++)
            {
                var v = values[i4];
                tail += weights[start + i4] * (Math.Max(v, 0) + Math.Log(1 + Math.Exp(-Math.Abs(v))));
            }
        }
        return Vector256.Sum(sum) + tail;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double LinearTimesLog(double[] x, double[] s, double a, double b, double c, int from, int to)
    {
        var sum = Vector256<double>.Zero;
        var va = Vector256.Create(a);
        var vb = Vector256.Create(b);
        var vc = Vector256.Create(c);
        var i = from;
        for (; i + Vector256<double>.Count <= to; i += Vector256<double>.Count)
        {
            var vx = Vector256.Create(x.AsSpan(i, Vector256<double>.Count));
            var vs = Vector256.Create(s.AsSpan(i, Vector256<double>.Count));
            sum += (va * vx + vb) * Vector256.Log(vc + vs);
        }
        double tail = 0;
        for (; i < to; i++)
        {
            tail += (a * x[i] + b) * Math.Log(c + s[i]);
        }
        return Vector256.Sum(sum) + tail;
    }

    /// <summary>At most one worker per core: a sum takes about a millisecond, more workers than cores would only take turns (a web
    /// process's pool often holds more threads than cores).</summary>
    private static readonly ParallelOptions OnePerCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    private static double InSlices(int count, Func<int, int, double> slice)
    {
        var partial = new double[Slices];
        var size = (count + Slices - 1) / Slices;
        Parallel.For(0, Slices, OnePerCore, k => partial[k] = slice(Math.Min(count, k * size), Math.Min(count, (k + 1) * size)));
        double sum = 0;
        foreach (var part in partial)
        {
            sum += part;
        }
        return sum;
    }
}

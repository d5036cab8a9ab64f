using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CustomerInsight.Core.Value;

/// <summary>
/// The sums over hundreds of thousands of customers (or groups of them) that a likelihood evaluation and its gradient need, a few
/// dozen times per fit: in fixed slices on all cores, added in slice order (the same sum whatever the number of threads), each slice
/// four values at a time with the vector exponential and logarithm (<see cref="Vector256"/>).
/// </summary>
internal static class LikelihoodSums
{
    private const int Slices = 16;
    private const int Block = 256;

    /// <summary>Writes, for i = start … start + z.Length − 1, zᵢ and the three factors f1ᵢ, f2ᵢ, f3ᵢ that the sigmoid sums weigh.</summary>
    public delegate void Fill(int start, Span<double> z, Span<double> f1, Span<double> f2, Span<double> f3);

    /// <summary>
    /// Over i &lt; <paramref name="weights"/>.Length, with σ(z) = 1/(1 + e^−z) (the derivative of ln(1 + e^z)):
    /// [Σ wᵢ ln(1 + e^zᵢ), Σ wᵢ σ(zᵢ), Σ wᵢ σ(zᵢ) f1ᵢ, Σ wᵢ σ(zᵢ) f2ᵢ, Σ wᵢ σ(zᵢ) f3ᵢ], the terms written by
    /// <paramref name="fill"/> a block at a time.
    /// </summary>
    public static double[] WeightedSoftplus(Fill fill, double[] weights) =>
        InSlices(weights.Length, 5, (from, to, sums, at) => WeightedSoftplus(fill, weights, from, to, sums, at));

    /// <summary>[Σ xᵢ ln(c + sᵢ), Σ ln(c + sᵢ), Σ xᵢ/(c + sᵢ), Σ 1/(c + sᵢ)] over i &lt; <paramref name="count"/>.</summary>
    public static double[] LogSums(double[] x, double[] s, int count, double c) =>
        InSlices(count, 4, (from, to, sums, at) => LogSums(x, s, c, from, to, sums, at));

    // The slices' loops are compiled optimized for this processor at their first call. Left to tiering, a web process busy
    // with its first pages kept them for seconds in their first, unoptimized code (bench/RESULTS.md: a Gamma-Gamma fit
    // of 2.6 s instead of 0.3 s).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WeightedSoftplus(Fill fill, double[] weights, int from, int to, double[] sums, int at)
    {
        Span<double> z = stackalloc double[Block];
        Span<double> f1 = stackalloc double[Block];
        Span<double> f2 = stackalloc double[Block];
        Span<double> f3 = stackalloc double[Block];
        Vector256<double> softplus = default, sigmoid = default, sigmoid1 = default, sigmoid2 = default, sigmoid3 = default;
        double tailSoftplus = 0, tailSigmoid = 0, tail1 = 0, tail2 = 0, tail3 = 0;
        var width = Vector256<double>.Count;
        for (var start = from; start < to; start += Block)
        {
            var n = Math.Min(Block, to - start);
            fill(start, z[..n], f1[..n], f2[..n], f3[..n]);
            var i = 0;
            for (; i + width <= n; i += width)
            {
                var v = Vector256.Create(z.Slice(i, width));
                var w = Vector256.Create(weights.AsSpan(start + i, width));
                // ln(1 + e^z) = max(z, 0) + ln(1 + e^−|z|) and σ(z) = 1/(1 + e^−|z|) or e^−|z|/(1 + e^−|z|): no overflow.
                var e = Vector256.Exp(-Vector256.Abs(v));
                var inverse = Vector256<double>.One / (Vector256<double>.One + e);
                var sig = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(v, Vector256<double>.Zero), inverse, e * inverse);
                softplus += w * (Vector256.Max(v, Vector256<double>.Zero) + Vector256.Log(Vector256<double>.One + e));
                var ws = w * sig;
                sigmoid += ws;
                sigmoid1 += ws * Vector256.Create(f1.Slice(i, width));
                sigmoid2 += ws * Vector256.Create(f2.Slice(i, width));
                sigmoid3 += ws * Vector256.Create(f3.Slice(i, width));
            }
            for (; i < n; i++)
            {
                var v = z[i];
                var w = weights[start + i];
                var e = Math.Exp(-Math.Abs(v));
                var ws = w * (v >= 0 ? 1 / (1 + e) : e / (1 + e));
                tailSoftplus += w * (Math.Max(v, 0) + Math.Log(1 + e));
                tailSigmoid += ws;
                tail1 += ws * f1[i];
                tail2 += ws * f2[i];
                tail3 += ws * f3[i];
            }
        }
        sums[at] = Vector256.Sum(softplus) + tailSoftplus;
        sums[at + 1] = Vector256.Sum(sigmoid) + tailSigmoid;
        sums[at + 2] = Vector256.Sum(sigmoid1) + tail1;
        sums[at + 3] = Vector256.Sum(sigmoid2) + tail2;
        sums[at + 4] = Vector256.Sum(sigmoid3) + tail3;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LogSums(double[] x, double[] s, double c, int from, int to, double[] sums, int at)
    {
        Vector256<double> xLog = default, log = default, xInverse = default, inverse = default;
        var vc = Vector256.Create(c);
        var width = Vector256<double>.Count;
        var i = from;
        for (; i + width <= to; i += width)
        {
            var vx = Vector256.Create(x.AsSpan(i, width));
            var sum = vc + Vector256.Create(s.AsSpan(i, width));
            var l = Vector256.Log(sum);
            var r = Vector256<double>.One / sum;
            xLog += vx * l;
            log += l;
            xInverse += vx * r;
            inverse += r;
        }
        double tailXLog = 0, tailLog = 0, tailXInverse = 0, tailInverse = 0;
        for (; i < to; i++)
        {
            var l = Math.Log(c + s[i]);
            var r = 1 / (c + s[i]);
            tailXLog += x[i] * l;
            tailLog += l;
            tailXInverse += x[i] * r;
            tailInverse += r;
        }
        sums[at] = Vector256.Sum(xLog) + tailXLog;
        sums[at + 1] = Vector256.Sum(log) + tailLog;
        sums[at + 2] = Vector256.Sum(xInverse) + tailXInverse;
        sums[at + 3] = Vector256.Sum(inverse) + tailInverse;
    }

    /// <summary>At most one worker per core: a sum takes about a millisecond, more workers than cores would only take turns (a web
    /// process's pool often holds more threads than cores).</summary>
    private static readonly ParallelOptions OnePerCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>Runs <paramref name="slice"/>(k, from, to) over <paramref name="slices"/> fixed slices of [0, <paramref name="count"/>)
    /// (fixed, not one per core: what they add up to must not depend on the machine), on all cores.</summary>
    public static void ForEachSlice(int count, int slices, Action<int, int, int> slice)
    {
        var size = (count + slices - 1) / slices;
        Parallel.For(0, slices, OnePerCore, k => slice(k, Math.Min(count, k * size), Math.Min(count, (k + 1) * size)));
    }

    /// <summary>Runs <paramref name="slice"/>(from, to, partials, offset) over fixed slices of [0, count), each writing
    /// <paramref name="width"/> partial sums at its offset, and adds them up in slice order.</summary>
    public static double[] InSlices(int count, int width, Action<int, int, double[], int> slice)
    {
        var partial = new double[Slices * width];
        ForEachSlice(count, Slices, (k, from, to) => slice(from, to, partial, k * width));
        var sums = new double[width];
        for (var k = 0; k < Slices; k++)
        {
            for (var j = 0; j < width; j++)
            {
                sums[j] += partial[(k * width) + j];
            }
        }
        return sums;
    }
}

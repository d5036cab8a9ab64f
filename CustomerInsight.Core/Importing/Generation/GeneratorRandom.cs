namespace CustomerInsight.Core.Importing.Generation;

/// <summary>
/// xoshiro256** seeded through SplitMix64: fast, and the same sequence for the same seed on every
/// platform and .NET version (unlike <see cref="Random"/>, whose seeded algorithm is not a contract).
/// </summary>
internal sealed class GeneratorRandom
{
    private ulong s0, s1, s2, s3;

    /// <param name="seed">The dataset's seed.</param>
    /// <param name="stream">One independent stream per file, so one file's options never shift another's values.</param>
    public GeneratorRandom(long seed, ulong stream)
    {
        var x = unchecked((ulong)seed ^ (stream * 0x9E3779B97F4A7C15UL));
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    public ulong NextULong()
    {
        var result = ulong.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, n).</summary>
    public int Next(int n) => (int)Math.BigMul(NextULong(), (ulong)n, out _);

    /// <summary>Uniform in [0, n).</summary>
    public long NextLong(long n) => (long)Math.BigMul(NextULong(), (ulong)n, out _);

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>An index drawn with the given cumulative weights (last = total).</summary>
    public int Pick(int[] cumulative)
    {
        var r = Next(cumulative[^1]);
        var i = 0;
        while (cumulative[i] <= r)
        {
            i++;
        }
        return i;
    }

    public static int[] Cumulate(params int[] weights)
    {
        var cumulative = new int[weights.Length];
        var total = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            total += weights[i];
            cumulative[i] = total;
        }
        return cumulative;
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

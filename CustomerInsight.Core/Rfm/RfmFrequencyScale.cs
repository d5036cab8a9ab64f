namespace CustomerInsight.Core.Rfm;

/// <summary>How Frequency is scored (metrics.md, "Frequency scoring"; <c>Rfm:FrequencyScoring</c>).</summary>
public enum RfmFrequencyScoring
{
    /// <summary>Quintiles with ties kept together, like Recency and Monetary (the default).</summary>
    Quintiles = 0,
    /// <summary>F = 1 + the number of <c>Rfm:FrequencyThresholds</c> the frequency reaches.</summary>
    Thresholds = 1,
}

/// <summary>The frequency scoring in effect and its thresholds (the lower bounds of scores 2 to 5, used in
/// <see cref="RfmFrequencyScoring.Thresholds"/> mode).</summary>
public sealed record RfmFrequencyScale
{
    /// <summary>metrics.md's default: one order → 1, two → 2, three → 3, four or five → 4, six or more → 5.</summary>
    public static IReadOnlyList<int> DefaultThresholds { get; } = [2, 3, 4, 6];

    public static RfmFrequencyScale Quintiles { get; } = new(RfmFrequencyScoring.Quintiles, DefaultThresholds);

    public RfmFrequencyScale(RfmFrequencyScoring scoring, IReadOnlyList<int> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (Validate(thresholds) is { } error)
        {
            throw new ArgumentException(error, nameof(thresholds));
        }
        Scoring = scoring;
        Thresholds = [.. thresholds];
    }

    public RfmFrequencyScoring Scoring { get; }

    public IReadOnlyList<int> Thresholds { get; }

    /// <summary>The score of a frequency in thresholds mode: 1 + the number of thresholds it reaches.</summary>
    public int ThresholdScore(int frequency)
    {
        // By index: a foreach over the interface would allocate an enumerator per customer scored (21 MB for 675 k).
        var score = 1;
        for (var i = 0; i < Thresholds.Count; i++)
        {
            if (frequency >= Thresholds[i])
            {
                score++;
            }
        }
        return score;
    }

    /// <summary>Why <paramref name="thresholds"/> are not four strictly increasing order counts from 2; null when they are.</summary>
    public static string? Validate(IReadOnlyList<int>? thresholds)
    {
        if (thresholds is null || thresholds.Count != RfmGrid.Levels - 1)
        {
            return $"Rfm:FrequencyThresholds must list {RfmGrid.Levels - 1} order counts, the lower bounds of F scores 2 to 5 (e.g. [2, 3, 4, 6]).";
        }
        if (thresholds[0] < 2)
        {
            return $"Rfm:FrequencyThresholds: the lower bound of F score 2 must be at least 2 orders (one order is score 1), not {thresholds[0]}.";
        }
        for (var i = 1; i < thresholds.Count; i++)
        {
            if (thresholds[i] <= thresholds[i - 1])
            {
                return $"Rfm:FrequencyThresholds must be strictly increasing: {thresholds[i]} (score {i + 2}) "
                    + $"is not above {thresholds[i - 1]} (score {i + 1}).";
            }
        }
        return null;
    }

    public bool Equals(RfmFrequencyScale? other) => other is not null && Scoring == other.Scoring && Thresholds.SequenceEqual(other.Thresholds);

    public override int GetHashCode() => HashCode.Combine(Scoring, Thresholds.Count > 0 ? Thresholds[0] : 0, Thresholds.Count);
}

/// <summary>
/// Score levels (1–5) that no scored customer has, per metric, and why (metrics.md: every screen that shows scores
/// says which levels are empty and names the setting). <see cref="SingleOrderShare"/> is the share of scored customers
/// with one sale order, what leaves frequency quintiles empty.
/// </summary>
public sealed record RfmEmptyLevels(
    IReadOnlyList<int> Recency,
    IReadOnlyList<int> Frequency,
    IReadOnlyList<int> Monetary,
    RfmFrequencyScale FrequencyScale,
    double? SingleOrderShare)
{
    /// <summary>Whether any level of any metric is empty (with at least one customer scored).</summary>
    public bool Any => Recency.Count + Frequency.Count + Monetary.Count > 0;

    public static RfmEmptyLevels Of(RfmResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var scale = result.FrequencyScale ?? RfmFrequencyScale.Quintiles;
        if (result.Customers.Count == 0)
        {
            return new RfmEmptyLevels([], [], [], scale, null);
        }
        var r = new bool[RfmGrid.Levels + 1];
        var f = new bool[RfmGrid.Levels + 1];
        var m = new bool[RfmGrid.Levels + 1];
        var single = 0;
        foreach (var c in result.Customers)
        {
            r[c.RecencyScore] = true;
            f[c.FrequencyScore] = true;
            m[c.MonetaryScore] = true;
            single += c.Frequency == 1 ? 1 : 0;
        }
        static IReadOnlyList<int> Missing(bool[] present) => [.. Enumerable.Range(1, RfmGrid.Levels).Where(level => !present[level])];
        return new RfmEmptyLevels(Missing(r), Missing(f), Missing(m), scale, (double)single / result.Customers.Count);
    }
}

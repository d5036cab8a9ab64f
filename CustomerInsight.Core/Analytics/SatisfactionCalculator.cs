namespace CustomerInsight.Core.Analytics;

/// <summary>How many responses gave one score.</summary>
public readonly record struct ScoreCount(int Score, long Count);

/// <summary>
/// The score histograms of a set of survey responses: recommend scores 0–10 (index = score)
/// and satisfaction scores 1–5 (index = score − 1). A response with only one score counts in
/// that score's histogram only.
/// </summary>
public sealed record SatisfactionFacts
{
    public const int RecommendMin = 0;
    public const int RecommendMax = 10;
    public const int SatisfactionMin = 1;
    public const int SatisfactionMax = 5;

    private readonly long[] recommend;
    private readonly long[] satisfaction;

    private SatisfactionFacts(long[] recommend, long[] satisfaction)
    {
        this.recommend = recommend;
        this.satisfaction = satisfaction;
    }

    public static SatisfactionFacts Empty { get; } = new(new long[11], new long[5]);

    /// <summary>Count of responses per recommend score, index 0 to 10.</summary>
    public IReadOnlyList<long> RecommendHistogram => recommend;

    /// <summary>Count of responses per satisfaction score, index 0 (score 1) to 4 (score 5).</summary>
    public IReadOnlyList<long> SatisfactionHistogram => satisfaction;

    public long RecommendResponses => recommend.Sum();

    public long SatisfactionResponses => satisfaction.Sum();

    /// <summary>Builds the histograms from grouped counts (several counts for one score add up).</summary>
    public static SatisfactionFacts FromCounts(IEnumerable<ScoreCount> recommendCounts, IEnumerable<ScoreCount> satisfactionCounts)
    {
        var r = new long[11];
        var s = new long[5];
        foreach (var c in recommendCounts)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(c.Score, RecommendMin, nameof(recommendCounts));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(c.Score, RecommendMax, nameof(recommendCounts));
            ArgumentOutOfRangeException.ThrowIfNegative(c.Count, nameof(recommendCounts));
            r[c.Score] += c.Count;
        }
        foreach (var c in satisfactionCounts)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(c.Score, SatisfactionMin, nameof(satisfactionCounts));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(c.Score, SatisfactionMax, nameof(satisfactionCounts));
            ArgumentOutOfRangeException.ThrowIfNegative(c.Count, nameof(satisfactionCounts));
            s[c.Score - 1] += c.Count;
        }
        return new SatisfactionFacts(r, s);
    }

    /// <summary>Builds the histograms from individual responses; a missing score is left out of its histogram.</summary>
    public static SatisfactionFacts FromResponses(IEnumerable<(int? Recommend, int? Satisfaction)> responses)
    {
        var list = responses.ToList();
        return FromCounts(
            list.Where(x => x.Recommend is not null).Select(x => new ScoreCount(x.Recommend!.Value, 1)),
            list.Where(x => x.Satisfaction is not null).Select(x => new ScoreCount(x.Satisfaction!.Value, 1)));
    }

    /// <summary>Adds two sets of responses (e.g. two months).</summary>
    public SatisfactionFacts Add(SatisfactionFacts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new SatisfactionFacts(
            recommend.Zip(other.recommend, (a, b) => a + b).ToArray(),
            satisfaction.Zip(other.satisfaction, (a, b) => a + b).ToArray());
    }

    public bool Equals(SatisfactionFacts? other) =>
        other is not null && recommend.AsSpan().SequenceEqual(other.recommend) && satisfaction.AsSpan().SequenceEqual(other.satisfaction);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var c in recommend)
        {
            hash.Add(c);
        }
        foreach (var c in satisfaction)
        {
            hash.Add(c);
        }
        return hash.ToHashCode();
    }
}

/// <summary>
/// The satisfaction figures of metrics.md. NPS and its margin of error in points (−100…100),
/// unrounded; CSAT as a fraction 0–1 (<see cref="CsatPoints"/> for 0–100); null where there is
/// no response to divide by.
/// </summary>
public sealed record SatisfactionKpis(
    long NpsResponses,
    long Promoters,
    long Passives,
    long Detractors,
    double? Nps,
    double? NpsMarginOfError,
    bool IsNpsSmallSample,
    long CsatResponses,
    long SatisfiedResponses,
    double? Csat,
    double? MeanSatisfaction,
    bool IsCsatSmallSample)
{
    /// <summary>CSAT in points 0–100.</summary>
    public double? CsatPoints => SatisfactionCalculator.ToPoints(Csat);
}

/// <summary>NPS, margin of error, CSAT and mean satisfaction from score histograms (metrics.md, "Satisfaction").</summary>
public static class SatisfactionCalculator
{

    /// <param name="minResponses">
    /// <c>Kpi:MinResponses</c>: a figure computed from at least one but fewer responses is a small sample
    /// (still shown, marked). A figure with no response is null, not a small sample.
    /// </param>
    public static SatisfactionKpis Calculate(SatisfactionFacts facts, int minResponses = KpiOptions.DefaultMinResponses)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfNegative(minResponses);

        var r = facts.RecommendHistogram;
        long detractors = 0, passives = 0, promoters = 0;
        for (var score = 0; score <= 10; score++)
        {
            if (score <= 6)
            {
                detractors += r[score];
            }
            else if (score <= 8)
            {
                passives += r[score];
            }
            else
            {
                promoters += r[score];
            }
        }
        var n = promoters + passives + detractors;

        double? nps = null, margin = null;
        if (n > 0)
        {
            var pP = (double)promoters / n;
            var pD = (double)detractors / n;
            nps = 100.0 * (promoters - detractors) / n;
            margin = 1.96 * 100.0 * Math.Sqrt((pP + pD - ((pP - pD) * (pP - pD))) / n);
        }

        var s = facts.SatisfactionHistogram;
        long csatN = 0, satisfied = 0, scoreSum = 0;
        for (var i = 0; i < 5; i++)
        {
            var score = i + 1;
            csatN += s[i];
            scoreSum += score * s[i];
            if (score >= 4)
            {
                satisfied += s[i];
            }
        }

        return new SatisfactionKpis(
            NpsResponses: n,
            Promoters: promoters,
            Passives: passives,
            Detractors: detractors,
            Nps: nps,
            NpsMarginOfError: margin,
            IsNpsSmallSample: IsSmallSample(n, minResponses),
            CsatResponses: csatN,
            SatisfiedResponses: satisfied,
            Csat: csatN == 0 ? null : (double)satisfied / csatN,
            MeanSatisfaction: csatN == 0 ? null : (double)scoreSum / csatN,
            IsCsatSmallSample: IsSmallSample(csatN, minResponses));
    }

    public static bool IsSmallSample(long responses, int minResponses) => responses > 0 && responses < minResponses;

    /// <summary>A fraction 0–1 as points 0–100.</summary>
    public static double? ToPoints(double? fraction) => fraction * 100.0;

    /// <summary>NPS as shown on screen: rounded to an integer, halves away from zero.</summary>
    public static int? RoundForDisplay(double? nps) => nps is null ? null : (int)Math.Round(nps.Value, MidpointRounding.AwayFromZero);

    /// <summary>NPS as exported: one decimal, halves away from zero.</summary>
    public static double? RoundForExport(double? nps) => nps is null ? null : Math.Round(nps.Value, 1, MidpointRounding.AwayFromZero);
}

using CustomerInsight.Core.Analytics;

namespace CustomerInsight.Core.Rfm;

/// <summary>
/// RFM scoring of metrics.md: recency, frequency and monetary per customer, scores
/// <c>1 + floor(5 × w / N)</c> with w the number of customers strictly worse (ties kept
/// together), or for Frequency in <see cref="RfmFrequencyScoring.Thresholds"/> mode 1 + the thresholds
/// reached, and the segment from the R×F grid. Pure: no database, no clock.
/// </summary>
public static class RfmScorer
{
    /// <summary>The default analysis date: the day after the latest sale order; null when there is none.</summary>
    public static DateOnly? DefaultAnalysisDate(DateOnly? latestSaleDate) => latestSaleDate?.AddDays(1);

    /// <summary>
    /// Scores the customers. Activities without any sale order are not scorable and are left out;
    /// an activity whose last sale is not before <paramref name="analysisDate"/> is a caller error.
    /// O(N log N): one sort per metric at most.
    /// </summary>
    /// <exception cref="ArgumentException">A last sale date on or after the analysis date.</exception>
    public static RfmResult Score(IReadOnlyList<CustomerActivity> activities, DateOnly analysisDate, RfmGrid? grid = null,
        RfmFrequencyScale? frequencyScale = null)
    {
        using var columns = RfmActivityColumns.Scorable(activities, analysisDate);
        return Score(columns, analysisDate, grid, frequencyScale);
    }

    /// <summary>Scores the customers of <paramref name="columns"/>, every one scorable (a sale order before the date), in their order.</summary>
    public static RfmResult Score(RfmActivityColumns columns, DateOnly analysisDate, RfmGrid? grid = null,
        RfmFrequencyScale? frequencyScale = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        grid ??= RfmGrid.Default;
        frequencyScale ??= RfmFrequencyScale.Quintiles;

        var n = columns.Count;
        var lastSaleDays = columns.LastSaleDays;
        var frequencies = columns.SaleOrders;
        using var recencyScores = Scratch.Rent<byte>(n);
        using var frequencyScores = Scratch.Rent<byte>(n);
        using var monetaryScores = Scratch.Rent<byte>(n);
        ScoreRecencyAndFrequency(columns, frequencyScale, recencyScores.Span, frequencyScores.Span);
        if (columns.InThousandths)
        {
            QuintileScores(columns.NetMilli, monetaryScores.Span);
        }
        else
        {
            QuintileScores(columns.NetAmounts, monetaryScores.Span);
        }

        var ids = columns.Ids;
        Span<byte> r = recencyScores.Span, f = frequencyScores.Span, m = monetaryScores.Span;
        var customers = new RfmCustomerScore[n];
        var analysisDay = analysisDate.DayNumber;
        for (var i = 0; i < n; i++)
        {
            customers[i] = new RfmCustomerScore(
                ids[i],
                DateOnly.FromDayNumber(lastSaleDays[i]),
                analysisDay - lastSaleDays[i],
                frequencies[i],
                columns.NetAmountAt(i),
                r[i],
                f[i],
                m[i],
                grid.SegmentOf(r[i], f[i]));
        }
        return new RfmResult(analysisDate, customers, frequencyScale);
    }

    /// <summary>
    /// The segment of each customer of <paramref name="columns"/>, in their order: what a segment filter needs, without the
    /// monetary scores nor a record per customer. The same segments as <see cref="Score(RfmActivityColumns, DateOnly, RfmGrid?,
    /// RfmFrequencyScale?)"/>.
    /// </summary>
    public static RfmSegment[] Segments(RfmActivityColumns columns, RfmGrid? grid = null, RfmFrequencyScale? frequencyScale = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        grid ??= RfmGrid.Default;
        var n = columns.Count;
        using var recencyScores = Scratch.Rent<byte>(n);
        using var frequencyScores = Scratch.Rent<byte>(n);
        ScoreRecencyAndFrequency(columns, frequencyScale ?? RfmFrequencyScale.Quintiles, recencyScores.Span, frequencyScores.Span);
        Span<byte> r = recencyScores.Span, f = frequencyScores.Span;
        var segments = new RfmSegment[n];
        for (var i = 0; i < n; i++)
        {
            segments[i] = grid.SegmentOf(r[i], f[i]);
        }
        return segments;
    }

    /// <summary>The R and F scores of the columns' customers (larger is better: a more recent last sale, more sale orders).</summary>
    private static void ScoreRecencyAndFrequency(RfmActivityColumns columns, RfmFrequencyScale frequencyScale, Span<byte> recency,
        Span<byte> frequency)
    {
        QuintileScores(columns.LastSaleDays, recency);
        var frequencies = columns.SaleOrders;
        if (frequencyScale.Scoring == RfmFrequencyScoring.Thresholds)
        {
            for (var i = 0; i < frequencies.Length; i++)
            {
                frequency[i] = (byte)frequencyScale.ThresholdScore(frequencies[i]);
            }
        }
        else
        {
            QuintileScores(frequencies, frequency);
        }
    }

    /// <summary>
    /// <see cref="QuintileScores{T}"/> of whole numbers, by counting when their range is small (days of recency, order counts):
    /// w of a value is the number of values below it, a running sum over the counts; no sort.
    /// </summary>
    internal static void QuintileScores(ReadOnlySpan<int> values, Span<byte> scores)
    {
        var n = values.Length;
        if (n == 0)
        {
            return;
        }
        var (min, max) = (values[0], values[0]);
        foreach (var v in values)
        {
            (min, max) = (Math.Min(min, v), Math.Max(max, v));
        }
        if ((long)max - min >= 4L * n + 1024)
        {
            QuintileScores<int>(values, scores);
            return;
        }
        using var counts = Scratch.RentCleared<int>(max - min + 1);
        var below = counts.Span;
        foreach (var v in values)
        {
            below[v - min]++;
        }
        var worse = 0;
        for (var k = 0; k < below.Length; k++)
        {
            var count = below[k];
            below[k] = worse;
            worse += count;
        }
        for (var i = 0; i < n; i++)
        {
            scores[i] = (byte)(1 + (RfmGrid.Levels * (long)below[values[i] - min] / n));
        }
    }

    /// <summary>
    /// Score of each value into <paramref name="scores"/>, larger being better: <c>1 + floor(5 × w / N)</c> where w is the number
    /// of values strictly smaller.
    /// </summary>
    /// <remarks>
    /// floor(5w / N) ≥ k exactly when w ≥ m = ⌈kN / 5⌉, that is when the value is above the m-th smallest: the four cut values
    /// are found by selection in a copy of the values (<see cref="NthSmallest{T}"/>, each in the part above the previous one;
    /// a sort of every value took most of a scoring at a million customers), and each score is 1 + the cuts its value is above.
    /// </remarks>
    internal static void QuintileScores<T>(ReadOnlySpan<T> values, Span<byte> scores)
        where T : IComparable<T>
    {
        var n = values.Length;
        if (n == 0)
        {
            return;
        }
        using var workingKeys = Scratch.Rent<T>(n);
        var keys = workingKeys.Span;
        values.CopyTo(keys);
        Span<T> cuts = new T[RfmGrid.Levels - 1];
        var placed = 0;
        for (var k = 1; k < RfmGrid.Levels; k++)
        {
            // The m-th smallest, 0-based m − 1; past the previous cut's position every value is at least that cut.
            var index = (int)(((long)k * n + RfmGrid.Levels - 1) / RfmGrid.Levels) - 1;
            cuts[k - 1] = NthSmallest(keys[placed..], index - placed);
            placed = index;
        }
        for (var i = 0; i < n; i++)
        {
            var score = 1;
            foreach (var cut in cuts)
            {
                score += values[i].CompareTo(cut) > 0 ? 1 : 0;
            }
            scores[i] = (byte)score;
        }
    }

    /// <summary>
    /// The value of rank <paramref name="rank"/> (0-based) of <paramref name="keys"/>, moved to that position with every smaller
    /// or equal value before it and every larger or equal value after it (Hoare's selection, the middle of three as the pivot and a
    /// three-way partition, so that runs of equal values end the search; a window that stops shrinking is sorted instead).
    /// </summary>
    internal static T NthSmallest<T>(Span<T> keys, int rank)
        where T : IComparable<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, keys.Length);
        int low = 0, high = keys.Length - 1;
        // Each partition should about halve the window; past twice the expected number of rounds, sort what is left.
        var rounds = 2 * (64 - long.LeadingZeroCount(keys.Length));
        while (high - low >= 16 && rounds-- > 0)
        {
            var pivot = MiddleOfThree(keys[low], keys[low + ((high - low) / 2)], keys[high]);
            // [low, less) < pivot, [less, i) == pivot, (greater, high] > pivot.
            int less = low, i = low, greater = high;
            while (i <= greater)
            {
                var order = keys[i].CompareTo(pivot);
                if (order < 0)
                {
                    (keys[less], keys[i]) = (keys[i], keys[less]);
                    less++;
                    i++;
                }
                else if (order > 0)
                {
                    (keys[i], keys[greater]) = (keys[greater], keys[i]);
                    greater--;
                }
                else
                {
                    i++;
                }
            }
            if (rank < less)
            {
                high = less - 1;
            }
            else if (rank > greater)
            {
                low = greater + 1;
            }
            else
            {
                return keys[rank];
            }
        }
        keys[low..(high + 1)].Sort();
        return keys[rank];
    }

    private static T MiddleOfThree<T>(T a, T b, T c)
        where T : IComparable<T>
    {
        if (a.CompareTo(b) > 0)
        {
            (a, b) = (b, a);
        }
        if (b.CompareTo(c) > 0)
        {
            b = c;
        }
        return a.CompareTo(b) > 0 ? a : b;
    }
}

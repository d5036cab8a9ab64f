namespace CustomerInsight.Core.Analytics;

/// <summary>
/// Coverage of a comparison period (metrics.md, "Vocabulary / Period"): the share of its days that lie
/// between the first and the last day with data in the database. Below 1 the comparison is partial;
/// at 0 no change is shown.
/// </summary>
public static class PeriodCoverage
{
    /// <summary>0–1; 0 when there is no data at all.</summary>
    public static double Of(Period period, DateOnly? firstDayWithData, DateOnly? lastDayWithData)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (firstDayWithData is not { } first || lastDayWithData is not { } last || last < first)
        {
            return 0;
        }
        var from = Math.Max(period.Start.DayNumber, first.DayNumber);
        var to = Math.Min(period.End.DayNumber, last.DayNumber + 1);
        return to <= from ? 0 : (double)(to - from) / period.Days;
    }

    /// <summary>Whether a comparison with this coverage is marked partial.</summary>
    public static bool IsPartial(double coverage) => coverage < 1;

    /// <summary>Whether a comparison with this coverage shows no change at all ("n/a").</summary>
    public static bool IsEmpty(double coverage) => coverage <= 0;
}

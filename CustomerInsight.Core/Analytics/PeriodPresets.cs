namespace CustomerInsight.Core.Analytics;

/// <summary>The period choices of the dashboard's filter bar.</summary>
public enum PeriodPreset
{
    Last30Days = 0,
    ThisMonth = 1,
    LastMonth = 2,
    ThisQuarter = 3,
    ThisYear = 4,
    LastYear = 5,
    Custom = 6,
}

/// <summary>
/// Builds the period of a preset from a reference date (the latest date with data; the caller
/// decides, so no clock here). "This" month, quarter and year run from the start of the calendar
/// unit containing the reference date up to it, included (metrics.md: a period to date, compared
/// with the same span one period earlier); they are the whole unit when the reference is its last day.
/// </summary>
public static class PeriodPresets
{
    public static Period Create(PeriodPreset preset, DateOnly reference) => preset switch
    {
        // The 30 days ending with the reference date, included.
        PeriodPreset.Last30Days => Period.Range(reference.AddDays(-29), reference.AddDays(1)),
        PeriodPreset.ThisMonth => Period.ToDate(PeriodUnit.Month, reference),
        PeriodPreset.LastMonth => Period.Month(reference.Year, reference.Month).Previous,
        PeriodPreset.ThisQuarter => Period.ToDate(PeriodUnit.Quarter, reference),
        PeriodPreset.ThisYear => Period.ToDate(PeriodUnit.Year, reference),
        PeriodPreset.LastYear => Period.Year(reference.Year - 1),
        PeriodPreset.Custom => throw new ArgumentException("A custom period has no reference: use Period.Range(start, end) or CreateCustom.",
            nameof(preset)),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, null),
    };

    /// <summary>A custom range <c>[start, end)</c> (see <see cref="Period.Range"/> for its previous period).</summary>
    public static Period CreateCustom(DateOnly start, DateOnly end) => Period.Range(start, end);
}

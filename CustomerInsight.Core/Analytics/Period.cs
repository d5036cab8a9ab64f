namespace CustomerInsight.Core.Analytics;

/// <summary>How a period was chosen; decides its previous period (metrics.md, "Vocabulary").</summary>
public enum PeriodUnit
{
    /// <summary>Any range of days: the previous period has the same number of days and ends at the start.</summary>
    Days = 0,
    /// <summary>A calendar month: the previous period is the previous calendar month.</summary>
    Month = 1,
    /// <summary>A calendar quarter: the previous period is the previous calendar quarter.</summary>
    Quarter = 2,
    /// <summary>A calendar year: the previous period is the previous calendar year.</summary>
    Year = 3,
}

/// <summary>
/// A half-open range of business dates <c>[Start, End)</c>. Immutable: build it with
/// <see cref="Range"/>, <see cref="Month"/>, <see cref="Quarter"/>, <see cref="Year"/> or
/// <see cref="PeriodPresets.Create"/>.
/// </summary>
public sealed record Period
{
    private Period(DateOnly start, DateOnly end, PeriodUnit unit)
    {
        if (end <= start)
        {
            throw new ArgumentException($"A period ends after it starts ([{start:yyyy-MM-dd}, {end:yyyy-MM-dd}) is empty).", nameof(end));
        }
        Start = start;
        End = end;
        Unit = unit;
    }

    /// <summary>First day in the period.</summary>
    public DateOnly Start { get; }

    /// <summary>First day after the period (exclusive).</summary>
    public DateOnly End { get; }

    public PeriodUnit Unit { get; }

    /// <summary>Last day in the period (inclusive), for display.</summary>
    public DateOnly LastDay => End.AddDays(-1);

    public int Days => End.DayNumber - Start.DayNumber;

    public bool IsCalendar => Unit != PeriodUnit.Days;

    /// <summary>
    /// The previous period of metrics.md: the previous calendar month, quarter or year for a
    /// calendar period; otherwise the same number of days ending where this period starts.
    /// </summary>
    public Period Previous => Unit switch
    {
        PeriodUnit.Month => new Period(Start.AddMonths(-1), Start, Unit),
        PeriodUnit.Quarter => new Period(Start.AddMonths(-3), Start, Unit),
        PeriodUnit.Year => new Period(Start.AddYears(-1), Start, Unit),
        _ => new Period(Start.AddDays(-Days), Start, Unit),
    };

    /// <summary>Any range <c>[start, end)</c>; its previous period is the same number of days (the command line always uses this).</summary>
    public static Period Range(DateOnly start, DateOnly end) => new(start, end, PeriodUnit.Days);

    public static Period Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new Period(start, start.AddMonths(1), PeriodUnit.Month);
    }

    /// <param name="quarter">1 to 4.</param>
    public static Period Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var start = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return new Period(start, start.AddMonths(3), PeriodUnit.Quarter);
    }

    public static Period Year(int year)
    {
        var start = new DateOnly(year, 1, 1);
        return new Period(start, start.AddYears(1), PeriodUnit.Year);
    }

    public bool Contains(DateOnly date) => date >= Start && date < End;

    /// <summary>Month keys (year × 100 + month) of every calendar month the period touches, in order.</summary>
    public IReadOnlyList<int> MonthKeys()
    {
        var months = new List<int>();
        for (var month = new DateOnly(Start.Year, Start.Month, 1); month < End; month = month.AddMonths(1))
        {
            months.Add((month.Year * 100) + month.Month);
        }
        return months;
    }

    public override string ToString() => $"[{Start:yyyy-MM-dd}, {End:yyyy-MM-dd})";
}

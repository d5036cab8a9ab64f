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
    /// <summary>This month up to a day (the latest day with data): compared with the same days of the previous month.</summary>
    MonthToDate = 4,
    /// <summary>This quarter up to a day: compared with the same span of the previous quarter.</summary>
    QuarterToDate = 5,
    /// <summary>This year up to a day: compared with the same span of the previous year.</summary>
    YearToDate = 6,
}

/// <summary>What a period is compared with (metrics.md, "Vocabulary / Period"); the dashboard, the KPI workbook and <c>kpi --compare</c> share
/// it.</summary>
public enum ComparisonMode
{
    /// <summary>The previous period: previous calendar unit, as many whole months before, the same span one period earlier, or the same number of
    /// days.</summary>
    Previous = 0,
    /// <summary>The same dates one year earlier (29 February → 28 February).</summary>
    LastYear = 1,
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

    /// <summary>A calendar month, quarter or year up to a day before its end (a "to date" preset).</summary>
    public bool IsToDate => Unit is PeriodUnit.MonthToDate or PeriodUnit.QuarterToDate or PeriodUnit.YearToDate;

    /// <summary>Whether the range is made of whole calendar months (starts on a 1st, ends before a 1st).</summary>
    public bool IsWholeMonths => Start.Day == 1 && End.Day == 1;

    /// <summary>
    /// The previous period of metrics.md: the previous calendar month, quarter or year for a
    /// calendar period; as many whole months just before a range of whole months; the same span
    /// of days one period earlier for a period to date; otherwise the same number of days ending
    /// where this period starts.
    /// </summary>
    public Period Previous => Unit switch
    {
        PeriodUnit.Month => new Period(Start.AddMonths(-1), Start, Unit),
        PeriodUnit.Quarter => new Period(Start.AddMonths(-3), Start, Unit),
        PeriodUnit.Year => new Period(Start.AddYears(-1), Start, Unit),
        PeriodUnit.MonthToDate => Shifted(1),
        PeriodUnit.QuarterToDate => Shifted(3),
        PeriodUnit.YearToDate => Shifted(12),
        _ when IsWholeMonths => new Period(Start.AddMonths(-Months), Start, Unit),
        _ => new Period(Start.AddDays(-Days), Start, Unit),
    };

    /// <summary>The same dates one year earlier; a 29 February becomes the 28th.</summary>
    public Period LastYear => new(Start.AddYears(-1), LastDay.AddYears(-1).AddDays(1), Unit);

    /// <summary>The comparison period of <paramref name="mode"/>.</summary>
    public Period Comparison(ComparisonMode mode) => mode switch
    {
        ComparisonMode.Previous => Previous,
        ComparisonMode.LastYear => LastYear,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>Whole calendar months from start to end (meaningful when <see cref="IsWholeMonths"/>).</summary>
    private int Months => ((End.Year - Start.Year) * 12) + End.Month - Start.Month;

    /// <summary>The same span <paramref name="months"/> earlier, its last day kept inside the earlier unit (31 May → 30 April... → 28/29
    /// February).</summary>
    private Period Shifted(int months) => new(Start.AddMonths(-months), LastDay.AddMonths(-months).AddDays(1), Unit);

    /// <summary>Any range <c>[start, end)</c>: compared with as many whole months before when it is made of whole months, else with the same number
    /// of days.</summary>
    public static Period Range(DateOnly start, DateOnly end) => new(start, end, PeriodUnit.Days);

    /// <summary>
    /// The calendar <paramref name="unit"/> (month, quarter or year) containing <paramref name="lastDay"/>, from its
    /// first day up to <paramref name="lastDay"/> included: a period to date, or the whole unit when
    /// <paramref name="lastDay"/> is its last day.
    /// </summary>
    public static Period ToDate(PeriodUnit unit, DateOnly lastDay)
    {
        var whole = unit switch
        {
            PeriodUnit.Month or PeriodUnit.MonthToDate => Month(lastDay.Year, lastDay.Month),
            PeriodUnit.Quarter or PeriodUnit.QuarterToDate => Quarter(lastDay.Year, ((lastDay.Month - 1) / 3) + 1),
            PeriodUnit.Year or PeriodUnit.YearToDate => Year(lastDay.Year),
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "A period to date is a month, a quarter or a year."),
        };
        var end = lastDay.AddDays(1);
        if (end == whole.End)
        {
            return whole;
        }
        var toDate = whole.Unit switch
        {
            PeriodUnit.Month => PeriodUnit.MonthToDate,
            PeriodUnit.Quarter => PeriodUnit.QuarterToDate,
            _ => PeriodUnit.YearToDate,
        };
        return new Period(whole.Start, end, toDate);
    }

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

using static CustomerInsight.Tests.Core.Analytics.PeriodAssert;

namespace CustomerInsight.Tests.Core.Analytics;

public class PeriodTests
{
    [Fact]
    public void Previous_CalendarMonthMarch_IsFebruary()
    {
        var previous = Period.Month(2011, 3).Previous;

        AssertSpan(previous, "2011-02-01", "2011-03-01");
        Assert.Equal(PeriodUnit.Month, previous.Unit);
    }

    [Fact]
    public void Previous_CalendarMonthMarchOfLeapYear_IsWholeFebruaryOf29Days()
    {
        var previous = Period.Month(2024, 3).Previous;

        Assert.Equal(D("2024-02-01"), previous.Start);
        Assert.Equal(29, previous.Days);
    }

    [Fact]
    public void Previous_CalendarMonthJanuary_IsDecemberOfPreviousYear()
    {
        var previous = Period.Month(2012, 1).Previous;

        AssertSpan(previous, "2011-12-01", "2012-01-01");
    }

    [Fact]
    public void Previous_CalendarQuarterQ1_IsQ4OfPreviousYear()
    {
        var previous = Period.Quarter(2011, 1).Previous;

        AssertSpan(previous, "2010-10-01", "2011-01-01");
        Assert.Equal(PeriodUnit.Quarter, previous.Unit);
    }

    [Fact]
    public void Previous_CalendarQuarterQ3_IsQ2EvenThoughLengthsDiffer()
    {
        var period = Period.Quarter(2011, 3);

        var previous = period.Previous;

        Assert.Equal(92, period.Days);
        Assert.Equal(D("2011-04-01"), previous.Start);
        Assert.Equal(91, previous.Days);
    }

    [Fact]
    public void Previous_CalendarYearAfterLeapYear_IsWholeLeapYear()
    {
        var previous = Period.Year(2025).Previous;

        AssertSpan(previous, "2024-01-01", "2025-01-01");
        Assert.Equal(366, previous.Days);
    }

    [Fact]
    public void Previous_CustomRangeOfWholeMonths_IsAsManyWholeMonthsBefore()
    {
        // interfaces.md's kpi example: --from 2011-07-01 --to 2011-10-01 → previousFrom 2011-04-01, previousTo 2011-07-01.
        var previous = Period.Range(D("2011-07-01"), D("2011-10-01")).Previous;

        AssertSpan(previous, "2011-04-01", "2011-07-01");
    }

    [Fact]
    public void Previous_CustomMarch_IsWholeFebruaryNot29JanuaryTo28February()
    {
        // The example: a custom March compared with 29/01–28/02 (the same 31 days).
        var previous = Period.Range(D("2026-03-01"), D("2026-04-01")).Previous;

        AssertSpan(previous, "2026-02-01", "2026-03-01");
    }

    [Fact]
    public void Previous_CustomMarchToMay_IsDecemberToFebruary()
    {
        // metrics.md: a range made of whole calendar months (March–May) → December–February.
        var previous = Period.Range(D("2026-03-01"), D("2026-06-01")).Previous;

        AssertSpan(previous, "2025-12-01", "2026-03-01");
    }

    [Fact]
    public void Previous_Custom2011_IsWhole2010()
    {
        var previous = Period.Range(D("2011-01-01"), D("2012-01-01")).Previous;

        Assert.Equal(Period.Year(2010).Start, previous.Start);
        Assert.Equal(Period.Year(2010).End, previous.End);
    }

    [Fact]
    public void Previous_YearToDate_IsTheSameSpanOfThePreviousYear()
    {
        // metrics.md: 1 January – 30 September 2026 against 1 January – 30 September 2025, never the whole of 2025.
        var period = Period.ToDate(PeriodUnit.Year, D("2026-09-30"));

        Assert.Equal(PeriodUnit.YearToDate, period.Unit);
        AssertSpan(period, "2026-01-01", "2026-10-01");
        AssertSpan(period.Previous, "2025-01-01", "2025-10-01");
    }

    [Fact]
    public void Previous_MonthToDateOn30March_EndsOnTheLastDayOfFebruary()
    {
        var period = Period.ToDate(PeriodUnit.Month, D("2026-03-30"));

        Assert.Equal(PeriodUnit.MonthToDate, period.Unit);
        AssertSpan(period.Previous, "2026-02-01", "2026-03-01");
    }

    [Fact]
    public void Previous_QuarterToDate_IsTheSameDaysOfThePreviousQuarter()
    {
        var period = Period.ToDate(PeriodUnit.Quarter, D("2011-12-09"));

        AssertSpan(period, "2011-10-01", "2011-12-10");
        AssertSpan(period.Previous, "2011-07-01", "2011-09-10");
    }

    [Fact]
    public void ToDate_OnTheLastDayOfTheUnit_IsTheWholeCalendarUnit()
    {
        Assert.Equal(Period.Quarter(2026, 3), Period.ToDate(PeriodUnit.Quarter, D("2026-09-30")));
        Assert.Equal(Period.Month(2026, 9), Period.ToDate(PeriodUnit.Month, D("2026-09-30")));
    }

    [Fact]
    public void LastYear_LeapDay_Becomes28February()
    {
        var lastYear = Period.Range(D("2024-02-29"), D("2024-03-01")).LastYear;

        AssertSpan(lastYear, "2023-02-28", "2023-03-01");
    }

    [Fact]
    public void LastYear_FebruaryOfALeapYear_IsFebruaryOfTheYearBefore()
    {
        var lastYear = Period.Month(2024, 2).Comparison(ComparisonMode.LastYear);

        AssertSpan(lastYear, "2023-02-01", "2023-03-01");
    }

    [Fact]
    public void Comparison_YearToDateLastYear_IsTheSameDatesOneYearEarlier()
    {
        var comparison = Period.ToDate(PeriodUnit.Year, D("2026-09-30")).Comparison(ComparisonMode.LastYear);

        AssertSpan(comparison, "2025-01-01", "2025-10-01");
    }

    [Fact]
    public void Previous_CustomRangeOverLeapDay_CountsFebruary29()
    {
        // 2024-02-15 .. 2024-03-15 is 29 days because of 29 February.
        var period = Period.Range(D("2024-02-15"), D("2024-03-15"));

        var previous = period.Previous;

        Assert.Equal(29, period.Days);
        Assert.Equal(D("2024-01-17"), previous.Start);
        Assert.Equal(period.Start, previous.End);
    }

    [Fact]
    public void Previous_CustomOneDay_IsTheDayBefore()
    {
        var previous = Period.Range(D("2024-03-01"), D("2024-03-02")).Previous;

        Assert.Equal(D("2024-02-29"), previous.Start);
        Assert.Equal(1, previous.Days);
    }

    [Fact]
    public void Range_EndNotAfterStart_Throws()
    {
        Assert.Throws<ArgumentException>(() => Period.Range(D("2024-03-01"), D("2024-03-01")));
        Assert.Throws<ArgumentException>(() => Period.Range(D("2024-03-02"), D("2024-03-01")));
    }

    [Fact]
    public void Contains_HalfOpen_IncludesStartExcludesEnd()
    {
        var march = Period.Month(2011, 3);

        Assert.True(march.Contains(D("2011-03-01")));
        Assert.True(march.Contains(D("2011-03-31")));
        Assert.False(march.Contains(D("2011-04-01")));
        Assert.False(march.Contains(D("2011-02-28")));
    }

    [Fact]
    public void MonthKeys_RangeAcrossYearEnd_ListsEveryTouchedMonth()
    {
        var period = Period.Range(D("2010-12-15"), D("2011-02-02"));

        Assert.Equal([201012, 201101, 201102], period.MonthKeys());
    }

    [Fact]
    public void Equality_SameMonthBuiltTwice_AreEqual() =>
        Assert.Equal(Period.Month(2011, 3), PeriodPresets.Create(PeriodPreset.ThisMonth, D("2011-03-31")));

    [Fact]
    public void Equality_SameDatesDifferentUnit_AreNotEqual() =>
        Assert.NotEqual(Period.Month(2011, 3), Period.Range(D("2011-03-01"), D("2011-04-01")));
}

public class PeriodPresetsTests
{
    [Fact]
    public void Create_Last30Days_EndsWithReferenceDayIncluded()
    {
        var period = PeriodPresets.Create(PeriodPreset.Last30Days, D("2024-03-01"));

        AssertSpan(period, "2024-02-01", "2024-03-02");
        Assert.Equal(30, period.Days);
        AssertSpan(period.Previous, "2024-01-02", "2024-02-01");
    }

    [Fact]
    public void Create_ThisMonth_RunsUpToTheReferenceAndComparesWithTheSameDaysOfTheMonthBefore()
    {
        var period = PeriodPresets.Create(PeriodPreset.ThisMonth, D("2011-12-09"));

        AssertSpan(period, "2011-12-01", "2011-12-10");
        AssertSpan(period.Previous, "2011-11-01", "2011-11-10");
    }

    [Fact]
    public void Create_LastMonthInJanuary_IsDecemberAndPreviousIsNovember()
    {
        var period = PeriodPresets.Create(PeriodPreset.LastMonth, D("2012-01-10"));

        Assert.Equal(Period.Month(2011, 12), period);
        Assert.Equal(Period.Month(2011, 11), period.Previous);
    }

    [Theory]
    [InlineData("2011-03-31", 1)]
    [InlineData("2011-06-30", 2)]
    [InlineData("2011-09-30", 3)]
    [InlineData("2011-12-31", 4)]
    public void Create_ThisQuarterOnItsLastDay_IsTheWholeCalendarQuarter(string reference, int quarter) =>
        Assert.Equal(Period.Quarter(2011, quarter), PeriodPresets.Create(PeriodPreset.ThisQuarter, D(reference)));

    [Theory]
    [InlineData("2011-01-01", "2011-01-01", "2011-01-02")]
    [InlineData("2011-04-01", "2011-04-01", "2011-04-02")]
    [InlineData("2011-12-09", "2011-10-01", "2011-12-10")]
    public void Create_ThisQuarter_RunsFromTheQuarterStartUpToTheReference(string reference, string start, string end)
    {
        var period = PeriodPresets.Create(PeriodPreset.ThisQuarter, D(reference));

        Assert.Equal(D(start), period.Start);
        Assert.Equal(D(end), period.End);
        Assert.Equal(PeriodUnit.QuarterToDate, period.Unit);
    }

    [Fact]
    public void Create_ThisYearOn30September2026_IsJanuaryToSeptemberAgainstTheSameMonthsOf2025()
    {
        // The issue: "this year" compared nine months of 2026 with the whole of 2025.
        var period = PeriodPresets.Create(PeriodPreset.ThisYear, D("2026-09-30"));

        AssertSpan(period, "2026-01-01", "2026-10-01");
        AssertSpan(period.Previous, "2025-01-01", "2025-10-01");
    }

    [Fact]
    public void Create_ThisYearOnItsLastDayAndLastYear_AreCalendarYears()
    {
        Assert.Equal(Period.Year(2024), PeriodPresets.Create(PeriodPreset.ThisYear, D("2024-12-31")));
        Assert.Equal(Period.Year(2023), PeriodPresets.Create(PeriodPreset.LastYear, D("2024-02-29")));
        Assert.Equal(Period.Year(2022), PeriodPresets.Create(PeriodPreset.LastYear, D("2024-02-29")).Previous);
    }

    [Fact]
    public void Create_Custom_Throws() =>
        Assert.Throws<ArgumentException>(() => PeriodPresets.Create(PeriodPreset.Custom, D("2024-01-01")));

    [Fact]
    public void CreateCustom_AnyRange_PreviousHasSameLength()
    {
        var period = PeriodPresets.CreateCustom(D("2024-02-10"), D("2024-03-10"));

        Assert.Equal(PeriodUnit.Days, period.Unit);
        Assert.Equal(D("2024-01-12"), period.Previous.Start);
    }
}

/// <summary>Dates and periods as metrics.md writes them (<c>yyyy-MM-dd</c>, [start, end)).</summary>
internal static class PeriodAssert
{
    public static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    /// <summary>The period is [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static void AssertSpan(Period period, string start, string end) => Assert.Equal((D(start), D(end)), (period.Start, period.End));
}

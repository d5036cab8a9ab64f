using CustomerInsight.Core.Analytics;

namespace CustomerInsight.Tests.Core.Analytics;

public class PeriodTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Previous_CalendarMonthMarch_IsFebruary()
    {
        var previous = Period.Month(2011, 3).Previous;

        Assert.Equal(D("2011-02-01"), previous.Start);
        Assert.Equal(D("2011-03-01"), previous.End);
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

        Assert.Equal(D("2011-12-01"), previous.Start);
        Assert.Equal(D("2012-01-01"), previous.End);
    }

    [Fact]
    public void Previous_CalendarQuarterQ1_IsQ4OfPreviousYear()
    {
        var previous = Period.Quarter(2011, 1).Previous;

        Assert.Equal(D("2010-10-01"), previous.Start);
        Assert.Equal(D("2011-01-01"), previous.End);
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

        Assert.Equal(D("2024-01-01"), previous.Start);
        Assert.Equal(D("2025-01-01"), previous.End);
        Assert.Equal(366, previous.Days);
    }

    [Fact]
    public void Previous_CustomRangeOfWholeQuarter_IsSameNumberOfDaysNotCalendarQuarter()
    {
        // interfaces.md's kpi example: --from 2011-07-01 --to 2011-10-01 → previous from 2011-03-31.
        var previous = Period.Range(D("2011-07-01"), D("2011-10-01")).Previous;

        Assert.Equal(D("2011-03-31"), previous.Start);
        Assert.Equal(D("2011-07-01"), previous.End);
        Assert.Equal(PeriodUnit.Days, previous.Unit);
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
        Assert.Equal(Period.Month(2011, 3), PeriodPresets.Create(PeriodPreset.ThisMonth, D("2011-03-17")));

    [Fact]
    public void Equality_SameDatesDifferentUnit_AreNotEqual() =>
        Assert.NotEqual(Period.Month(2011, 3), Period.Range(D("2011-03-01"), D("2011-04-01")));
}

public class PeriodPresetsTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Create_Last30Days_EndsWithReferenceDayIncluded()
    {
        var period = PeriodPresets.Create(PeriodPreset.Last30Days, D("2024-03-01"));

        Assert.Equal(D("2024-02-01"), period.Start);
        Assert.Equal(D("2024-03-02"), period.End);
        Assert.Equal(30, period.Days);
        Assert.Equal(D("2024-01-02"), period.Previous.Start);
        Assert.Equal(D("2024-02-01"), period.Previous.End);
    }

    [Fact]
    public void Create_ThisMonth_IsWholeCalendarMonthOfReference()
    {
        var period = PeriodPresets.Create(PeriodPreset.ThisMonth, D("2011-12-09"));

        Assert.Equal(D("2011-12-01"), period.Start);
        Assert.Equal(D("2012-01-01"), period.End);
        Assert.Equal(D("2011-11-01"), period.Previous.Start);
    }

    [Fact]
    public void Create_LastMonthInJanuary_IsDecemberAndPreviousIsNovember()
    {
        var period = PeriodPresets.Create(PeriodPreset.LastMonth, D("2012-01-10"));

        Assert.Equal(Period.Month(2011, 12), period);
        Assert.Equal(Period.Month(2011, 11), period.Previous);
    }

    [Theory]
    [InlineData("2011-01-01", 1)]
    [InlineData("2011-03-31", 1)]
    [InlineData("2011-04-01", 2)]
    [InlineData("2011-09-30", 3)]
    [InlineData("2011-12-31", 4)]
    public void Create_ThisQuarter_IsCalendarQuarterOfReference(string reference, int quarter) =>
        Assert.Equal(Period.Quarter(2011, quarter), PeriodPresets.Create(PeriodPreset.ThisQuarter, D(reference)));

    [Fact]
    public void Create_ThisYearAndLastYear_AreCalendarYears()
    {
        Assert.Equal(Period.Year(2024), PeriodPresets.Create(PeriodPreset.ThisYear, D("2024-02-29")));
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

namespace CustomerInsight.Tests.Core.Analytics;

public class PeriodCoverageTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Of_Custom2011OverThePublicData_OnlyDecember2010OfTheComparisonHasData()
    {
        // The public Online Retail file runs from 2010-12-01 to 2011-12-09: the comparison of 2011 is 2010,
        // of which only the 31 days of December lie between the first and the last day with data.
        var comparison = Period.Range(D("2011-01-01"), D("2012-01-01")).Previous;

        var coverage = PeriodCoverage.Of(comparison, D("2010-12-01"), D("2011-12-09"));

        Assert.Equal(31.0 / 365, coverage, 10);
        Assert.True(PeriodCoverage.IsPartial(coverage));
        Assert.False(PeriodCoverage.IsEmpty(coverage));
    }

    [Fact]
    public void Of_ComparisonInsideTheData_IsComplete()
    {
        var coverage = PeriodCoverage.Of(Period.Month(2011, 2), D("2010-12-01"), D("2011-12-09"));

        Assert.Equal(1.0, coverage);
        Assert.False(PeriodCoverage.IsPartial(coverage));
    }

    [Fact]
    public void Of_ComparisonBeforeTheFirstDay_IsZero()
    {
        var coverage = PeriodCoverage.Of(Period.Year(2009), D("2010-12-01"), D("2011-12-09"));

        Assert.Equal(0.0, coverage);
        Assert.True(PeriodCoverage.IsEmpty(coverage));
    }

    [Fact]
    public void Of_NoData_IsZero() =>
        Assert.Equal(0.0, PeriodCoverage.Of(Period.Month(2011, 2), null, null));

    [Fact]
    public void Of_LastDayWithDataInsideTheComparison_CountsItsDay()
    {
        // Data ends on 2011-12-09: 9 of December's 31 days are covered.
        var coverage = PeriodCoverage.Of(Period.Month(2011, 12), D("2010-12-01"), D("2011-12-09"));

        Assert.Equal(9.0 / 31, coverage, 10);
    }
}

namespace CustomerInsight.Tests.Core.Analytics;

public class CohortCalculatorTests
{
    [Fact]
    public void Calculate_TwoCohorts_SharesPerMonthOffsetMonthZeroFull()
    {
        // Cohort 2010-12: 4 customers; 2 back in January, 1 in February. Cohort 2011-01: 2 customers, 1 back in February.
        var matrix = CohortCalculator.Calculate(
            [new CohortSize(201012, 4), new CohortSize(201101, 2)],
            [
                new CohortActivity(201012, 201012, 4),
                new CohortActivity(201012, 201101, 2),
                new CohortActivity(201012, 201102, 1),
                new CohortActivity(201101, 201101, 2),
                new CohortActivity(201101, 201102, 1),
            ],
            lastMonth: 201102);

        Assert.Equal(2, matrix.Rows.Count);
        Assert.Equal(201012, matrix.Rows[0].CohortMonth);
        Assert.Equal([1.0, 0.5, 0.25], matrix.Rows[0].Retention);
        Assert.Equal([1.0, 0.5], matrix.Rows[1].Retention);
        Assert.Equal(3, matrix.MonthColumns);
    }

    [Fact]
    public void Calculate_MonthWithoutActivity_IsZeroNotMissing()
    {
        var matrix = CohortCalculator.Calculate(
            [new CohortSize(201111, 5)],
            [new CohortActivity(201111, 201111, 5), new CohortActivity(201111, 201201, 1)],
            lastMonth: 201201);

        Assert.Equal([1.0, 0.0, 0.2], matrix.Rows[0].Retention);
    }

    [Fact]
    public void Calculate_SizesOutOfOrderAndAfterLastMonth_SortedAndLaterCohortsLeftOut()
    {
        var matrix = CohortCalculator.Calculate(
            [new CohortSize(201103, 1), new CohortSize(201101, 1), new CohortSize(201105, 1)],
            [],
            lastMonth: 201104);

        Assert.Equal([201101, 201103], matrix.Rows.Select(r => r.CohortMonth));
    }

    [Fact]
    public void Calculate_NoCustomers_EmptyMatrix()
    {
        var matrix = CohortCalculator.Calculate([], [], lastMonth: 201112);

        Assert.Empty(matrix.Rows);
        Assert.Equal(0, matrix.MonthColumns);
    }

    [Fact]
    public void Calculate_ActivityBeforeCohort_Throws() =>
        Assert.Throws<ArgumentException>(() => CohortCalculator.Calculate(
            [new CohortSize(201102, 1)], [new CohortActivity(201102, 201101, 1)], 201103));

    [Fact]
    public void Calculate_MoreActiveThanCohort_Throws() =>
        Assert.Throws<ArgumentException>(() => CohortCalculator.Calculate(
            [new CohortSize(201102, 1)], [new CohortActivity(201102, 201103, 2)], 201103));
}

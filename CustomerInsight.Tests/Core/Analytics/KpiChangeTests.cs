namespace CustomerInsight.Tests.Core.Analytics;

public class KpiChangeTests
{
    private static void AssertChange(KpiChange change, KpiChangeKind kind, double value, KpiTrend trend, bool good)
    {
        Assert.Equal(kind, change.Kind);
        Assert.Equal(value, change.Value!.Value, 10);
        Assert.Equal(trend, change.Trend);
        Assert.Equal(good, change.IsGood);
    }

    [Fact]
    public void Of_AmountUp_RelativeChangeAndGood() =>
        AssertChange(KpiChange.Of(Kpi.NetRevenue, 190m, 152m), KpiChangeKind.Relative, 0.25, KpiTrend.Up, good: true);

    [Fact]
    public void Of_RateDown_ChangeInPointsAndBad() =>
        AssertChange(KpiChange.Of(Kpi.RetentionRate, 0.5, 0.625), KpiChangeKind.Points, -12.5, KpiTrend.Down, good: false);

    [Fact]
    public void Of_ChurnUp_IsBad()
    {
        var change = KpiChange.Of(Kpi.ChurnRate, 0.5, 0.4);

        Assert.Equal(10.0, change.Value!.Value, 10);
        Assert.False(change.IsGood);
    }

    [Fact]
    public void Of_LapsedCustomersDown_IsGood() =>
        Assert.True(KpiChange.Of(Kpi.LapsedCustomers, 80m, 100m).IsGood);

    [Fact]
    public void Of_ReturnsMoreNegative_RelativeDownAndBad()
    {
        var change = KpiChange.Of(Kpi.Returns, -20m, -10m);

        Assert.Equal(-1.0, change.Value!.Value, 10);
        Assert.Equal(KpiTrend.Down, change.Trend);
        Assert.False(change.IsGood);
    }

    [Fact]
    public void Of_PreviousZero_RelativeChangeNullButTrendKnown()
    {
        var change = KpiChange.Of(Kpi.Orders, 4m, 0m);

        Assert.Null(change.Value);
        Assert.Equal(KpiTrend.Up, change.Trend);
    }

    [Fact]
    public void Of_PreviousRateZero_PointsStillDefined() =>
        Assert.Equal(50.0, KpiChange.Of(Kpi.RepeatPurchaseRate, 0.5, 0.0).Value!.Value, 10);

    [Fact]
    public void Of_PreviousNull_NoValueNoTrend()
    {
        var change = KpiChange.Of(Kpi.AverageBasket, 50m, null);

        Assert.Null(change.Value);
        Assert.Null(change.Trend);
        Assert.Null(change.IsGood);
    }

    [Fact]
    public void Of_Nps_DifferenceInPoints() =>
        AssertChange(KpiChange.Of(Kpi.Nps, 20.0, 35.0), KpiChangeKind.Difference, -15.0, KpiTrend.Down, good: false);

    [Fact]
    public void Of_Unchanged_FlatNeitherGoodNorBad()
    {
        var change = KpiChange.Of(Kpi.Csat, 0.8, 0.8);

        Assert.Equal(KpiTrend.Flat, change.Trend);
        Assert.Equal(0.0, change.Value);
        Assert.Null(change.IsGood);
    }
}

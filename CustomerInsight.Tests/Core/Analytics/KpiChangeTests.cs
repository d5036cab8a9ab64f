namespace CustomerInsight.Tests.Core.Analytics;

public class KpiChangeTests
{
    [Fact]
    public void Of_AmountUp_RelativeChangeAndGood()
    {
        var change = KpiChange.Of(Kpi.NetRevenue, 190m, 152m);

        Assert.Equal(KpiChangeKind.Relative, change.Kind);
        Assert.Equal(0.25, change.Value!.Value, 10);
        Assert.Equal(KpiTrend.Up, change.Trend);
        Assert.True(change.IsGood);
    }

    [Fact]
    public void Of_RateDown_ChangeInPointsAndBad()
    {
        var change = KpiChange.Of(Kpi.RetentionRate, 0.5, 0.625);

        Assert.Equal(KpiChangeKind.Points, change.Kind);
        Assert.Equal(-12.5, change.Value!.Value, 10);
        Assert.Equal(KpiTrend.Down, change.Trend);
        Assert.False(change.IsGood);
    }

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
    public void Of_Nps_DifferenceInPoints()
    {
        var change = KpiChange.Of(Kpi.Nps, 20.0, 35.0);

        Assert.Equal(KpiChangeKind.Difference, change.Kind);
        Assert.Equal(-15.0, change.Value!.Value, 10);
        Assert.False(change.IsGood);
    }

    [Fact]
    public void Of_Unchanged_FlatNeitherGoodNorBad()
    {
        var change = KpiChange.Of(Kpi.Csat, 0.8, 0.8);

        Assert.Equal(KpiTrend.Flat, change.Trend);
        Assert.Equal(0.0, change.Value);
        Assert.Null(change.IsGood);
    }
}

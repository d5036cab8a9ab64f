namespace CustomerInsight.Tests.Core.Analytics;

public class SalesKpiCalculatorTests
{
    /// <summary>
    /// metrics.md's March example as facts: sale orders A 100, A 50, B 30, anonymous 20; a cancellation
    /// of A for −10; in February A and C bought (B bought for the first time in March).
    /// </summary>
    private static readonly SalesFacts March = new(
        SaleOrders: 4,
        GrossSalesMilli: 200_000,
        ReturnsMilli: -10_000,
        IdentifiedSaleOrders: 3,
        ActiveCustomers: 2,
        NewCustomers: 1,
        RepeatCustomers: 1,
        RetainedCustomers: 1,
        PreviousActiveCustomers: 2,
        LapsedCustomers: 0);

    [Fact]
    public void Calculate_MarchExample_MatchesMetricsMd()
    {
        AssertMarchExample(SalesKpiCalculator.Calculate(March));
    }

    /// <summary>metrics.md's March example, figure by figure (the calculator's and the database queries' alike).</summary>
    internal static void AssertMarchExample(SalesKpis kpis)
    {
        Assert.Equal(4, kpis.Orders);
        Assert.Equal(200m, kpis.GrossSales);
        Assert.Equal(-10m, kpis.Returns);
        Assert.Equal(190m, kpis.NetRevenue);
        Assert.Equal(50m, kpis.AverageBasket);
        Assert.Equal(2, kpis.ActiveCustomers);
        Assert.Equal(1, kpis.NewCustomers);
        Assert.Equal(1.5, kpis.PurchaseFrequency);
        Assert.Equal(0.5, kpis.RepeatPurchaseRate);
        Assert.Equal(0.5, kpis.RetentionRate);
        Assert.Equal(0.5, kpis.ChurnRate);
    }

    [Fact]
    public void Calculate_EmptyPeriod_ZerosAndNullRatesNeverNaN()
    {
        var kpis = SalesKpiCalculator.Calculate(SalesFacts.Empty);

        Assert.Equal(0, kpis.Orders);
        Assert.Equal(0m, kpis.GrossSales);
        Assert.Equal(0m, kpis.NetRevenue);
        Assert.Null(kpis.AverageBasket);
        Assert.Null(kpis.PurchaseFrequency);
        Assert.Null(kpis.RepeatPurchaseRate);
        Assert.Null(kpis.RetentionRate);
        Assert.Null(kpis.ChurnRate);
    }

    [Fact]
    public void Calculate_NoPreviousActivity_RetentionAndChurnNullOtherFiguresComputed()
    {
        var kpis = SalesKpiCalculator.Calculate(March with { RetainedCustomers = 0, PreviousActiveCustomers = 0 });

        Assert.Null(kpis.RetentionRate);
        Assert.Null(kpis.ChurnRate);
        Assert.Equal(0.5, kpis.RepeatPurchaseRate);
    }

    [Fact]
    public void Calculate_PreviousActiveButNobodyBack_RetentionZeroChurnOne()
    {
        var kpis = SalesKpiCalculator.Calculate(March with { RetainedCustomers = 0 });

        Assert.Equal(0.0, kpis.RetentionRate);
        Assert.Equal(1.0, kpis.ChurnRate);
    }

    [Fact]
    public void Calculate_OnlyAnonymousOrders_RevenueAndBasketButNoCustomerFigures()
    {
        var facts = SalesFacts.Empty with { SaleOrders = 3, GrossSalesMilli = 75_500, ReturnsMilli = -5_250 };

        var kpis = SalesKpiCalculator.Calculate(facts);

        Assert.Equal(3, kpis.Orders);
        Assert.Equal(75.5m, kpis.GrossSales);
        Assert.Equal(70.25m, kpis.NetRevenue);
        Assert.Equal(75.5m / 3, kpis.AverageBasket);
        Assert.Equal(0, kpis.ActiveCustomers);
        Assert.Null(kpis.PurchaseFrequency);
        Assert.Null(kpis.RepeatPurchaseRate);
    }

    [Fact]
    public void Calculate_OnlyCancellations_NegativeNetRevenueAndBasketNotAvailable()
    {
        var kpis = SalesKpiCalculator.Calculate(SalesFacts.Empty with { ReturnsMilli = -42_123 });

        Assert.Equal(0m, kpis.GrossSales);
        Assert.Equal(-42.123m, kpis.Returns);
        Assert.Equal(-42.123m, kpis.NetRevenue);
        Assert.Null(kpis.AverageBasket);
    }

    [Fact]
    public void Calculate_ThousandthsAmounts_MoneyIsExactDecimalUnrounded()
    {
        var facts = SalesFacts.Empty with { SaleOrders = 3, GrossSalesMilli = 100_001, ReturnsMilli = -1 };

        var kpis = SalesKpiCalculator.Calculate(facts);

        Assert.Equal(100.001m, kpis.GrossSales);
        Assert.Equal(100m, kpis.NetRevenue);
        Assert.Equal(100.001m / 3m, kpis.AverageBasket);
    }

    [Fact]
    public void Calculate_InconsistentFacts_Throws()
    {
        Assert.Throws<ArgumentException>(() => SalesKpiCalculator.Calculate(March with { RetainedCustomers = 3 }));
        Assert.Throws<ArgumentException>(() => SalesKpiCalculator.Calculate(March with { ReturnsMilli = 10 }));
        Assert.Throws<ArgumentException>(() => SalesKpiCalculator.Calculate(March with { IdentifiedSaleOrders = 5 }));
    }
}

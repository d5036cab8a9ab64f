namespace CustomerInsight.Core.Analytics;

/// <summary>
/// Aggregated facts of one period (and its previous period), as computed in SQL by
/// <c>KpiQueries</c>. Amounts in thousandths of the currency unit.
/// </summary>
/// <param name="SaleOrders">Sale orders dated in the period (identified or anonymous).</param>
/// <param name="GrossSalesMilli">Sum of the sale order amounts.</param>
/// <param name="ReturnsMilli">Sum of the cancellation amounts (zero or negative).</param>
/// <param name="IdentifiedSaleOrders">Sale orders with a customer.</param>
/// <param name="ActiveCustomers">Distinct identified customers with a sale order in the period.</param>
/// <param name="NewCustomers">Active customers whose first sale order ever is in the period.</param>
/// <param name="RepeatCustomers">Active customers with two or more sale orders in the period.</param>
/// <param name="RetainedCustomers">Customers active both in the previous period and in the period.</param>
/// <param name="PreviousActiveCustomers">Customers active in the previous period.</param>
/// <param name="LapsedCustomers">Identified customers whose last sale order is older than the lapse threshold at the end of the period.</param>
public sealed record SalesFacts(
    long SaleOrders,
    long GrossSalesMilli,
    long ReturnsMilli,
    long IdentifiedSaleOrders,
    long ActiveCustomers,
    long NewCustomers,
    long RepeatCustomers,
    long RetainedCustomers,
    long PreviousActiveCustomers,
    long LapsedCustomers)
{
    public static SalesFacts Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>The sales KPIs of metrics.md for one period. Money unrounded; rates as fractions 0–1; null where undefined.</summary>
public sealed record SalesKpis(
    long Orders,
    decimal GrossSales,
    decimal Returns,
    decimal NetRevenue,
    decimal? AverageBasket,
    long ActiveCustomers,
    long NewCustomers,
    double? PurchaseFrequency,
    double? RepeatPurchaseRate,
    double? RetentionRate,
    double? ChurnRate,
    long LapsedCustomers);

/// <summary>Sales KPIs from aggregated facts (metrics.md, "Sales KPIs").</summary>
public static class SalesKpiCalculator
{
    public static SalesKpis Calculate(SalesFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Validate(facts);

        var gross = facts.GrossSalesMilli / 1000m;
        var returns = facts.ReturnsMilli / 1000m;
        var retention = Fraction(facts.RetainedCustomers, facts.PreviousActiveCustomers);

        return new SalesKpis(
            Orders: facts.SaleOrders,
            GrossSales: gross,
            Returns: returns,
            NetRevenue: (facts.GrossSalesMilli + facts.ReturnsMilli) / 1000m,
            AverageBasket: facts.SaleOrders == 0 ? null : gross / facts.SaleOrders,
            ActiveCustomers: facts.ActiveCustomers,
            NewCustomers: facts.NewCustomers,
            PurchaseFrequency: Fraction(facts.IdentifiedSaleOrders, facts.ActiveCustomers),
            RepeatPurchaseRate: Fraction(facts.RepeatCustomers, facts.ActiveCustomers),
            RetentionRate: retention,
            ChurnRate: 1 - retention,
            LapsedCustomers: facts.LapsedCustomers);
    }

    private static double? Fraction(long numerator, long denominator) =>
        denominator == 0 ? null : (double)numerator / denominator;

    private static void Validate(SalesFacts f)
    {
        Require(f.SaleOrders >= 0 && f.IdentifiedSaleOrders >= 0 && f.ActiveCustomers >= 0 && f.NewCustomers >= 0
            && f.RepeatCustomers >= 0 && f.RetainedCustomers >= 0 && f.PreviousActiveCustomers >= 0 && f.LapsedCustomers >= 0,
            "counts are never negative");
        Require(f.GrossSalesMilli >= 0, "gross sales are never negative");
        Require(f.ReturnsMilli <= 0, "returns are never positive");
        Require(f.IdentifiedSaleOrders <= f.SaleOrders, "identified sale orders are some of the sale orders");
        Require(f.ActiveCustomers <= f.IdentifiedSaleOrders, "every active customer has at least one sale order");
        Require(f.NewCustomers <= f.ActiveCustomers && f.RepeatCustomers <= f.ActiveCustomers, "new and repeat customers are active customers");
        Require(f.RetainedCustomers <= f.ActiveCustomers && f.RetainedCustomers <= f.PreviousActiveCustomers,
            "retained customers are active in both periods");
    }

    private static void Require(bool condition, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"Inconsistent sales facts: {rule}.");
        }
    }
}

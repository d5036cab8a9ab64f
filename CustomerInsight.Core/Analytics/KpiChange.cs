namespace CustomerInsight.Core.Analytics;

/// <summary>Every KPI a card can show.</summary>
public enum Kpi
{
    Orders,
    GrossSales,
    Returns,
    NetRevenue,
    AverageBasket,
    ActiveCustomers,
    NewCustomers,
    PurchaseFrequency,
    RepeatPurchaseRate,
    RetentionRate,
    ChurnRate,
    LapsedCustomers,
    Nps,
    Csat,
    MeanSatisfaction,
}

/// <summary>How a KPI's change is expressed.</summary>
public enum KpiChangeKind
{
    /// <summary>Amounts and counts: (current − previous) / |previous|, as a fraction (0.1 = +10 %).</summary>
    Relative,
    /// <summary>Rates stored as fractions 0–1: (current − previous) × 100, in points.</summary>
    Points,
    /// <summary>Figures already in points or on a score scale (NPS, mean satisfaction): current − previous.</summary>
    Difference,
}

public enum KpiTrend
{
    Flat,
    Up,
    Down,
}

/// <summary>
/// The change of a KPI against the previous period. <see cref="Value"/> is null when it is
/// undefined: a figure missing on either side, or a relative change from 0.
/// </summary>
public sealed record KpiChange(Kpi Kpi, KpiChangeKind Kind, double? Value, KpiTrend? Trend, bool? IsGood)
{
    /// <summary>Whether a rising value is good news for this KPI (churn, lapsed customers: no).</summary>
    public static bool IsUpGood(Kpi kpi) => kpi switch
    {
        Kpi.ChurnRate or Kpi.LapsedCustomers => false,
        // Returns are negative amounts: a rise is fewer returns.
        _ => true,
    };

    public static KpiChangeKind KindOf(Kpi kpi) => kpi switch
    {
        Kpi.RepeatPurchaseRate or Kpi.RetentionRate or Kpi.ChurnRate or Kpi.Csat => KpiChangeKind.Points,
        Kpi.Nps or Kpi.MeanSatisfaction => KpiChangeKind.Difference,
        // Purchase frequency is orders per customer: a ratio compared like an amount.
        _ => KpiChangeKind.Relative,
    };

    public static KpiChange Of(Kpi kpi, decimal? current, decimal? previous) =>
        Of(kpi, (double?)current, (double?)previous);

    public static KpiChange Of(Kpi kpi, double? current, double? previous)
    {
        var kind = KindOf(kpi);
        double? value = null;
        KpiTrend? trend = null;
        if (current is { } c && previous is { } p)
        {
            trend = c > p ? KpiTrend.Up : c < p ? KpiTrend.Down : KpiTrend.Flat;
            value = kind switch
            {
                KpiChangeKind.Relative => p == 0 ? null : (c - p) / Math.Abs(p),
                KpiChangeKind.Points => (c - p) * 100.0,
                _ => c - p,
            };
        }
        bool? good = trend switch
        {
            null or KpiTrend.Flat => null,
            KpiTrend.Up => IsUpGood(kpi),
            _ => !IsUpGood(kpi),
        };
        return new KpiChange(kpi, kind, value, trend, good);
    }
}

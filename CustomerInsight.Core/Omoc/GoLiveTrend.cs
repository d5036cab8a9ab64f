using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Sales;

namespace CustomerInsight.Core.Omoc;

/// <summary>
/// One month of the KPI trend around a go-live: net revenue, orders, NPS and CSAT, the coverage of the month
/// (metrics.md: share of its days between the first and last day with data) and of its side of the comparison.
/// </summary>
/// <param name="AfterGoLive">The go-live's month and the five after it; false for the six months before.</param>
public sealed record GoLiveTrendMonth(DateOnly Month, bool AfterGoLive, long Orders, decimal NetRevenue, double? Nps, double? Csat,
    double Coverage, double SideCoverage);

/// <summary>The six whole months before a go-live's month and the six from it (product.md page 14), as pure computations.</summary>
public static class GoLiveTrend
{
    public const int MonthsEachSide = 6;

    /// <summary>The six whole months before the go-live's month.</summary>
    public static Period Before(DateOnly goLive)
    {
        var month = new DateOnly(goLive.Year, goLive.Month, 1);
        return Period.Range(month.AddMonths(-MonthsEachSide), month);
    }

    /// <summary>The go-live's month and the five after it.</summary>
    public static Period After(DateOnly goLive)
    {
        var month = new DateOnly(goLive.Year, goLive.Month, 1);
        return Period.Range(month, month.AddMonths(MonthsEachSide));
    }

    /// <summary>The twelve months, in order; a month without orders or answers has 0 orders, 0 revenue and no NPS/CSAT.</summary>
    public static IReadOnlyList<GoLiveTrendMonth> Build(DateOnly goLive, IReadOnlyList<MonthlySales> sales,
        IReadOnlyList<(int Month, SatisfactionKpis Kpis)> satisfaction,
        DateOnly? firstDayWithData, DateOnly? lastDayWithData)
    {
        ArgumentNullException.ThrowIfNull(sales);
        ArgumentNullException.ThrowIfNull(satisfaction);
        var before = Before(goLive);
        var after = After(goLive);
        var beforeCoverage = PeriodCoverage.Of(before, firstDayWithData, lastDayWithData);
        var afterCoverage = PeriodCoverage.Of(after, firstDayWithData, lastDayWithData);
        var salesByMonth = sales.ToDictionary(m => m.Month, m => m.Totals);
        var satisfactionByMonth = satisfaction.ToDictionary(m => m.Month, m => m.Kpis);
        return Enumerable.Range(0, 2 * MonthsEachSide)
            .Select(i =>
            {
                var start = before.Start.AddMonths(i);
                var key = BusinessCalendar.MonthKey(start);
                var totals = salesByMonth.GetValueOrDefault(key);
                var kpis = satisfactionByMonth.GetValueOrDefault(key);
                var isAfter = start >= after.Start;
                return new GoLiveTrendMonth(start, isAfter, totals?.Orders ?? 0, totals?.NetRevenue ?? 0, kpis?.Nps, kpis?.Csat,
                    PeriodCoverage.Of(Period.Range(start, start.AddMonths(1)), firstDayWithData, lastDayWithData),
                    isAfter ? afterCoverage : beforeCoverage);
            })
            .ToList();
    }
}

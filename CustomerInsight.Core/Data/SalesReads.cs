using CustomerInsight.Core.Sales;

namespace CustomerInsight.Core.Data;

/// <summary>
/// Reads of the day summary (<c>SalesDays</c>) in plain SQL (<see cref="SqlReads"/>): standard SQL that both engines run alike,
/// the one version serves both providers.
/// </summary>
internal static class SalesReads
{
    /// <summary>The day summary's totals over <c>[start, end)</c>, of <paramref name="channel"/> if any (at most 366 × 5 rows a year).</summary>
    public static async Task<(long SaleOrders, long GrossMilli, long ReturnsMilli, long IdentifiedSaleOrders)> DayTotalsAsync(
        InsightDbContext db, DateOnly start, DateOnly end, Channel? channel, CancellationToken cancellationToken)
    {
        (long, long, long, long) totals = default;
        List<(string, object?)> parameters = [("@start", start), ("@end", end)];
        if (channel is { } c)
        {
            parameters.Add(("@channel", (int)c));
        }
        await SqlReads.ForEachAsync(db, $"""
            SELECT CAST(COALESCE(SUM("SaleOrders"), 0) AS BIGINT), CAST(COALESCE(SUM("GrossMilli"), 0) AS BIGINT),
                CAST(COALESCE(SUM("ReturnsMilli"), 0) AS BIGINT), CAST(COALESCE(SUM("IdentifiedSaleOrders"), 0) AS BIGINT)
            FROM "SalesDays" WHERE "BusinessDate" >= @start AND "BusinessDate" < @end{(channel is null ? "" : " AND \"Channel\" = @channel")}
            """, parameters, r => totals = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)), cancellationToken);
        return totals;
    }

    /// <summary>The first and last days with an order: the ends of the day summary's key (a day row exists for every day with orders).</summary>
    public static async Task<(DateOnly? First, DateOnly? Last)> DataSpanAsync(InsightDbContext db, CancellationToken cancellationToken)
    {
        (DateOnly? First, DateOnly? Last) span = (null, null);
        await SqlReads.ForEachAsync(db, """SELECT MIN("BusinessDate"), MAX("BusinessDate") FROM "SalesDays" """, [],
            r => span = (r.Nullable<DateOnly>(0), r.Nullable<DateOnly>(1)), cancellationToken);
        return span;
    }

    /// <summary>The business date of the latest sale order (null without one): ORDER BY … LIMIT 1 walks the day summary's key backwards
    /// and stops at the first day with a sale.</summary>
    public static async Task<DateOnly?> LatestSaleDateAsync(InsightDbContext db, CancellationToken cancellationToken)
    {
        DateOnly? latest = null;
        await SqlReads.ForEachAsync(db, """
            SELECT "BusinessDate" FROM "SalesDays" WHERE "SaleOrders" > 0 ORDER BY "BusinessDate" DESC LIMIT 1
            """, [], r => latest = r.GetFieldValue<DateOnly>(0), cancellationToken);
        return latest;
    }

    /// <summary>The orders (sales and cancellations) before <paramref name="date"/> and on or after it, from the day summary.</summary>
    public static async Task<(long Before, long After)> OrdersAroundAsync(InsightDbContext db, DateOnly date, CancellationToken cancellationToken)
    {
        (long, long) counts = default;
        await SqlReads.ForEachAsync(db, """
            SELECT CAST(COALESCE(SUM(CASE WHEN "BusinessDate" < @date THEN "SaleOrders" + "CancellationOrders" ELSE 0 END), 0) AS BIGINT),
                CAST(COALESCE(SUM(CASE WHEN "BusinessDate" >= @date THEN "SaleOrders" + "CancellationOrders" ELSE 0 END), 0) AS BIGINT)
            FROM "SalesDays"
            """, [("@date", date)], r => counts = (r.GetInt64(0), r.GetInt64(1)), cancellationToken);
        return counts;
    }
}

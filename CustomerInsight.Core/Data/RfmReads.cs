using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Sales;

namespace CustomerInsight.Core.Data;

/// <summary>
/// What RFM reads, in plain SQL (<see cref="SqlReads"/>): the version of the grid in use and each customer's figures before an
/// analysis date, from the customer summary (<c>CustomerSales</c>) and, for the customers with orders on both sides of the date,
/// index seeks into their orders. Standard SQL that both engines run alike: the one version serves both providers.
/// </summary>
internal static class RfmReads
{
    /// <summary>The saved version with the highest number; null while none is saved.</summary>
    public static async Task<RfmGridVersion?> LatestGridVersionAsync(InsightDbContext db, CancellationToken cancellationToken)
    {
        RfmGridVersion? row = null;
        await SqlReads.ForEachAsync(db, """
            SELECT "Number", "FrequencyScoring", "FrequencyThresholds", "Grid", "FromConfiguration", "SavedAtUtc", "SavedBy", "Reason"
            FROM "RfmGridVersions" ORDER BY "Number" DESC LIMIT 1
            """, [],
            r => row = new RfmGridVersion
            {
                Number = r.GetInt32(0),
                FrequencyScoring = Enum.Parse<RfmFrequencyScoring>(r.GetString(1)),
                FrequencyThresholds = r.GetString(2),
                Grid = r.GetString(3),
                FromConfiguration = r.GetBoolean(4),
                SavedAtUtc = r.GetDateTime(5),
                SavedBy = r.GetString(6),
                Reason = r.GetString(7),
            },
            cancellationToken);
        return row;
    }

    /// <summary>
    /// The customers whose last order is before <paramref name="date"/> and who have a sale order, in id order, as the customer
    /// summary has them (one row each, no aggregate).
    /// </summary>
    public static async Task<List<CustomerActivity>> CustomersBeforeAsync(InsightDbContext db, DateOnly date, CancellationToken cancellationToken)
    {
        var activities = new List<CustomerActivity>();
        // Many rows (819,297 customers at 10 M order lines): integers only (the date as its day number), read natively on SQLite.
        await SqlReads.ForEachIntegerRowAsync(db, $"""
            SELECT "CustomerId", {DatabaseProvider.Of(db.Database).DayNumber("\"LastSaleDate\"")}, "SaleOrders", "NetMilli" FROM "CustomerSales"
            WHERE "LastOrderDate" < @date AND "SaleOrders" > 0 ORDER BY "CustomerId"
            """, [("@date", date)], r => activities.Add(Activity(r)), cancellationToken);
        return activities;
    }

    /// <summary>
    /// The figures before <paramref name="date"/> of the customers with a sale before it and an order on or after it, in id order,
    /// those with a sale order before it only: correlated subqueries, each one seek into the customer's orders by (customer, kind,
    /// date) (IX_Orders_Customer), summing the orders before the date (<paramref name="fromBefore"/>) or subtracting those on and
    /// after it from the summary's totals.
    /// </summary>
    public static async Task<List<CustomerActivity>> StraddlingCustomersAsync(InsightDbContext db, DateOnly date, bool fromBefore,
        CancellationToken cancellationToken)
    {
        const int sale = (int)OrderKind.Sale;
        var (counted, saleOrders, netMilli) = fromBefore ? ("<", "", "") : (">=", "c.\"SaleOrders\" - ", "c.\"NetMilli\" - ");
        var lastSale = DatabaseProvider.Of(db.Database).DayNumber($"""
            (SELECT MAX(o."BusinessDate") FROM "Orders" AS o WHERE o."CustomerId" = c."CustomerId" AND o."Kind" = {sale} AND o."BusinessDate" < @date)
            """);
        var activities = new List<CustomerActivity>();
        await SqlReads.ForEachIntegerRowAsync(db, $"""
            SELECT c."CustomerId", {lastSale},
                {saleOrders}(SELECT COUNT(*) FROM "Orders" AS o
                    WHERE o."CustomerId" = c."CustomerId" AND o."Kind" = {sale} AND o."BusinessDate" {counted} @date),
                {netMilli}(SELECT CAST(COALESCE(SUM(o."AmountMilli"), 0) AS BIGINT) FROM "Orders" AS o
                    WHERE o."CustomerId" = c."CustomerId" AND o."BusinessDate" {counted} @date)
            FROM "CustomerSales" AS c
            WHERE c."LastOrderDate" >= @date AND c."FirstSaleDate" < @date
            ORDER BY c."CustomerId"
            """, [("@date", date)],
            r =>
            {
                if (r[2] > 0)
                {
                    activities.Add(Activity(r));
                }
            },
            cancellationToken);
        return activities;
    }

    /// <summary>A row <c>customer id, last sale date's day number, sale orders, net amount in thousandths</c>.</summary>
    private static CustomerActivity Activity(ReadOnlySpan<long> r) =>
        new((int)r[0], DateOnly.FromDayNumber((int)r[1]), (int)r[2], Money.FromMilli(r[3]));
}

using CustomerInsight.Core.Sales;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Data;

/// <summary>
/// Keeps the sales summary tables (<see cref="SalesDay"/>, <see cref="CustomerSales"/>, <see cref="CustomerMonth"/>) equal to
/// the orders they are built from, in the caller's transaction: a writer that adds, removes or moves orders stages the
/// customers and business days it touched (before a delete: while the orders are still there), then refreshes them. The
/// rows of a staged customer or day are deleted and computed again from the orders with set-based SQL, so an import, an
/// undo and a merge leave the summaries exactly as a rebuild would, and a rollback leaves them as they were.
/// </summary>
/// <remarks>
/// Standard SQL only (quoted identifiers, INSERT … SELECT, CASE): the same statements run on every provider. The staged keys
/// live in two temporary tables of the connection, emptied by each refresh.
/// </remarks>
public static class SalesSummaries
{
    private const string Customers = "\"SummaryCustomers\"";
    private const string Days = "\"SummaryDays\"";

    /// <summary>Stages the customers and days of the orders that <paramref name="ordersWhere"/> selects (a condition on "Orders", parameters @p0…).</summary>
    public static async Task StageOrdersAsync(InsightDbContext db, string ordersWhere, object?[] parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await CreateStageAsync(db, cancellationToken);
        await ExecuteAsync(db, $"INSERT INTO {Customers} (\"Id\") SELECT DISTINCT \"CustomerId\" FROM \"Orders\" WHERE \"CustomerId\" IS NOT NULL AND ({ordersWhere})", parameters, cancellationToken);
        await ExecuteAsync(db, $"INSERT INTO {Days} (\"Day\") SELECT DISTINCT \"BusinessDate\" FROM \"Orders\" WHERE {ordersWhere}", parameters, cancellationToken);
    }

    /// <summary>Stages customers and days given by value (a few: a merge, the orders of one SaveChanges).</summary>
    public static async Task StageAsync(InsightDbContext db, IEnumerable<int> customerIds, IEnumerable<DateOnly> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(days);
        await CreateStageAsync(db, cancellationToken);
        foreach (var id in customerIds.Distinct())
        {
            await ExecuteAsync(db, $"INSERT INTO {Customers} (\"Id\") VALUES (@p0)", [id], cancellationToken);
        }
        foreach (var day in days.Distinct())
        {
            await ExecuteAsync(db, $"INSERT INTO {Days} (\"Day\") VALUES (@p0)", [day], cancellationToken);
        }
    }

    /// <summary>Computes the staged customers' and days' rows again from the orders, then empties the stage.</summary>
    public static async Task RefreshStagedAsync(InsightDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await CreateStageAsync(db, cancellationToken);
        var customers = $"(SELECT \"Id\" FROM {Customers})";
        var days = $"(SELECT \"Day\" FROM {Days})";
        await ExecuteAsync(db, $"DELETE FROM \"CustomerMonths\" WHERE \"CustomerId\" IN {customers}", [], cancellationToken);
        await ExecuteAsync(db, $"DELETE FROM \"CustomerYears\" WHERE \"CustomerId\" IN {customers}", [], cancellationToken);
        await ExecuteAsync(db, $"DELETE FROM \"CustomerSales\" WHERE \"CustomerId\" IN {customers}", [], cancellationToken);
        await ExecuteAsync(db, InsertCustomerSales($"\"CustomerId\" IN {customers}"), [], cancellationToken);
        await ExecuteAsync(db, InsertCustomerMonths($"o.\"CustomerId\" IN {customers}"), [], cancellationToken);
        await ExecuteAsync(db, InsertCustomerYears($"\"CustomerId\" IN {customers}"), [], cancellationToken);
        await ExecuteAsync(db, $"DELETE FROM \"SalesDays\" WHERE \"BusinessDate\" IN {days}", [], cancellationToken);
        await ExecuteAsync(db, InsertSalesDays($"\"BusinessDate\" IN {days}"), [], cancellationToken);
        await ExecuteAsync(db, $"DELETE FROM {Customers}", [], cancellationToken);
        await ExecuteAsync(db, $"DELETE FROM {Days}", [], cancellationToken);
    }

    /// <summary>Every summary row computed again from every order (a new database's migration, the demo seed, <c>summaries --rebuild</c>).</summary>
    public static async Task RebuildAsync(InsightDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var sql in RebuildStatements())
        {
            await ExecuteAsync(db, sql, [], cancellationToken);
        }
    }

    /// <summary>The statements of <see cref="RebuildAsync"/> (the SalesSummaries migration keeps a frozen copy of the day).</summary>
    private static IReadOnlyList<string> RebuildStatements() =>
    [
        "DELETE FROM \"CustomerMonths\"",
        "DELETE FROM \"CustomerYears\"",
        "DELETE FROM \"CustomerSales\"",
        "DELETE FROM \"SalesDays\"",
        InsertCustomerSales("\"CustomerId\" IS NOT NULL"),
        InsertCustomerMonths("o.\"CustomerId\" IS NOT NULL"),
        InsertCustomerYears("\"CustomerId\" IS NOT NULL"),
        InsertSalesDays("1 = 1"),
    ];

    private static string InsertCustomerSales(string where) => $"""
        INSERT INTO "CustomerSales" ("CustomerId", "FirstOrderDate", "LastOrderDate", "FirstSaleDate", "FirstSaleMonth", "LastSaleDate", "SaleOrders", "NetMilli")
        SELECT "CustomerId", MIN("BusinessDate"), MAX("BusinessDate"),
            MIN(CASE WHEN "Kind" = {Sale} THEN "BusinessDate" END), MIN(CASE WHEN "Kind" = {Sale} THEN "BusinessMonth" END),
            MAX(CASE WHEN "Kind" = {Sale} THEN "BusinessDate" END), SUM(CASE WHEN "Kind" = {Sale} THEN 1 ELSE 0 END), SUM("AmountMilli")
        FROM "Orders"
        WHERE {where}
        GROUP BY "CustomerId"
        """;

    private static string InsertCustomerMonths(string where) => $"""
        INSERT INTO "CustomerMonths" ("CustomerId", "BusinessMonth", "CohortMonth", "SaleOrders", "ChannelMask")
        SELECT o."CustomerId", o."BusinessMonth", MIN(s."FirstSaleMonth"), COUNT(*), {ChannelMask}
        FROM "Orders" o
        JOIN "CustomerSales" s ON s."CustomerId" = o."CustomerId"
        WHERE o."Kind" = {Sale} AND {where}
        GROUP BY o."CustomerId", o."BusinessMonth"
        """;

    /// <summary>
    /// The customer × year rows: per customer × month the sale orders in all and per channel, then per year the sum of the
    /// months' bits (a month is one row, so the sum is the OR); channel c's bits are the month's bit × 4096^c.
    /// </summary>
    private static string InsertCustomerYears(string where) => $"""
        INSERT INTO "CustomerYears" ("CustomerId", "Year", "Months", "RepeatMonths", "ChannelMonths", "ChannelRepeatMonths")
        SELECT "CustomerId", "BusinessMonth" / 100, SUM(mbit), SUM(CASE WHEN n >= 2 THEN mbit ELSE 0 END),
            SUM(({ChannelBits(1)}) * mbit), SUM(({ChannelBits(2)}) * mbit)
        FROM (
            SELECT "CustomerId", "BusinessMonth", (CAST(1 AS BIGINT) << ("BusinessMonth" % 100 - 1)) AS mbit, COUNT(*) AS n,
                {string.Join(", ", Enum.GetValues<Channel>().Select(c => $"SUM(CASE WHEN \"Channel\" = {(int)c} THEN 1 ELSE 0 END) AS n{(int)c}"))}
            FROM "Orders"
            WHERE "Kind" = {Sale} AND {where}
            GROUP BY "CustomerId", "BusinessMonth"
        ) AS m
        GROUP BY "CustomerId", "BusinessMonth" / 100
        """;

    // The sum over the channels of 4096^c where the month has at least `least` sale orders of channel c.
    private static string ChannelBits(int least) => string.Join(" + ", Enum.GetValues<Channel>().Select(c =>
        $"CASE WHEN n{(int)c} >= {least} THEN {1L << CustomerYear.ChannelShift(c)} ELSE 0 END"));

    private static string InsertSalesDays(string where) => $"""
        INSERT INTO "SalesDays" ("BusinessDate", "Channel", "BusinessMonth", "SaleOrders", "IdentifiedSaleOrders", "GrossMilli", "CancellationOrders", "ReturnsMilli")
        SELECT "BusinessDate", "Channel", MIN("BusinessMonth"),
            SUM(CASE WHEN "Kind" = {Sale} THEN 1 ELSE 0 END), SUM(CASE WHEN "Kind" = {Sale} AND "CustomerId" IS NOT NULL THEN 1 ELSE 0 END),
            SUM(CASE WHEN "Kind" = {Sale} THEN "AmountMilli" ELSE 0 END),
            SUM(CASE WHEN "Kind" = {Cancellation} THEN 1 ELSE 0 END), SUM(CASE WHEN "Kind" = {Cancellation} THEN "AmountMilli" ELSE 0 END)
        FROM "Orders"
        WHERE {where}
        GROUP BY "BusinessDate", "Channel"
        """;

    private const int Sale = (int)OrderKind.Sale;
    private const int Cancellation = (int)OrderKind.Cancellation;

    // The OR of the channels' bits, as a sum of one MAX per channel (bitwise aggregates differ between engines).
    private static string ChannelMask => string.Join(" + ", Enum.GetValues<Channel>().Select(c =>
        $"MAX(CASE WHEN o.\"Channel\" = {(int)c} THEN {c.Bit()} ELSE 0 END)"));

    private static async Task CreateStageAsync(InsightDbContext db, CancellationToken cancellationToken)
    {
        await ExecuteAsync(db, $"CREATE TEMP TABLE IF NOT EXISTS {Customers} (\"Id\" INTEGER NOT NULL)", [], cancellationToken);
        await ExecuteAsync(db, $"CREATE TEMP TABLE IF NOT EXISTS {Days} (\"Day\" DATE NOT NULL)", [], cancellationToken);
    }

    private static Task<int> ExecuteAsync(InsightDbContext db, string sql, object?[] parameters, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(sql, parameters.Select((p, i) => Parameter(db, i, p)), cancellationToken);

    private static object Parameter(InsightDbContext db, int index, object? value)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }
}

using CustomerInsight.Core.Sales;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Data;

/// <summary>
/// Keeps the sales summary tables (<see cref="SalesDay"/>, <see cref="CustomerSales"/>, <see cref="CustomerYear"/>) equal to
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

    /// <summary>Stages the customers and days of the orders that <paramref name="ordersWhere"/> selects (a condition on "Orders", parameters
    /// @p0…).</summary>
    public static async Task StageOrdersAsync(InsightDbContext db, string ordersWhere, object?[] parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await CreateStageAsync(db, cancellationToken);
        await ExecuteAsync(db,
            $"INSERT INTO {Customers} (\"Id\") SELECT DISTINCT \"CustomerId\" FROM \"Orders\" WHERE \"CustomerId\" IS NOT NULL AND ({ordersWhere})",
            parameters, cancellationToken);
        await ExecuteAsync(db, $"INSERT INTO {Days} (\"Day\") SELECT DISTINCT \"BusinessDate\" FROM \"Orders\" WHERE {ordersWhere}", parameters,
            cancellationToken);
    }

    /// <summary>Stages customers and days given by value (a few: a merge, the orders of one SaveChanges).</summary>
    public static async Task StageAsync(InsightDbContext db, IEnumerable<int> customerIds, IEnumerable<DateOnly> days,
        CancellationToken cancellationToken)
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
        await ExecuteAsync(db, $"DELETE FROM \"CustomerYears\" WHERE \"CustomerId\" IN {customers}", [], cancellationToken);
        await ExecuteAsync(db, $"DELETE FROM \"CustomerSales\" WHERE \"CustomerId\" IN {customers}", [], cancellationToken);
        await ExecuteAsync(db, InsertCustomerSales($"\"CustomerId\" IN {customers}"), [], cancellationToken);
        await ExecuteAsync(db, InsertCustomerYears($"\"CustomerId\" IN {customers}"), [], cancellationToken);
        await ExecuteAsync(db, $"DELETE FROM \"SalesDays\" WHERE \"BusinessDate\" IN {days}", [], cancellationToken);
        await ExecuteAsync(db, InsertSalesDays($"\"BusinessDate\" IN {days}"), [], cancellationToken);
        await ExecuteAsync(db, $"DELETE FROM {Customers}", [], cancellationToken);
        await ExecuteAsync(db, $"DELETE FROM {Days}", [], cancellationToken);
    }

    /// <summary>
    /// Brings the summaries up to date with the orders of <paramref name="batch"/>, new orders just written by
    /// <paramref name="writer"/> (an import only adds orders). Into empty summary tables (the first import of a database) its
    /// rows are inserted in key order; otherwise each is merged into the existing row by an upsert, the month bits by
    /// <see cref="SalesSummaryBatch"/>'s rules. Either way the rows equal a <see cref="RebuildAsync"/>, without reading the orders again.
    /// </summary>
    public static async Task AddBatchAsync(BulkWriter writer, SalesSummaryBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Orders == 0)
        {
            return;
        }
        await writer.FlushAsync(cancellationToken);
        var empty = writer.Prepare(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM \"SalesDays\") OR EXISTS (SELECT 1 FROM \"CustomerSales\") " +
            "OR EXISTS (SELECT 1 FROM \"CustomerYears\") THEN 0 ELSE 1 END", 0).Int64Scalar() == 1;
        if (empty)
        {
            InsertBatch(writer, batch);
        }
        else
        {
            MergeBatch(writer, batch);
        }
        await writer.FlushAsync(cancellationToken);
    }

    private static readonly string[] DayColumns =
        ["BusinessDate", "Channel", "BusinessMonth", "SaleOrders", "IdentifiedSaleOrders", "GrossMilli", "CancellationOrders", "ReturnsMilli"];

    private static readonly string[] CustomerColumns =
        ["CustomerId", "FirstOrderDate", "LastOrderDate", "FirstSaleDate", "FirstSaleMonth", "LastSaleDate", "SaleOrders", "NetMilli"];

    private static readonly string[] YearColumns = ["CustomerId", "Year", "Months", "RepeatMonths", "ChannelMonths", "ChannelRepeatMonths"];

    private static object?[] Values(SalesDay d) =>
        [d.BusinessDate, (int)d.Channel, d.BusinessMonth, d.SaleOrders, d.IdentifiedSaleOrders, d.GrossMilli, d.CancellationOrders, d.ReturnsMilli];

    private static object?[] Values(CustomerSales c) =>
        [c.CustomerId, c.FirstOrderDate, c.LastOrderDate, c.FirstSaleDate, c.FirstSaleMonth, c.LastSaleDate, c.SaleOrders, c.NetMilli];

    private static object?[] Values(CustomerYear y) => [y.CustomerId, y.Year, y.Months, y.RepeatMonths, y.ChannelMonths, y.ChannelRepeatMonths];

    /// <summary>
    /// Empty summaries: the batch's rows are the rows, inserted in key order (appends to each primary key), each value set
    /// by its type (millions of rows at 10 M order lines: no boxed values).
    /// </summary>
    private static void InsertBatch(BulkWriter writer, SalesSummaryBatch batch)
    {
        var days = writer.Rows("SalesDays", DayColumns);
        foreach (var d in batch.Days)
        {
            days.Set(0, d.BusinessDate);
            days.Set(1, (long)d.Channel);
            days.Set(2, d.BusinessMonth);
            days.Set(3, d.SaleOrders);
            days.Set(4, d.IdentifiedSaleOrders);
            days.Set(5, d.GrossMilli);
            days.Set(6, d.CancellationOrders);
            days.Set(7, d.ReturnsMilli);
            days.Run();
        }
        var customers = writer.Rows("CustomerSales", CustomerColumns);
        foreach (var c in batch.Customers)
        {
            customers.Set(0, c.CustomerId);
            customers.Set(1, c.FirstOrderDate);
            customers.Set(2, c.LastOrderDate);
            customers.Set(3, c.FirstSaleDate);
            customers.Set(4, c.FirstSaleMonth);
            customers.Set(5, c.LastSaleDate);
            customers.Set(6, c.SaleOrders);
            customers.Set(7, c.NetMilli);
            customers.Run();
        }
        var years = writer.Rows("CustomerYears", YearColumns);
        foreach (var y in batch.Years())
        {
            years.Set(0, y.CustomerId);
            years.Set(1, y.Year);
            years.Set(2, y.Months);
            years.Set(3, y.RepeatMonths);
            years.Set(4, y.ChannelMonths);
            years.Set(5, y.ChannelRepeatMonths);
            years.Run();
        }
    }

    /// <summary>Existing summaries: each row of the batch merged into its row (standard upserts, the same on every provider).</summary>
    private static void MergeBatch(BulkWriter writer, SalesSummaryBatch batch)
    {
        writer.GrowCacheForLiveIndexes();
        Merge(writer, "SalesDays", DayColumns, ["BusinessDate", "Channel"], batch.Days.Select(Values),
            Sum("SalesDays", "SaleOrders"), Sum("SalesDays", "IdentifiedSaleOrders"), Sum("SalesDays", "GrossMilli"),
            Sum("SalesDays", "CancellationOrders"), Sum("SalesDays", "ReturnsMilli"));
        Merge(writer, "CustomerSales", CustomerColumns, ["CustomerId"], batch.Customers.Select(Values),
            Earlier("FirstOrderDate"), Later("LastOrderDate"), Earlier("FirstSaleDate"), Earlier("FirstSaleMonth"), Later("LastSaleDate"),
            Sum("CustomerSales", "SaleOrders"), Sum("CustomerSales", "NetMilli"));
        Merge(writer, "CustomerYears", YearColumns, ["CustomerId", "Year"], batch.Years().Select(Values),
            Repeat("Months", "RepeatMonths"), Or("CustomerYears", "Months"),
            Repeat("ChannelMonths", "ChannelRepeatMonths"), Or("CustomerYears", "ChannelMonths"));
    }

    private static void Merge(BulkWriter writer, string table, string[] columns, string[] key, IEnumerable<object?[]> rows, params string[] updates)
    {
        var values = columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var upsert = writer.Prepare(
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", values)}) " +
            $"ON CONFLICT ({string.Join(", ", key.Select(c => $"\"{c}\""))}) DO UPDATE SET {string.Join(", ", updates)}", columns.Length);
        foreach (var row in rows)
        {
            upsert.Execute(row);
        }
    }

    private static string Sum(string table, string column) => $"\"{column}\" = \"{table}\".\"{column}\" + excluded.\"{column}\"";

    private static string Or(string table, string column) => $"\"{column}\" = \"{table}\".\"{column}\" | excluded.\"{column}\"";

    private static string Earlier(string column) =>
        $"\"{column}\" = CASE WHEN \"CustomerSales\".\"{column}\" IS NULL OR excluded.\"{column}\" < \"CustomerSales\".\"{column}\" " +
        $"THEN excluded.\"{column}\" ELSE \"CustomerSales\".\"{column}\" END";

    private static string Later(string column) =>
        $"\"{column}\" = CASE WHEN \"CustomerSales\".\"{column}\" IS NULL OR excluded.\"{column}\" > \"CustomerSales\".\"{column}\" " +
        $"THEN excluded.\"{column}\" ELSE \"CustomerSales\".\"{column}\" END";

    /// <summary>Months with two or more sales: on either side, or with one on each (<paramref name="once"/> set on both).</summary>
    private static string Repeat(string once, string twice) =>
        $"\"{twice}\" = \"CustomerYears\".\"{twice}\" | excluded.\"{twice}\" | (\"CustomerYears\".\"{once}\" & excluded.\"{once}\")";

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
        "DELETE FROM \"CustomerYears\"",
        "DELETE FROM \"CustomerSales\"",
        "DELETE FROM \"SalesDays\"",
        InsertCustomerSales("\"CustomerId\" IS NOT NULL"),
        InsertCustomerYears("\"CustomerId\" IS NOT NULL"),
        InsertSalesDays("1 = 1"),
    ];

    private static string InsertCustomerSales(string where) => $"""
        INSERT INTO "CustomerSales" ("CustomerId", "FirstOrderDate", "LastOrderDate", "FirstSaleDate", "FirstSaleMonth", "LastSaleDate",
            "SaleOrders", "NetMilli")
        SELECT "CustomerId", MIN("BusinessDate"), MAX("BusinessDate"),
            MIN(CASE WHEN "Kind" = {Sale} THEN "BusinessDate" END), MIN(CASE WHEN "Kind" = {Sale} THEN "BusinessMonth" END),
            MAX(CASE WHEN "Kind" = {Sale} THEN "BusinessDate" END), SUM(CASE WHEN "Kind" = {Sale} THEN 1 ELSE 0 END), SUM("AmountMilli")
        FROM "Orders"
        WHERE {where}
        GROUP BY "CustomerId"
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
        INSERT INTO "SalesDays" ("BusinessDate", "Channel", "BusinessMonth", "SaleOrders", "IdentifiedSaleOrders", "GrossMilli",
            "CancellationOrders", "ReturnsMilli")
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

using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Sales;

namespace CustomerInsight.Core.Data;

/// <summary>
/// Fills a <see cref="CustomerActivityTally"/>: the customer × year rows of its years, then the identified sale orders of its
/// edge days (two reads in key order), and marks from the customer summaries (standard SQL on both engines; a customer set as
/// one parameter, <see cref="DatabaseProvider.InIdSet"/>).
/// </summary>
internal static class CustomerActivityReader
{
    /// <summary>
    /// Marks <paramref name="mark"/> the customers whose first sale order ever (any channel) is in <c>[from, to)</c>: the customer
    /// summary's rows of those months (its first-sale-month index), not every earlier year of every customer.
    /// </summary>
    public static Task MarkFirstSalesAsync(InsightDbContext db, CustomerActivityTally tally, DateOnly from, DateOnly to, int mark,
        int[]? customerIds, CancellationToken cancellationToken) =>
        from >= to
            ? Task.CompletedTask
            : ReadIdsAsync(db, customerIds, """
                SELECT "CustomerId" FROM "CustomerSales" WHERE "FirstSaleMonth" >= @first AND "FirstSaleMonth" <= @last
                AND "FirstSaleDate" >= @from AND "FirstSaleDate" < @to
                """,
                [("@first", BusinessCalendar.MonthKey(from)), ("@last", BusinessCalendar.MonthKey(to.AddDays(-1))), ("@from", from), ("@to", to)],
                id => tally.Mark(id, mark), cancellationToken);

    /// <summary>
    /// Marks <paramref name="mark"/> the customers with a sale order of <paramref name="channel"/> (any channel when null) before
    /// 1 January of <paramref name="year"/>: with a channel the earlier customer × year rows with its bits (a customer may come
    /// once per year), without one the customer summary's first sale months (its index alone).
    /// </summary>
    public static Task MarkEarlierCustomersAsync(InsightDbContext db, CustomerActivityTally tally, int year, Channel? channel, int mark,
        int[]? customerIds, CancellationToken cancellationToken) =>
        channel is { } c
            ? ReadIdsAsync(db, customerIds, """
                SELECT "CustomerId" FROM "CustomerYears" WHERE "Year" < @year AND ("ChannelMonths" & @bits) <> 0
                """,
                [("@year", year), ("@bits", 0xFFFL << CustomerYear.ChannelShift(c))], id => tally.Mark(id, mark), cancellationToken)
            : ReadIdsAsync(db, customerIds, """
                SELECT "CustomerId" FROM "CustomerSales" WHERE "FirstSaleMonth" < @month
                """,
                [("@month", (year * 100) + 1)], id => tally.Mark(id, mark), cancellationToken);

    /// <summary>Calls <paramref name="add"/> with the first column of every row of <paramref name="select"/> (a WHERE at its end).</summary>
    private static Task ReadIdsAsync(InsightDbContext db, int[]? customerIds, string select, (string Name, object? Value)[] parameters,
        Action<int> add, CancellationToken cancellationToken)
    {
        var (inIds, ids) = IdSet(db, customerIds);
        return SqlReads.ForEachIntegerRowAsync(db, $"{select} {inIds}", [.. parameters, .. ids], r => add((int)r[0]), cancellationToken);
    }

    /// <summary>The condition that keeps the rows of <paramref name="customerIds"/> (<c>AND …</c>; none for everyone) and its parameter.</summary>
    private static (string Condition, (string Name, object? Value)[] Parameters) IdSet(InsightDbContext db, int[]? customerIds)
    {
        if (customerIds is null)
        {
            return ("", []);
        }
        var provider = DatabaseProvider.Of(db.Database);
        return ("AND " + provider.InIdSet("\"CustomerId\"", "@ids"), [("@ids", provider.IdSetValue(customerIds))]);
    }

    public static async Task ReadAsync(InsightDbContext db, CustomerActivityTally tally, int[]? customerIds, CancellationToken cancellationToken)
    {
        var (inIds, ids) = IdSet(db, customerIds);
        // Many rows (a million customer × year rows at 10 M order lines): integers only, read natively on SQLite.
        await SqlReads.ForEachIntegerRowAsync(db, $"""
            SELECT "CustomerId", "Year", "Months", "RepeatMonths", "ChannelMonths", "ChannelRepeatMonths"
            FROM "CustomerYears" WHERE "Year" <= @last AND "Year" >= @first {inIds}
            """,
            [("@last", tally.LastYear), ("@first", tally.FirstYear ?? int.MinValue), .. ids],
            r => tally.AddYear((int)r[0], (int)r[1], (int)r[2], (int)r[3], r[4], r[5]), cancellationToken);
        foreach (var (from, to) in tally.EdgeDays())
        {
            // The date as its day number: an integer like the other columns.
            await SqlReads.ForEachIntegerRowAsync(db, $"""
                SELECT "CustomerId", {DatabaseProvider.Of(db.Database).DayNumber("\"BusinessDate\"")}, "Channel" FROM "Orders"
                WHERE "BusinessDate" >= @from AND "BusinessDate" < @to AND "Kind" = @sale AND "CustomerId" IS NOT NULL {inIds}
                """,
                [("@from", from), ("@to", to), ("@sale", (int)OrderKind.Sale), .. ids],
                r => tally.AddOrder((int)r[0], DateOnly.FromDayNumber((int)r[1]), (Channel)r[2]), cancellationToken);
        }
    }
}

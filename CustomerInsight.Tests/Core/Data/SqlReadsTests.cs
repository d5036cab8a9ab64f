using System.Data.Common;

namespace CustomerInsight.Tests.Core.Data;

/// <summary>
/// <see cref="SqlReads.ForEachIntegerRowAsync"/> and <see cref="SqlReads.ForEachRowAsync"/>: on SQLite its own native statement (parameters bound by hand), on PostgreSQL
/// ADO.NET; the same rows from both.
/// </summary>
public class SqlReadsTests : DatabaseTestBase
{
    protected override async Task ArrangeAsync()
    {
        await using var db = Database.CreateContext();
        db.Customers.AddRange(new[] { 1, 2 }.Select(id => new Customer { Id = id, SourceId = "C" + id }));
        db.Customers.Add(new Customer { Id = 3, SourceId = "Cé-3 ✓ 😀", Email = "zoë@example.fr" });
        db.Orders.AddRange(
            TestOrders.Create("o1", 1, TestOrders.Day("2025-02-28"), 12.345m),
            TestOrders.Create("o2", 2, TestOrders.Day("2025-03-01"), 100m),
            TestOrders.Create("o3", null, TestOrders.Day("2025-03-02"), 7m),
            TestOrders.Create("o4", 1, TestOrders.Day("2025-03-03"), -5m, OrderKind.Cancellation),
            TestOrders.Create("o5", 2, TestOrders.Day("2025-04-01"), 1m));
        await db.SaveChangesAsync(Token);
    }

    [Fact]
    public async Task ForEachIntegerRowAsync_DateTextAndIntegerParameters_RowsInOrderWithDatesAsDayNumbersAndNullAsZero()
    {
        await using var db = Database.CreateContext();
        var rows = new List<long[]>();

        await SqlReads.ForEachIntegerRowAsync(db, $"""
            SELECT "CustomerId", {DatabaseProvider.Of(db.Database).DayNumber("\"BusinessDate\"")}, "AmountMilli" FROM "Orders"
            WHERE "BusinessDate" >= @from AND "BusinessDate" < @to AND "SourceOrderId" <> @skipped AND "Kind" = @kind
            ORDER BY "SourceOrderId"
            """,
            [("@from", TestOrders.Day("2025-02-28")), ("@to", TestOrders.Day("2025-04-01")), ("@skipped", "o2"), ("@kind", (int)OrderKind.Sale)],
            r => rows.Add(r.ToArray()), Token);

        // o2 skipped by the text, o4 by the kind, o5 by the date (the end is excluded); o3 has no customer: 0.
        Assert.Equal(
            [[1, TestOrders.Day("2025-02-28").DayNumber, 12_345], [0, TestOrders.Day("2025-03-02").DayNumber, 7_000]],
            rows);
    }

    [Fact]
    public async Task ForEachRowAsync_IntegersAndTexts_UnicodeKeptNullAsNull()
    {
        await using var db = Database.CreateContext();
        await db.Database.OpenConnectionAsync(Token);
        var rows = new List<(long Id, string? SourceId, string? Email)>();

        await SqlReads.ForEachRowAsync(db.Database.GetDbConnection(), null,
            """SELECT "Id", "SourceId", "Email" FROM "Customers" WHERE "Id" >= @from ORDER BY "Id" """, [("@from", 2)],
            r => rows.Add((r.Int64(0), r.Text(1), r.Text(2))), Token);

        Assert.Equal([(2, "C2", null), (3, "Cé-3 ✓ 😀", "zoë@example.fr")], rows);
    }

    [Fact]
    public async Task ForEachIntegerRowAsync_BadStatement_TheEnginesErrorAndNoRow()
    {
        await using var db = Database.CreateContext();
        var rows = 0;

        await Assert.ThrowsAnyAsync<DbException>(() =>
            SqlReads.ForEachIntegerRowAsync(db, """SELECT "NoSuchColumn" FROM "Orders" """, [], _ => rows++, Token));

        Assert.Equal(0, rows);
    }

    [Fact]
    public async Task ForEachIntegerRowAsync_Cancelled_StopsBeforeAnyRow()
    {
        await using var db = Database.CreateContext();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var rows = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            SqlReads.ForEachIntegerRowAsync(db, """SELECT "CustomerId" FROM "Orders" """, [], _ => rows++, cancelled.Token));

        Assert.Equal(0, rows);
    }
}

/// <summary>Every test of <see cref="SqlReadsTests"/> on PostgreSQL.</summary>
public sealed class SqlReadsOnPostgresTests : SqlReadsTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

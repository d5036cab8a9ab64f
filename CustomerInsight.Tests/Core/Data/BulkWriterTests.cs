using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Tests.Core.Data;

/// <summary>
/// The bulk writer's all-or-nothing on both engines. On PostgreSQL the rows go by binary COPY inside the writer's
/// transaction: rows already copied are rolled back with it, and a COPY refused by a constraint leaves nothing.
/// </summary>
public class BulkWriterTests
{
    /// <summary>The engine these tests run on; <see cref="BulkWriterOnPostgresTests"/> runs them all on PostgreSQL.</summary>
    protected virtual DatabaseEngine Engine => DatabaseEngine.Sqlite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Customer NewCustomer(int id, string sourceId) =>
        new() { Id = id, SourceId = sourceId, LastName = "Name" + id, Country = "France", CreatedAtUtc = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc) };

    [Fact]
    public async Task Commit_RowsWrittenWithTheirValues_NextGeneratedIdFollowsThem()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        await using (var db = database.CreateContext())
        await using (var writer = await BulkWriter.BeginAsync(db, Ct))
        {
            for (var id = 1; id <= 120; id++)
            {
                writer.Insert(NewCustomer(id, "BW-" + id));
            }
            await writer.CommitAsync(Ct);
        }

        await using var check = database.CreateContext();
        Assert.Equal(120, await check.Customers.CountAsync(Ct));
        var one = await check.Customers.SingleAsync(c => c.SourceId == "BW-77", Ct);
        Assert.Equal((77, "Name77", new DateTime(2024, 1, 2, 3, 4, 5)), (one.Id, one.LastName, one.CreatedAtUtc));
        // An id the database generates after the bulk load does not collide with the written ones.
        var next = new Customer { SourceId = "EF-1", Country = "France", CreatedAtUtc = DateTime.UtcNow };
        check.Customers.Add(next);
        await check.SaveChangesAsync(Ct);
        Assert.Equal(121, next.Id);
    }

    [Fact]
    public async Task DisposedWithoutCommit_RowsAlreadyVisibleInTheTransaction_LeaveNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        await using (var db = database.CreateContext())
        await using (var writer = await BulkWriter.BeginAsync(db, Ct))
        {
            for (var id = 1; id <= 50; id++)
            {
                writer.Insert(NewCustomer(id, "BW-" + id));
            }
            // A statement of the writer sees the rows (on PostgreSQL the COPY has run), then the import is abandoned.
            Assert.Equal(51L, await writer.NextIdAsync("Customers", Ct));
        }

        await using var check = database.CreateContext();
        Assert.Equal(0, await check.Customers.CountAsync(Ct));
    }

    [Fact]
    public async Task ConstraintViolatedMidway_WriteFails_NothingLeft()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        await using (var db = database.CreateContext())
        await using (var writer = await BulkWriter.BeginAsync(db, Ct))
        {
            for (var id = 1; id <= 30; id++)
            {
                writer.Insert(NewCustomer(id, "BW-" + id));
            }
            // The same source id twice: the unique index refuses the write (at once on SQLite, at the COPY on PostgreSQL).
            var failed = await Record.ExceptionAsync(async () =>
            {
                writer.Insert(NewCustomer(31, "BW-5"));
                await writer.CommitAsync(Ct);
            });
            Assert.IsAssignableFrom<System.Data.Common.DbException>(failed);
        }

        await using var check = database.CreateContext();
        Assert.Equal(0, await check.Customers.CountAsync(Ct));
    }
}

/// <summary>Every test of <see cref="BulkWriterTests"/> on PostgreSQL (binary COPY).</summary>
public sealed class BulkWriterOnPostgresTests : BulkWriterTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

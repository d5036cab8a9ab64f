namespace CustomerInsight.Tests.Core.Data;

/// <summary>
/// The bulk writer's all-or-nothing on both engines. On PostgreSQL the rows go by binary COPY inside the writer's
/// transaction: rows already copied are rolled back with it, and a COPY refused by a constraint leaves nothing.
/// </summary>
public class BulkWriterTests : EngineTestBase
{
    private static Customer NewCustomer(int id, string sourceId) =>
        new() { Id = id, SourceId = sourceId, LastName = "Name" + id, Country = "France",
            CreatedAtUtc = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc) };

    [Fact]
    public async Task Commit_RowsWrittenWithTheirValues_NextGeneratedIdFollowsThem()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        await using (var db = database.CreateContext())
        await using (var writer = await BulkWriter.BeginAsync(db, Token))
        {
            for (var id = 1; id <= 120; id++)
            {
                writer.Insert(NewCustomer(id, "BW-" + id));
            }
            await writer.CommitAsync(Token);
        }

        await using var check = database.CreateContext();
        Assert.Equal(120, await check.Customers.CountAsync(Token));
        var one = await check.Customers.SingleAsync(c => c.SourceId == "BW-77", Token);
        Assert.Equal((77, "Name77", new DateTime(2024, 1, 2, 3, 4, 5)), (one.Id, one.LastName, one.CreatedAtUtc));
        // An id the database generates after the bulk load does not collide with the written ones.
        var next = new Customer { SourceId = "EF-1", Country = "France", CreatedAtUtc = DateTime.UtcNow };
        check.Customers.Add(next);
        await check.SaveChangesAsync(Token);
        Assert.Equal(121, next.Id);
    }

    [Fact]
    public async Task DisposedWithoutCommit_RowsAlreadyVisibleInTheTransaction_LeaveNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        await using (var db = database.CreateContext())
        await using (var writer = await BulkWriter.BeginAsync(db, Token))
        {
            for (var id = 1; id <= 50; id++)
            {
                writer.Insert(NewCustomer(id, "BW-" + id));
            }
            // A statement of the writer sees the rows (on PostgreSQL the COPY has run), then the import is abandoned.
            Assert.Equal(51L, await writer.NextIdAsync("Customers", Token));
        }

        await using var check = database.CreateContext();
        Assert.Equal(0, await check.Customers.CountAsync(Token));
    }

    [Fact]
    public async Task ConstraintViolatedMidway_WriteFails_NothingLeft()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        await using (var db = database.CreateContext())
        await using (var writer = await BulkWriter.BeginAsync(db, Token))
        {
            for (var id = 1; id <= 30; id++)
            {
                writer.Insert(NewCustomer(id, "BW-" + id));
            }
            // The same source id twice: the unique index refuses the write (at once on SQLite, at the COPY on PostgreSQL).
            var failed = await Record.ExceptionAsync(async () =>
            {
                writer.Insert(NewCustomer(31, "BW-5"));
                await writer.CommitAsync(Token);
            });
            Assert.IsAssignableFrom<System.Data.Common.DbException>(failed);
        }

        await using var check = database.CreateContext();
        Assert.Equal(0, await check.Customers.CountAsync(Token));
    }
}

/// <summary>Every test of <see cref="BulkWriterTests"/> on PostgreSQL (binary COPY).</summary>
public sealed class BulkWriterOnPostgresTests : BulkWriterTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

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

    /// <summary>One order row of source "test", number "T{id}", a store sale (<see cref="EntityRows.OrderRows"/>' columns).</summary>
    private static void WriteOrder(RowInserter orders, int id, int? customerId, DateTime orderedAt, long amountMilli)
    {
        var date = DateOnly.FromDateTime(orderedAt);
        orders.Set(0, id);
        orders.Set(1, "test");
        orders.Set(2, "T" + id.ToString(CultureInfo.InvariantCulture));
        orders.Set(3, customerId);
        orders.Set(4, orderedAt);
        orders.Set(5, date);
        orders.Set(6, BusinessCalendar.MonthKey(date));
        orders.Set(7, (int)Channel.Store);
        orders.Set(8, (int)OrderKind.Sale);
        orders.Set(9, amountMilli);
        orders.SetNull(10);
        orders.Run();
    }

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

    // 486 characters (the column holds 500), up to 1,461 bytes in UTF-8: past the SQLite writer's first text buffer (1,024
    // bytes); an emoji is a surrogate pair in .NET, four bytes in UTF-8.
    private static readonly string LongDescription = "Crème brûlée 🍮 " + new string('é', 470);

    [Fact]
    public async Task Rows_ChildrenFillTheirBatchesFirst_ParentsAreWrittenBeforeThem_EveryRowWithItsValues()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        // To the microsecond (what PostgreSQL keeps).
        var orderedAt = new DateTime(2024, 5, 6, 7, 8, 9, 500, 123, DateTimeKind.Utc);
        await using (var db = database.CreateContext())
        await using (var writer = await BulkWriter.BeginAsync(db, Token))
        {
            writer.Insert(NewCustomer(1, "BW-1"));
            var products = writer.ProductRows();
            for (var product = 1; product <= 3; product++)
            {
                products.Set(0, product);
                // Empty texts stay empty (an empty UTF-8 span binds an empty text, not NULL); a long text of accents.
                products.SetUtf8(1, product == 3 ? [] : "P-é"u8.ToArray());
                products.Set(2, product switch { 1 => LongDescription, 2 => null, _ => string.Empty });
                products.Run();
            }
            var orders = writer.OrderRows();
            var lines = writer.OrderLineRows();
            // Three lines an order: the lines' batches fill three times as fast as the orders' (foreign key to them).
            for (var id = 1; id <= 150; id++)
            {
                WriteOrder(orders, id, id % 2 == 0 ? 1 : null, orderedAt.AddDays(id), 3_000);
                for (var line = 1; line <= 3; line++)
                {
                    lines.Set(0, id);
                    lines.Set(1, line);
                    lines.Set(2, 1);
                    lines.Set(3, 1_000);
                    lines.Set(4, 1_000);
                    lines.Run();
                }
            }
            await writer.CommitAsync(Token);
        }

        await using var check = database.CreateContext();
        Assert.Equal(150, await check.Orders.CountAsync(Token));
        Assert.Equal(450, await check.OrderLines.CountAsync(Token));
        var order = await check.Orders.Include(o => o.Lines).ThenInclude(l => l.Product).SingleAsync(o => o.SourceOrderId == "T77", Token);
        Assert.Equal((77L, (int?)null, orderedAt.AddDays(77), new DateOnly(2024, 7, 22), Channel.Store, 3_000L),
            (order.Id, order.CustomerId, DateTime.SpecifyKind(order.OrderedAtUtc, DateTimeKind.Utc), order.BusinessDate, order.Channel,
                order.AmountMilli));
        Assert.Equal([LongDescription, null, string.Empty], order.Lines.OrderBy(l => l.Id).Select(l => l.Product!.Description));
        Assert.Equal(["P-é", "P-é", string.Empty], order.Lines.OrderBy(l => l.Id).Select(l => l.Product!.Code));
        Assert.Equal(75, await check.Orders.CountAsync(o => o.CustomerId == 1, Token));
    }

    [Fact]
    public async Task DeferredIndexes_TheLinesIndexOnTheirOrder_StaysWhileTheyAreWrittenInThatOrder_TheOrdersIndexesWait()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        var ordersBefore = await IndexesAsync(database, "Orders");
        var linesBefore = await IndexesAsync(database, "OrderLines");
        Assert.Contains(linesBefore, i => i.StartsWith("IX_OrderLines_OrderId ", StringComparison.Ordinal));
        Assert.Contains(ordersBefore, i => i.StartsWith("IX_Orders_Customer ", StringComparison.Ordinal));
        var orderedAt = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        await using (var db = database.CreateContext())
        await using (var writer = await BulkWriter.BeginAsync(db, Token))
        {
            writer.DeferIndexesOfEmptyTables();
            writer.Insert(NewCustomer(1, "BW-1"));
            writer.Insert(new Product { Id = 1, Code = "P1" });
            writer.Insert(new Product { Id = 2, Code = "P2" });
            var orders = writer.OrderRows();
            var lines = writer.OrderLineRows();
            for (var id = 1; id <= 100; id++)
            {
                WriteOrder(orders, id, 1, orderedAt.AddDays(id), 2_000);
                for (var line = 1; line <= 2; line++)
                {
                    lines.Set(0, id);
                    lines.Set(1, line);
                    lines.Set(2, 1);
                    lines.Set(3, 1_000);
                    lines.Set(4, 1_000);
                    lines.Run();
                }
            }
            var ordersDuring = await IndexesAsync(writer.Connection, writer.Transaction, "Orders");
            var linesDuring = await IndexesAsync(writer.Connection, writer.Transaction, "OrderLines");
            // SQLite: the orders' indexes are built at the commit; the lines' index on their order grows as they come, in
            // that order. PostgreSQL: the rows still wait in the COPY buffer (PostgresCopy defers there).
            Assert.Equal(Engine == DatabaseEngine.Postgres ? ordersBefore : [.. ordersBefore.Where(i => i.EndsWith(' '))], ordersDuring);
            Assert.Equal(linesBefore, linesDuring);
            await writer.CommitAsync(Token);
        }
        Assert.Equal(ordersBefore, await IndexesAsync(database, "Orders"));
        Assert.Equal(linesBefore, await IndexesAsync(database, "OrderLines"));
        await using var check = database.CreateContext();
        Assert.Equal(2, await check.OrderLines.CountAsync(l => l.OrderId == 50, Token));
        Assert.Equal(100, await check.Orders.CountAsync(o => o.CustomerId == 1, Token));
        if (Engine == DatabaseEngine.Sqlite)
        {
            await check.Database.OpenConnectionAsync(Token);
            await using var command = check.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", await command.ExecuteScalarAsync(Token));
        }
    }

    /// <summary>The indexes of a table as the engine's schema states them (name and statement).</summary>
    private async Task<List<string>> IndexesAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction,
        string table = "Customers")
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Engine == DatabaseEngine.Postgres
            ? $"SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE tablename = '{table}' ORDER BY indexname"
            : $"SELECT name || ' ' || COALESCE(sql, '') FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' ORDER BY name";
        var indexes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            indexes.Add(reader.GetString(0));
        }
        return indexes;
    }

    private async Task<List<string>> IndexesAsync(TestDatabase database, string table = "Customers")
    {
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync(Token);
        return await IndexesAsync(db.Database.GetDbConnection(), null, table);
    }

    [Fact]
    public async Task DeferredIndexes_AnEmptyTableWritesWithoutItsSecondaryIndexes_TheCommitOrARollbackLeavesThemAsTheyWere()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        var before = await IndexesAsync(database);
        Assert.Contains(before, i => i.StartsWith("IX_Customers_SourceId ", StringComparison.Ordinal));

        // Abandoned, then refused at the commit by the unique index built again there (the same source id twice).
        foreach (var last in new[] { "BW-51", "BW-5" })
        {
            await using (var db = database.CreateContext())
            await using (var writer = await BulkWriter.BeginAsync(db, Token))
            {
                writer.DeferIndexesOfEmptyTables();
                for (var id = 1; id <= 50; id++)
                {
                    writer.Insert(NewCustomer(id, "BW-" + id));
                }
                writer.Insert(NewCustomer(51, last));
                var during = await IndexesAsync(writer.Connection, writer.Transaction);
                // SQLite builds them at the commit; on PostgreSQL the rows still wait in the COPY buffer (PostgresCopy defers there).
                Assert.Equal(Engine == DatabaseEngine.Postgres ? before : [.. before.Where(i => i.EndsWith(' '))], during);
                if (last == "BW-5")
                {
                    Assert.IsAssignableFrom<System.Data.Common.DbException>(await Record.ExceptionAsync(() => writer.CommitAsync(Token)));
                }
            }
            Assert.Equal(before, await IndexesAsync(database));
            await using var check = database.CreateContext();
            Assert.Equal(0, await check.Customers.CountAsync(Token));
        }

        await using (var db = database.CreateContext())
        await using (var writer = await BulkWriter.BeginAsync(db, Token))
        {
            writer.DeferIndexesOfEmptyTables();
            for (var id = 1; id <= 60; id++)
            {
                writer.Insert(NewCustomer(id, "BW-" + id));
            }
            await writer.CommitAsync(Token);
        }
        Assert.Equal(before, await IndexesAsync(database));
        await using (var check = database.CreateContext())
        {
            Assert.Equal(60, await check.Customers.CountAsync(c => c.SourceId.StartsWith("BW-"), Token));
        }
    }
}

/// <summary>Every test of <see cref="BulkWriterTests"/> on PostgreSQL (binary COPY).</summary>
public sealed class BulkWriterOnPostgresTests : BulkWriterTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

/// <summary>
/// SQLite: a writer whose references hold by construction (an import) runs without the connection's foreign-key look-ups,
/// and gives them back to the (pooled) connection when it ends. PostgreSQL keeps its checks (nothing to test there).
/// </summary>
public sealed class BulkWriterReferencesOnSqliteTests : EngineTestBase
{
    private static Order OrderOf(int id, int customerId) => new()
    {
        Id = id, Source = "test", SourceOrderId = "O" + id, CustomerId = customerId,
        OrderedAtUtc = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc), BusinessDate = new DateOnly(2024, 5, 6), BusinessMonth = 202405,
        Channel = Channel.Web, Kind = OrderKind.Sale, AmountMilli = 1_000,
    };

    private static async Task<long> ForeignKeysAsync(InsightDbContext db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA foreign_keys";
        return Convert.ToInt64(await command.ExecuteScalarAsync(Token), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task ReferencesByConstruction_NoParentLookUpWhileItWrites_TheConnectionChecksAgainAfter()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        await using var db = database.CreateContext();
        // Opened here, the connection outlives the writers: what they leave on it can be read.
        await db.Database.OpenConnectionAsync(Token);
        Assert.Equal(1, await ForeignKeysAsync(db));

        // An order of a customer that does not exist: written by this writer (no look-up), then abandoned.
        await using (var writer = await BulkWriter.BeginAsync(db, null, readOnly: false, referencesByConstruction: true, Token))
        {
            writer.Insert(OrderOf(1, customerId: 999));
            await writer.FlushAsync(Token);
            Assert.Equal(2L, await writer.NextIdAsync("Orders", Token));
        }
        Assert.Equal(1, await ForeignKeysAsync(db));

        // The same row through an ordinary writer on the same connection: refused by the foreign key.
        await using (var writer = await BulkWriter.BeginAsync(db, null, readOnly: false, Token))
        {
            var refused = await Record.ExceptionAsync(async () =>
            {
                writer.Insert(OrderOf(1, customerId: 999));
                await writer.FlushAsync(Token);
            });
            Assert.IsAssignableFrom<System.Data.Common.DbException>(refused);
        }
        Assert.Equal(0, await db.Orders.CountAsync(Token));
    }

    private static async Task<long> CacheSizeAsync(InsightDbContext db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA cache_size";
        return Convert.ToInt64(await command.ExecuteScalarAsync(Token), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Customer CustomerOf(int id) =>
        new() { Id = id, SourceId = "C" + id, CreatedAtUtc = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc) };

    [Fact]
    public async Task WriteCache_GrowsOnlyForRowsGoingIntoATableThatHasRows_ThenIsPutBack()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        await using var db = database.CreateContext();
        // Opened here, the connection outlives the writers: what they leave on it can be read.
        await db.Database.OpenConnectionAsync(Token);
        var own = await CacheSizeAsync(db);
        Assert.NotEqual(-64 * 1024, own);

        // Into an empty table: its indexes wait for the commit, the cache stays the connection's.
        await using (var writer = await BulkWriter.BeginAsync(db, null, readOnly: false, referencesByConstruction: true, Token))
        {
            writer.DeferIndexesOfEmptyTables(liveIndexCacheMegabytes: 64);
            for (var id = 1; id <= 10; id++)
            {
                writer.Insert(CustomerOf(id));
            }
            await writer.FlushAsync(Token);
            Assert.Equal(own, await CacheSizeAsync(db));
            await writer.CommitAsync(Token);
        }

        // Into the same table, which has rows now: 64 MB (in KiB, negative) from the first row, the connection's own after.
        await using (var writer = await BulkWriter.BeginAsync(db, null, readOnly: false, referencesByConstruction: true, Token))
        {
            writer.DeferIndexesOfEmptyTables(liveIndexCacheMegabytes: 64);
            Assert.Equal(own, await CacheSizeAsync(db));
            writer.Insert(CustomerOf(11));
            await writer.FlushAsync(Token);
            Assert.Equal(-64 * 1024, await CacheSizeAsync(db));
            await writer.CommitAsync(Token);
        }
        Assert.Equal(own, await CacheSizeAsync(db));
        Assert.Equal(11, await db.Customers.CountAsync(Token));
    }
}

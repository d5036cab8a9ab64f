using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerInsight.Core.Data;

/// <summary>
/// Fast all-or-nothing writes: one transaction, one prepared and reused INSERT per table
/// (the provider's bulk-insert guidance). Used by the demo seeder and the import pipeline.
/// Plain ADO.NET and standard SQL, so it does not tie the app to SQLite.
/// </summary>
public sealed class BulkWriter : IAsyncDisposable
{
    private readonly InsightDbContext db;
    private readonly IDbContextTransaction transaction;
    private readonly Dictionary<string, TableInserter> inserters = [];
    private readonly Dictionary<string, PreparedStatement> statements = [];
    private readonly Dictionary<string, RowInserter> rowInserters = [];
    // SQLite: the row inserters that hold rows for a multi-row INSERT, in the order they were created (parents first).
    private readonly List<SqliteRowInserter> batched = [];
    private readonly HashSet<string> tablesWithIds = new(StringComparer.Ordinal);
    private readonly PostgresCopy? copy;
    private readonly HashSet<string> indexesChecked = new(StringComparer.Ordinal);
    private readonly List<string> deferredIndexes = [];
    // Per table, the column whose values the writer inserts in ascending order (see WritesInOrderOf).
    private readonly Dictionary<string, string> ascendingColumns = new(StringComparer.Ordinal);
    private bool deferIndexes;
    // SQLite: the connection's foreign-key checks, off for this writer, are put back when it ends (the connection is pooled).
    private bool foreignKeysToRestore;
    // SQLite: the page cache (MB) of GrowCacheForLiveIndexes, and the connection's own to put back once it was grown.
    private int liveIndexCacheMegabytes;
    private long? cacheSizeToRestore;
    private bool committed;
    private bool disposed;

    private BulkWriter(InsightDbContext db, IDbContextTransaction transaction)
    {
        this.db = db;
        this.transaction = transaction;
        // PostgreSQL: inserts go by binary COPY, in this transaction.
        copy = db.Database.GetDbConnection() is Npgsql.NpgsqlConnection npgsql ? new PostgresCopy(npgsql) : null;
    }

    /// <summary>
    /// Writes the rows still buffered: for a binary COPY (PostgreSQL) or a multi-row INSERT (<see cref="Rows"/> on SQLite).
    /// The writer's own statements do it first; call it before querying the connection otherwise.
    /// </summary>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        FlushRows();
        return copy?.FlushAsync(cancellationToken) ?? Task.CompletedTask;
    }

    /// <summary>Before any other statement of the writer: the rows of <see cref="Rows"/> still held (SQLite), then those buffered for COPY.</summary>
    private void FlushPending()
    {
        FlushRows();
        copy?.Flush();
    }

    private void FlushRows()
    {
        foreach (var inserter in batched)
        {
            inserter.Flush();
        }
    }

    /// <summary>Before a full batch of <paramref name="inserter"/> runs: the rows held by the inserters created before it (their parents).</summary>
    private void FlushRowsBefore(SqliteRowInserter inserter)
    {
        foreach (var other in batched)
        {
            if (ReferenceEquals(other, inserter))
            {
                return;
            }
            other.Flush();
        }
    }

    public static Task<BulkWriter> BeginAsync(InsightDbContext db, CancellationToken cancellationToken = default) =>
        BeginAsync(db, waiting: null, readOnly: false, cancellationToken);

    /// <summary>
    /// Begins the writer's transaction. SQLite takes its one write lock here (BEGIN IMMEDIATE): when another writer
    /// holds it, <paramref name="waiting"/> is called once and the writer waits for it (up to the connection's command
    /// timeout, <see cref="SqliteWriterWaits.MaxWait"/>). <paramref name="readOnly"/>: a transaction that only reads
    /// (a consistent view, no lock taken), for checks that will not write.
    /// </summary>
    public static Task<BulkWriter> BeginAsync(InsightDbContext db, Action? waiting, bool readOnly, CancellationToken cancellationToken) =>
        BeginAsync(db, waiting, readOnly, referencesByConstruction: false, cancellationToken);

    /// <summary>
    /// <see cref="BeginAsync(InsightDbContext, Action?, bool, CancellationToken)"/>, for a writer whose rows refer only to rows
    /// it wrote itself or read in its transaction (an import: its lines to its orders, its orders to customers it loaded or
    /// created), and which deletes no row that others refer to (an import deletes only sales summary rows, which nothing refers
    /// to): <paramref name="referencesByConstruction"/> lets SQLite skip the look-up of every
    /// new row's parents (<c>PRAGMA foreign_keys</c> off on this connection until the writer ends; a parent look-up per order
    /// in a table of a million customers was most of the time of writing millions of orders, bench/RESULTS.md). The writer
    /// holds the write lock from its first statement: no other writer can delete a parent meanwhile. PostgreSQL checks them as
    /// before (its COPY into an empty table adds the keys back after, checked in one pass).
    /// </summary>
    public static async Task<BulkWriter> BeginAsync(InsightDbContext db, Action? waiting, bool readOnly, bool referencesByConstruction,
        CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            // Outside a transaction only: SQLite ignores the setting inside one.
            var uncheckedReferences = referencesByConstruction && !readOnly;
            if (uncheckedReferences)
            {
                await SetForeignKeysAsync(sqlite, on: false, cancellationToken);
            }
            var begin = Task.Run(() => sqlite.BeginTransaction(deferred: readOnly), CancellationToken.None);
            if (!readOnly && waiting is not null && await Task.WhenAny(begin, Task.Delay(WaitingNoticeAfter, CancellationToken.None)) != begin)
            {
                waiting();
            }
            var sqliteTransaction = await begin;
            var used = await db.Database.UseTransactionAsync(sqliteTransaction, cancellationToken);
            return new BulkWriter(db, used!) { foreignKeysToRestore = uncheckedReferences };
        }
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        return new BulkWriter(db, transaction);
    }

    private static async Task SetForeignKeysAsync(DbConnection connection, bool on, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A BEGIN that has not returned by then is waiting for another writer.</summary>
    private static readonly TimeSpan WaitingNoticeAfter = TimeSpan.FromMilliseconds(300);

    public DbConnection Connection => db.Database.GetDbConnection();
    public DbTransaction Transaction => transaction.GetDbTransaction();

    /// <summary>
    /// SQLite: from now on, a table this writer starts inserting into while it is still empty loses its secondary indexes
    /// until <see cref="CommitAsync"/>, which creates them again (the same statements, read from the schema) from the rows
    /// in one sorted pass each, instead of growing them row by row in random key order. All in the writer's transaction:
    /// a rollback or a crash leaves the table and its indexes as they were. Only for writers that look the new rows up by
    /// primary key alone until the commit (an import). Nothing changes on other providers. <paramref name="liveIndexCacheMegabytes"/>:
    /// the page cache <see cref="GrowCacheForLiveIndexes"/> gives the connection (0: its own).
    /// </summary>
    public void DeferIndexesOfEmptyTables(int liveIndexCacheMegabytes = 0)
    {
        deferIndexes = copy is null && Connection is Microsoft.Data.Sqlite.SqliteConnection;
        this.liveIndexCacheMegabytes = liveIndexCacheMegabytes;
    }

    /// <summary>
    /// SQLite, after <see cref="DeferIndexesOfEmptyTables"/>: before rows go into (or change in) a table that already has rows,
    /// gives the connection a page cache of the megabytes given there, once. Those indexes take inserts at random places: with
    /// a small cache each insert reads and spills pages, which pile up in the WAL. A table written from empty needs no more than
    /// the default (its indexes are built at the commit, or grow at their right edge), and a large cache then only costs the
    /// first touch of its memory (a page fault per 4 KiB): with 256 MB rather than the default, the 10 M order lines' import
    /// peaked 240 MB higher and the surveys' order look-ups took 1.75 s instead of 1.09 s (bench/RESULTS.md). Put back when
    /// the writer ends (the connection is pooled).
    /// </summary>
    public void GrowCacheForLiveIndexes()
    {
        if (!deferIndexes || liveIndexCacheMegabytes <= 0 || cacheSizeToRestore is not null)
        {
            return;
        }
        using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = "PRAGMA cache_size";
        cacheSizeToRestore = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        // Negative: a size in KiB rather than in pages.
        command.CommandText = "PRAGMA cache_size = " + (-1024L * liveIndexCacheMegabytes).ToString(System.Globalization.CultureInfo.InvariantCulture);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Says that this writer inserts a table's rows in ascending order of <paramref name="column"/> (order lines: order by order,
    /// the orders' ids ascending). An index on that column alone then grows at its right edge, a few pages in the cache, which
    /// costs less than building it again at the commit (bench/RESULTS.md): <see cref="DeferIndexesOfEmptyTables"/> keeps it.
    /// Before the table's first row; a hint only (the index is right either way).
    /// </summary>
    public void WritesInOrderOf(string table, string column) => ascendingColumns[table] = column;

    private void DeferIndexesIfEmpty(string table)
    {
        if (!deferIndexes || !indexesChecked.Add(table))
        {
            return;
        }
        using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = $"SELECT EXISTS (SELECT 1 FROM \"{table}\")";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0)
        {
            GrowCacheForLiveIndexes();
            return;
        }
        // Indexes SQLite makes for a constraint (a composite primary key, UNIQUE) have no statement: they stay.
        // An index on the column the rows come in the order of (WritesInOrderOf) stays too.
        command.CommandText = """
            SELECT m.name, m.sql FROM sqlite_master m
            WHERE m.type = 'index' AND m.tbl_name = $table AND m.sql IS NOT NULL
              AND NOT ((SELECT count(*) FROM pragma_index_info(m.name)) = 1
                       AND (SELECT i.name FROM pragma_index_info(m.name) i) IS $ascending)
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$table";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        var ascending = command.CreateParameter();
        ascending.ParameterName = "$ascending";
        ascending.Value = ascendingColumns.TryGetValue(table, out var column) ? column : DBNull.Value;
        command.Parameters.Add(ascending);
        var indexes = new List<(string Name, string Sql)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        command.Parameters.Clear();
        foreach (var (name, sql) in indexes)
        {
            command.CommandText = $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            command.ExecuteNonQuery();
            deferredIndexes.Add(sql);
        }
    }

    /// <summary>The next free id of a table whose ids the writer assigns itself (so children can refer to parents).</summary>
    public async Task<long> NextIdAsync(string table, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken);
        await using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"{table}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A prepared INSERT for these columns of this table, created once and reused.</summary>
    public TableInserter Table(string table, params string[] columns)
    {
        var key = table + "|" + string.Join(',', columns);
        if (!inserters.TryGetValue(key, out var inserter))
        {
            DeferIndexesIfEmpty(table);
            inserter = copy is null
                ? new TableInserter(Connection, Transaction, table, columns, FlushRows)
                : new TableInserter(copy.Buffer(table, columns));
            inserters[key] = inserter;
            NoteIds(table, columns);
        }
        return inserter;
    }

    /// <summary>Runs a statement inside the writer's transaction (updates, deletes of a bulk operation).</summary>
    public async Task<int> ExecuteAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken);
        await using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameter.Value = DbValue.Of(parameters[i]);
            command.Parameters.Add(parameter);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// An INSERT of integer and text columns set one value at a time, for the largest tables of a bulk load
    /// (order lines). On SQLite the rows are held and written <see cref="SqliteRowInserter.BatchRows"/> at a time by one
    /// multi-row INSERT through the native statement (no boxing, no parameter look-up by name, one statement run per
    /// batch); the rows of the inserters created before it (parents first) are written before each batch, and all of them
    /// before any other statement of the writer. On PostgreSQL the values go unboxed into the table's binary COPY buffer
    /// (<see cref="CopyRowInserter"/>).
    /// </summary>
    public RowInserter Rows(string table, params string[] columns)
    {
        // A caller that inserts row by row passes the same column array each time: found without building the key.
        if (ReferenceEquals(columns, lastRows.Columns) && string.Equals(table, lastRows.Table, StringComparison.Ordinal))
        {
            return lastRows.Inserter!;
        }
        var key = table + "|" + string.Join(',', columns);
        if (!rowInserters.TryGetValue(key, out var inserter))
        {
            DeferIndexesIfEmpty(table);
            if (Connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
            {
                var rows = new SqliteRowInserter(sqlite, table, columns, FlushRowsBefore);
                batched.Add(rows);
                inserter = rows;
            }
            else
            {
                inserter = new CopyRowInserter(copy!.Buffer(table, columns));
            }
            rowInserters[key] = inserter;
            NoteIds(table, columns);
        }
        lastRows = (table, columns, inserter);
        return inserter;
    }

    private (string? Table, string[]? Columns, RowInserter? Inserter) lastRows;

    /// <summary>Any statement (an UPDATE, a SELECT of one value) prepared once and reused; parameters are <c>@p0…</c>.</summary>
    public PreparedStatement Prepare(string sql, int parameterCount)
    {
        var key = "sql|" + sql;
        if (!statements.TryGetValue(key, out var statement))
        {
            statement = new PreparedStatement(Connection, Transaction, sql, parameterCount, FlushPending);
            statements[key] = statement;
        }
        return statement;
    }

    /// <summary>
    /// A table the writer inserts ids into: its identity follows them at commit (<see cref="DatabaseProvider.SyncIdentitiesAsync"/>).
    /// </summary>
    private void NoteIds(string table, string[] columns)
    {
        if (columns.Contains("Id", StringComparer.Ordinal))
        {
            tablesWithIds.Add(table);
        }
    }

    /// <summary>
    /// SQLite: SQLite's sorter holds as many bytes as the page cache before it sorts a run, and one list of hundreds of MB
    /// sorts slowly (pointers all over memory); runs of <see cref="SortCacheKib"/> sort in the processor's caches, on up to
    /// two helper threads, then merge. The table scans gain nothing from a larger cache (each table is read once, in
    /// order). The writer's cache size (a connection setting, outside the transaction) and its threads are put back after.
    /// </summary>
    private async Task BuildDeferredIndexesAsync(CancellationToken cancellationToken)
    {
        await using var settings = Connection.CreateCommand();
        settings.Transaction = Transaction;
        settings.CommandText = "PRAGMA cache_size";
        var cacheSize = Convert.ToInt64(await settings.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        settings.CommandText = "PRAGMA threads";
        var threads = Convert.ToInt64(await settings.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        settings.CommandText = $"PRAGMA cache_size = -{SortCacheKib.ToString(System.Globalization.CultureInfo.InvariantCulture)}; PRAGMA threads = 2";
        await settings.ExecuteNonQueryAsync(cancellationToken);
        try
        {
            foreach (var sql in deferredIndexes)
            {
                await ExecuteAsync(sql, [], cancellationToken);
            }
            deferredIndexes.Clear();
        }
        finally
        {
            settings.CommandText = $"PRAGMA cache_size = {cacheSize.ToString(System.Globalization.CultureInfo.InvariantCulture)}; "
                + $"PRAGMA threads = {threads.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            await settings.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>The page cache (KiB) while the deferred indexes are built: the size of each sorted run (measured in bench/RESULTS.md).</summary>
    private const int SortCacheKib = 4 * 1024;

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken);
        if (deferredIndexes.Count > 0)
        {
            await BuildDeferredIndexesAsync(cancellationToken);
        }
        if (tablesWithIds.Count > 0)
        {
            await DatabaseProvider.Of(db.Database).SyncIdentitiesAsync(Connection, Transaction, tablesWithIds, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        foreach (var inserter in inserters.Values)
        {
            inserter.Dispose();
        }
        foreach (var statement in statements.Values)
        {
            statement.Dispose();
        }
        foreach (var inserter in rowInserters.Values)
        {
            inserter.Dispose();
        }
        if (!committed)
        {
            await transaction.RollbackAsync();
        }
        await transaction.DisposeAsync();
        if (foreignKeysToRestore && Connection.State == System.Data.ConnectionState.Open)
        {
            await SetForeignKeysAsync(Connection, on: true, CancellationToken.None);
        }
        if (cacheSizeToRestore is { } cacheSize && Connection.State == System.Data.ConnectionState.Open)
        {
            await using var command = Connection.CreateCommand();
            command.CommandText = "PRAGMA cache_size = " + cacheSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await command.ExecuteNonQueryAsync();
        }
        await db.Database.CloseConnectionAsync();
    }
}

/// <summary>Parameter values and preparation that suit both engines.</summary>
internal static class DbValue
{
    /// <summary>
    /// The value of a parameter: NULL as <see cref="DBNull"/>; instants (UTC by the app's convention) without their kind,
    /// as EF Core writes them on PostgreSQL (a UTC DateTime would go as timestamptz and be shifted into the
    /// "timestamp without time zone" column by the session's time zone). SQLite writes the same text either way.
    /// </summary>
    public static object Of(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime { Kind: not DateTimeKind.Unspecified } instant => DateTime.SpecifyKind(instant, DateTimeKind.Unspecified),
        _ => value,
    };

    /// <summary>
    /// Prepares a statement whose parameters have no value yet: SQLite compiles it once. Npgsql needs the parameters'
    /// types to prepare, which only the first values give, so on PostgreSQL the statement runs unprepared (bulk
    /// loads there go through binary COPY instead).
    /// </summary>
    public static void Prepare(DbCommand command)
    {
        if (command.Connection is not Npgsql.NpgsqlConnection)
        {
            command.Prepare();
        }
    }
}

/// <summary>One prepared INSERT statement; <see cref="Insert"/> binds and runs it (on PostgreSQL: buffers the row for a binary COPY).</summary>
public sealed class TableInserter : IDisposable
{
    private readonly DbCommand? command;
    private readonly DbParameter[] parameters = [];
    private readonly CopyBuffer? copy;
    private readonly Action? beforeRun;

    internal TableInserter(CopyBuffer copy)
    {
        this.copy = copy;
    }

    /// <param name="beforeRun">Runs before each insert (SQLite: writes the rows the writer's row inserters still hold).</param>
    internal TableInserter(DbConnection connection, DbTransaction transaction, string table, string[] columns, Action? beforeRun = null)
    {
        this.beforeRun = beforeRun;
        command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        command.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({values})";
        parameters = new DbParameter[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
            parameters[i] = parameter;
        }
        DbValue.Prepare(command);
    }

    public int Insert(params object?[] values)
    {
        if (copy is not null)
        {
            copy.Add(values);
            return 1;
        }
        beforeRun?.Invoke();
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = DbValue.Of(values[i]);
        }
        return command!.ExecuteNonQuery();
    }

    public void Dispose() => command?.Dispose();
}

/// <summary>A prepared statement of any kind, reused with new parameter values.</summary>
public sealed class PreparedStatement : IDisposable
{
    private readonly DbCommand command;
    private readonly DbParameter[] parameters;
    private readonly Action? beforeRun;

    /// <param name="beforeRun">Runs before each execution (PostgreSQL: writes the rows buffered for COPY, which the statement may read).</param>
    internal PreparedStatement(DbConnection connection, DbTransaction transaction, string sql, int parameterCount, Action? beforeRun = null)
    {
        this.beforeRun = beforeRun;
        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        parameters = new DbParameter[parameterCount];
        for (var i = 0; i < parameterCount; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
            parameters[i] = parameter;
        }
        DbValue.Prepare(command);
    }

    private void Bind(object?[] values)
    {
        beforeRun?.Invoke();
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = DbValue.Of(values[i]);
        }
    }

    public int Execute(params object?[] values)
    {
        Bind(values);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, or null.</summary>
    public object? Scalar(params object?[] values)
    {
        Bind(values);
        var result = command.ExecuteScalar();
        return result is DBNull ? null : result;
    }

    /// <summary>The first column of the first row as an integer (SQLite gives a long, PostgreSQL an int for an integer column), or null.</summary>
    public long? Int64Scalar(params object?[] values) =>
        Scalar(values) is { } value ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public void Dispose() => command.Dispose();
}


/// <summary>One prepared INSERT whose values are set by position (0-based), then <see cref="Run"/>.</summary>
public abstract class RowInserter : IDisposable
{
    public abstract void Set(int index, long value);

    public abstract void Set(int index, string? value);

    /// <summary>A text value already encoded in UTF-8 (repeated values encoded once by the caller); null for NULL.</summary>
    public abstract void SetUtf8(int index, byte[]? utf8);

    /// <summary>NULL.</summary>
    public abstract void SetNull(int index);

    /// <summary>An instant (UTC by the app's convention), stored as EF Core stores it.</summary>
    public abstract void Set(int index, DateTime instant);

    /// <summary>A date, stored as EF Core stores it.</summary>
    public abstract void Set(int index, DateOnly date);

    /// <summary>An instant or NULL.</summary>
    public void Set(int index, DateTime? instant)
    {
        if (instant is { } value)
        {
            Set(index, value);
        }
        else
        {
            SetNull(index);
        }
    }

    /// <summary>A date or NULL.</summary>
    public void Set(int index, DateOnly? date)
    {
        if (date is { } value)
        {
            Set(index, value);
        }
        else
        {
            SetNull(index);
        }
    }

    /// <summary>An integer or NULL.</summary>
    public void Set(int index, long? value)
    {
        if (value is { } number)
        {
            Set(index, number);
        }
        else
        {
            SetNull(index);
        }
    }

    public abstract void Run();

    public abstract void Dispose();
}

/// <summary>
/// The native SQLite statements on the writer's connection (so inside its transaction): rows are held, values as they were
/// set, and written <see cref="BatchRows"/> at a time by one INSERT of that many rows (fewer at a flush). One statement run
/// per batch instead of per row: SQLite opens its cursors and, for an AUTOINCREMENT table, reads and updates
/// <c>sqlite_sequence</c> once per run. A constraint a row breaks fails the run of its batch (at the latest at the flush
/// before the commit), and the writer's transaction is rolled back as before.
/// </summary>
internal sealed class SqliteRowInserter : RowInserter
{
    /// <summary>Rows per INSERT: 64 rows of the widest table (orders, 11 columns) bind 704 values, far below SQLite's limit.</summary>
    public const int BatchRows = 64;

    private enum Kind : byte
    {
        Null,
        Integer,
        Text,
        Utf8,
        Instant,
        Date,
    }

    private readonly SQLitePCL.sqlite3 db;
    private readonly string insertInto;
    private readonly string oneRow;
    private readonly int columns;
    private readonly Action<SqliteRowInserter> beforeBatch;
    private readonly SQLitePCL.sqlite3_stmt?[] statements = new SQLitePCL.sqlite3_stmt?[BatchRows + 1];
    private readonly Kind[] kinds;
    private readonly long[] integers;
    private readonly object?[] references;
    private byte[] utf8 = new byte[1024];
    private int rows;

    /// <param name="beforeBatch">Runs before a full batch is written (the writer: the rows of the inserters created before this one).</param>
    public SqliteRowInserter(Microsoft.Data.Sqlite.SqliteConnection connection, string table, string[] columns,
        Action<SqliteRowInserter> beforeBatch)
    {
        // Microsoft.Data.Sqlite ships e_sqlite3, the library SqliteNative calls; another SQLitePCL provider is refused here.
        if (!SqliteNative.Available)
        {
            throw new InvalidOperationException("The SQLite bulk writer needs SQLitePCL's e_sqlite3 provider (Microsoft.Data.Sqlite's own).");
        }
        db = connection.Handle!;
        this.columns = columns.Length;
        this.beforeBatch = beforeBatch;
        // OR FAIL: a row that breaks a constraint stops its INSERT with the rows before it kept, and the error rolls back the
        // writer's whole transaction anyway. SQLite then keeps no statement journal (a copy of every page each multi-row
        // INSERT touches, to undo the statement alone), a cost that grows with the page size.
        insertInto = $"INSERT OR FAIL INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ";
        oneRow = "(" + string.Join(", ", columns.Select(_ => "?")) + ")";
        kinds = new Kind[BatchRows * columns.Length];
        integers = new long[kinds.Length];
        references = new object?[kinds.Length];
    }

    private int Cell(int index) => (rows * columns) + index;

    public override void Set(int index, long value)
    {
        var cell = Cell(index);
        kinds[cell] = Kind.Integer;
        integers[cell] = value;
    }

    public override void Set(int index, string? value)
    {
        var cell = Cell(index);
        kinds[cell] = value is null ? Kind.Null : Kind.Text;
        references[cell] = value;
    }

    public override void SetUtf8(int index, byte[]? utf8)
    {
        var cell = Cell(index);
        kinds[cell] = utf8 is null ? Kind.Null : Kind.Utf8;
        references[cell] = utf8;
    }

    public override void SetNull(int index) => kinds[Cell(index)] = Kind.Null;

    public override void Set(int index, DateTime instant)
    {
        var cell = Cell(index);
        kinds[cell] = Kind.Instant;
        integers[cell] = instant.Ticks;
    }

    public override void Set(int index, DateOnly date)
    {
        var cell = Cell(index);
        kinds[cell] = Kind.Date;
        integers[cell] = date.DayNumber;
    }

    public override void Run()
    {
        if (++rows == BatchRows)
        {
            beforeBatch(this);
            Write();
        }
    }

    /// <summary>Writes the rows held (a shorter INSERT when the batch is not full).</summary>
    public void Flush()
    {
        if (rows > 0)
        {
            Write();
        }
    }

    /// <summary>Binds the rows held through <see cref="SqliteNative"/> (texts encoded into one reused buffer) and runs the INSERT.</summary>
    private void Write()
    {
        var count = rows;
        rows = 0;
        var statement = (statements[count] ??= Prepare(count)).DangerousGetHandle();
        Span<byte> text = stackalloc byte[SqliteTexts.MaxInstantBytes];
        var cells = count * columns;
        for (var cell = 0; cell < cells; cell++)
        {
            var parameter = cell + 1;
            Check(kinds[cell] switch
            {
                Kind.Integer => SqliteNative.BindInt64(statement, parameter, integers[cell]),
                Kind.Text => SqliteNative.BindText(statement, parameter, Utf8((string)references[cell]!)),
                Kind.Utf8 => SqliteNative.BindText(statement, parameter, (byte[])references[cell]!),
                // The texts Microsoft.Data.Sqlite binds for a DateTime and a DateOnly parameter (and EF Core's SQLite literals).
                Kind.Instant => SqliteNative.BindText(statement, parameter, text[..SqliteTexts.Instant(new DateTime(integers[cell]), text)]),
                Kind.Date => SqliteNative.BindText(statement, parameter, text[..SqliteTexts.Date(DateOnly.FromDayNumber((int)integers[cell]), text)]),
                _ => SqliteNative.BindNull(statement, parameter),
            });
        }
        Array.Clear(references, 0, cells);
        var rc = SqliteNative.Step(statement);
        SqliteNative.Reset(statement);
        if (rc != SQLitePCL.raw.SQLITE_DONE)
        {
            Check(rc);
        }
    }

    /// <summary><paramref name="value"/> in UTF-8, in a buffer reused from one text to the next (SQLite copies each bind).</summary>
    private ReadOnlySpan<byte> Utf8(string value)
    {
        var most = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
        if (utf8.Length < most)
        {
            utf8 = new byte[most];
        }
        return utf8.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(value, utf8));
    }

    private SQLitePCL.sqlite3_stmt Prepare(int count)
    {
        var sql = insertInto + string.Join(", ", Enumerable.Repeat(oneRow, count));
        Check(SQLitePCL.raw.sqlite3_prepare_v2(db, sql, out var statement));
        return statement;
    }

    private void Check(int rc)
    {
        if (rc is not (SQLitePCL.raw.SQLITE_OK or SQLitePCL.raw.SQLITE_DONE or SQLitePCL.raw.SQLITE_ROW))
        {
            throw new Microsoft.Data.Sqlite.SqliteException(SQLitePCL.raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
    }

    public override void Dispose()
    {
        foreach (var statement in statements)
        {
            statement?.Dispose();
        }
    }
}

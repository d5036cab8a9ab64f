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
    private readonly HashSet<string> tablesWithIds = new(StringComparer.Ordinal);
    private readonly PostgresCopy? copy;
    private readonly HashSet<string> indexesChecked = new(StringComparer.Ordinal);
    private readonly List<string> deferredIndexes = [];
    private bool deferIndexes;
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
    /// Writes the rows still buffered for a binary COPY (PostgreSQL; nothing to do on SQLite, where every insert runs
    /// at once). The writer's own statements do it first; call it before querying the connection otherwise.
    /// </summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => copy?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

    public static Task<BulkWriter> BeginAsync(InsightDbContext db, CancellationToken cancellationToken = default) =>
        BeginAsync(db, waiting: null, readOnly: false, cancellationToken);

    /// <summary>
    /// Begins the writer's transaction. SQLite takes its one write lock here (BEGIN IMMEDIATE): when another writer
    /// holds it, <paramref name="waiting"/> is called once and the writer waits for it (up to the connection's command
    /// timeout, <see cref="SqliteWriterWaits.MaxWait"/>). <paramref name="readOnly"/>: a transaction that only reads
    /// (a consistent view, no lock taken), for checks that will not write.
    /// </summary>
    public static async Task<BulkWriter> BeginAsync(InsightDbContext db, Action? waiting, bool readOnly, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            var begin = Task.Run(() => sqlite.BeginTransaction(deferred: readOnly), CancellationToken.None);
            if (!readOnly && waiting is not null && await Task.WhenAny(begin, Task.Delay(WaitingNoticeAfter, CancellationToken.None)) != begin)
            {
                waiting();
            }
            var sqliteTransaction = await begin;
            var used = await db.Database.UseTransactionAsync(sqliteTransaction, cancellationToken);
            return new BulkWriter(db, used!);
        }
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        return new BulkWriter(db, transaction);
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
    /// primary key alone until the commit (an import). Nothing changes on other providers.
    /// </summary>
    public void DeferIndexesOfEmptyTables() => deferIndexes = copy is null && Connection is Microsoft.Data.Sqlite.SqliteConnection;

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
            return;
        }
        // Indexes SQLite makes for a constraint (a composite primary key, UNIQUE) have no statement: they stay.
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$table";
        parameter.Value = table;
        command.Parameters.Add(parameter);
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
            inserter = copy is null ? new TableInserter(Connection, Transaction, table, columns) : new TableInserter(copy.Buffer(table, columns));
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
    /// (order lines). On SQLite it binds straight through the native statement (no boxing, no parameter look-up
    /// by name: about twice the rows per second of <see cref="Table"/>); other providers get the ADO.NET path.
    /// </summary>
    public RowInserter Rows(string table, params string[] columns)
    {
        var key = table + "|" + string.Join(',', columns);
        if (!rowInserters.TryGetValue(key, out var inserter))
        {
            DeferIndexesIfEmpty(table);
            inserter = Connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
                ? new SqliteRowInserter(sqlite, table, columns)
                : new AdoRowInserter(Table(table, columns), columns.Length);
            rowInserters[key] = inserter;
            NoteIds(table, columns);
        }
        return inserter;
    }

    /// <summary>Any statement (an UPDATE, a SELECT of one value) prepared once and reused; parameters are <c>@p0…</c>.</summary>
    public PreparedStatement Prepare(string sql, int parameterCount)
    {
        var key = "sql|" + sql;
        if (!statements.TryGetValue(key, out var statement))
        {
            statement = new PreparedStatement(Connection, Transaction, sql, parameterCount, copy is null ? null : copy.Flush);
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

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken);
        foreach (var sql in deferredIndexes)
        {
            await ExecuteAsync(sql, [], cancellationToken);
        }
        deferredIndexes.Clear();
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

    internal TableInserter(CopyBuffer copy)
    {
        this.copy = copy;
    }

    internal TableInserter(DbConnection connection, DbTransaction transaction, string table, string[] columns)
    {
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

    public abstract void Run();

    public abstract void Dispose();
}

internal sealed class AdoRowInserter(TableInserter inserter, int columns) : RowInserter
{
    private readonly object?[] values = new object?[columns];

    // The callers encode repeated texts once: decode each array once too (a product code repeats thousands of times).
    private readonly Dictionary<byte[], string> decoded = new(ReferenceEqualityComparer.Instance);

    public override void Set(int index, long value) => values[index] = value;

    public override void Set(int index, string? value) => values[index] = value;

    public override void SetUtf8(int index, byte[]? utf8) => values[index] = utf8 is null ? null : Decode(utf8);

    private string Decode(byte[] utf8)
    {
        if (!decoded.TryGetValue(utf8, out var text))
        {
            text = System.Text.Encoding.UTF8.GetString(utf8);
            decoded[utf8] = text;
        }
        return text;
    }

    public override void SetNull(int index) => values[index] = null;

    public override void Set(int index, DateTime instant) => values[index] = instant;

    public override void Set(int index, DateOnly date) => values[index] = date;

    public override void Run() => inserter.Insert(values);

    public override void Dispose()
    {
    }
}

/// <summary>The native SQLite statement on the writer's connection (so inside its transaction).</summary>
internal sealed class SqliteRowInserter : RowInserter
{
    private readonly SQLitePCL.sqlite3 db;
    private readonly SQLitePCL.sqlite3_stmt statement;

    public SqliteRowInserter(Microsoft.Data.Sqlite.SqliteConnection connection, string table, string[] columns)
    {
        db = connection.Handle!;
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", columns.Select(_ => "?"));
        Check(SQLitePCL.raw.sqlite3_prepare_v2(db, $"INSERT INTO \"{table}\" ({names}) VALUES ({values})", out statement));
    }

    public override void Set(int index, long value) => Check(SQLitePCL.raw.sqlite3_bind_int64(statement, index + 1, value));

    public override void Set(int index, string? value) =>
        Check(value is null ? SQLitePCL.raw.sqlite3_bind_null(statement, index + 1) : SQLitePCL.raw.sqlite3_bind_text(statement, index + 1, value));

    public override void SetUtf8(int index, byte[]? utf8) =>
        Check(utf8 is null
            ? SQLitePCL.raw.sqlite3_bind_null(statement, index + 1)
            : SQLitePCL.raw.sqlite3_bind_text(statement, index + 1, (ReadOnlySpan<byte>)utf8));

    public override void SetNull(int index) => Check(SQLitePCL.raw.sqlite3_bind_null(statement, index + 1));

    /// <summary>The text Microsoft.Data.Sqlite binds for a DateTime parameter (and EF Core's SQLite literals).</summary>
    public override void Set(int index, DateTime instant) =>
        Set(index, instant.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The text Microsoft.Data.Sqlite binds for a DateOnly parameter.</summary>
    public override void Set(int index, DateOnly date) =>
        Set(index, date.ToString(@"yyyy\-MM\-dd", System.Globalization.CultureInfo.InvariantCulture));

    public override void Run()
    {
        var rc = SQLitePCL.raw.sqlite3_step(statement);
        SQLitePCL.raw.sqlite3_reset(statement);
        if (rc != SQLitePCL.raw.SQLITE_DONE)
        {
            Check(rc);
        }
    }

    private void Check(int rc)
    {
        if (rc is not (SQLitePCL.raw.SQLITE_OK or SQLitePCL.raw.SQLITE_DONE or SQLitePCL.raw.SQLITE_ROW))
        {
            throw new Microsoft.Data.Sqlite.SqliteException(SQLitePCL.raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
    }

    public override void Dispose() => statement.Dispose();
}

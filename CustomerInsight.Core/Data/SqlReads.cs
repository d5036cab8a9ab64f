using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace CustomerInsight.Core.Data;

/// <summary>
/// Plain SQL reads on a context's connection (standard SQL both engines run, parameters named <c>@name</c>): the readers that
/// stream many rows, and every read of the <c>kpi</c> and <c>rfm</c> verbs, so that their processes never compile a LINQ query
/// (EF Core's query pipeline costs about 150 ms of CPU the first time in a process: bench/RESULTS.md). They bypass EF Core's
/// interceptors and command log.
/// </summary>
internal static class SqlReads
{
    /// <summary>Runs <paramref name="sql"/> with <paramref name="parameters"/> and calls <paramref name="row"/> on every row.</summary>
    public static async Task ForEachAsync(InsightDbContext db, string sql, IEnumerable<(string Name, object? Value)> parameters,
        Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await ReadAdoAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), sql, parameters, row,
                cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Every row of <paramref name="sql"/> through ADO.NET on an open connection.</summary>
    private static async Task ReadAdoAsync(DbConnection connection, DbTransaction? transaction, string sql,
        IEnumerable<(string Name, object? Value)> parameters, Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(reader);
        }
    }

    /// <summary>One row of integer columns (<see cref="ForEachIntegerRowAsync"/>).</summary>
    public delegate void IntegerRow(ReadOnlySpan<long> values);

    /// <summary>The current row of a many-row read (<see cref="ForEachRowAsync"/>).</summary>
    public delegate void RowReader(SqlRow row);

    /// <summary>
    /// <see cref="ForEachAsync"/> for a query of integer columns only (NULL reads as 0) and many rows: on SQLite through the native
    /// statement, which reads a million rows of six integers in about half the time of Microsoft.Data.Sqlite's reader (0.42 against
    /// 0.85 s: the customer counts of a new period at 10 M order lines, bench/RESULTS.md); on PostgreSQL through ADO.NET.
    /// Parameters: integers, dates, texts.
    /// </summary>
    public static async Task ForEachIntegerRowAsync(InsightDbContext db, string sql, IEnumerable<(string Name, object? Value)> parameters,
        IntegerRow row, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            long[]? values = null;
            await ForEachRowAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), sql, parameters, r =>
            {
                values ??= new long[r.FieldCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = r.Int64(i);
                }
                row(values);
            }, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Every row of <paramref name="sql"/> on an open connection (in <paramref name="transaction"/>, if any), read by
    /// <paramref name="row"/> column by column (<see cref="SqlRow"/>): on SQLite through the native statement (see
    /// <see cref="ForEachIntegerRowAsync"/>), on PostgreSQL through ADO.NET. Parameters: integers, dates, texts.
    /// </summary>
    public static async Task ForEachRowAsync(DbConnection connection, DbTransaction? transaction, string sql,
        IEnumerable<(string Name, object? Value)> parameters, RowReader row, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection sqlite)
        {
            ReadNative(sqlite.Handle!, sql, parameters, row, cancellationToken);
            return;
        }
        await ReadAdoAsync(connection, transaction, sql, parameters, reader => row(new SqlRow(reader)), cancellationToken);
    }

    private static void ReadNative(sqlite3 handle, string sql, IEnumerable<(string Name, object? Value)> parameters, RowReader row,
        CancellationToken cancellationToken)
    {
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            foreach (var (name, value) in parameters)
            {
                var index = raw.sqlite3_bind_parameter_index(statement, name);
                Check(handle, value switch
                {
                    _ when index == 0 => raw.SQLITE_OK,
                    null => raw.sqlite3_bind_null(statement, index),
                    int integer => raw.sqlite3_bind_int64(statement, index, integer),
                    long integer => raw.sqlite3_bind_int64(statement, index, integer),
                    // As EF Core and Microsoft.Data.Sqlite store a date.
                    DateOnly date => raw.sqlite3_bind_text(statement, index, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    string text => raw.sqlite3_bind_text(statement, index, text),
                    _ => throw new ArgumentException($"Parameter {name}: a {value.GetType().Name} is not an integer, a date or a text."),
                });
            }
            var busySince = 0L;
            // The statement's pointer, for the native calls of each row without SQLitePCL's safe-handle marshalling (held by the
            // using above for the whole loop).
            var direct = SqliteNative.Available ? statement.DangerousGetHandle() : IntPtr.Zero;
            var current = new SqlRow(statement, direct, raw.sqlite3_column_count(statement));
            for (var rows = 0L; ; rows++)
            {
                var rc = direct != IntPtr.Zero ? SqliteNative.Step(direct) : raw.sqlite3_step(statement);
                if (rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED)
                {
                    // A reader of a WAL database waits only while another connection recovers the WAL: as Microsoft.Data.Sqlite, retry
                    // for up to its default 30 s.
                    busySince = busySince == 0 ? Environment.TickCount64 : busySince;
                    if (Environment.TickCount64 - busySince < 30_000)
                    {
                        Thread.Sleep(1);
                        continue;
                    }
                }
                if (rc != raw.SQLITE_ROW)
                {
                    Check(handle, rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
                    return;
                }
                if ((rows & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                row(current);
            }
        }
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc);
        }
    }

    /// <summary>A nullable column's value, null for SQL NULL.</summary>
    public static T? Nullable<T>(this DbDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}

/// <summary>
/// The current row of <see cref="SqlReads.ForEachRowAsync"/>, valid only during the call it is given to: integers (NULL reads as 0)
/// and texts (NULL reads as null), by column.
/// </summary>
internal readonly struct SqlRow
{
    private readonly DbDataReader? reader;
    private readonly sqlite3_stmt? statement;
    private readonly IntPtr direct;

    internal SqlRow(DbDataReader reader)
    {
        this.reader = reader;
        FieldCount = reader.FieldCount;
    }

    internal SqlRow(sqlite3_stmt statement, IntPtr direct, int fieldCount)
    {
        this.statement = statement;
        this.direct = direct;
        FieldCount = fieldCount;
    }

    public int FieldCount { get; }

    public long Int64(int column)
    {
        if (reader is not null)
        {
            return reader.IsDBNull(column) ? 0 : reader.GetFieldType(column) == typeof(long) ? reader.GetInt64(column) : reader.GetInt32(column);
        }
        return direct != IntPtr.Zero ? SqliteNative.ColumnInt64(direct, column) : raw.sqlite3_column_int64(statement, column);
    }

    /// <summary>True when the column is SQL NULL (which <see cref="Int64"/> reads as 0).</summary>
    public bool IsNull(int column) =>
        reader is not null ? reader.IsDBNull(column) : raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

    public string? Text(int column)
    {
        if (reader is not null)
        {
            return reader.IsDBNull(column) ? null : reader.GetString(column);
        }
        if (direct != IntPtr.Zero)
        {
            return SqliteNative.ColumnText(direct, column);
        }
        return raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(statement, column).utf8_to_string();
    }
}

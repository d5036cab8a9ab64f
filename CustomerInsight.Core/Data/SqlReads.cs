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
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
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
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>One row of integer columns (<see cref="ForEachIntegerRowAsync"/>).</summary>
    public delegate void IntegerRow(ReadOnlySpan<long> values);

    /// <summary>
    /// <see cref="ForEachAsync"/> for a query of integer columns only (NULL reads as 0) and many rows: on SQLite through the native
    /// statement, which reads a million rows of six integers in about half the time of Microsoft.Data.Sqlite's reader (0.42 against
    /// 0.85 s: the customer counts of a new period at 10 M order lines, bench/RESULTS.md); on PostgreSQL through ADO.NET.
    /// Parameters: integers, dates, texts.
    /// </summary>
    public static async Task ForEachIntegerRowAsync(InsightDbContext db, string sql, IEnumerable<(string Name, object? Value)> parameters,
        IntegerRow row, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection sqlite)
        {
            long[]? values = null;
            await ForEachAsync(db, sql, parameters, r =>
            {
                values ??= new long[r.FieldCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = r.IsDBNull(i) ? 0 : r.GetFieldType(i) == typeof(long) ? r.GetInt64(i) : r.GetInt32(i);
                }
                row(values);
            }, cancellationToken);
            return;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            ReadNative(sqlite.Handle!, sql, parameters, row, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void ReadNative(sqlite3 handle, string sql, IEnumerable<(string Name, object? Value)> parameters, IntegerRow row,
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
            var values = new long[raw.sqlite3_column_count(statement)];
            var busySince = 0L;
            // The statement's pointer, for the native calls of each row without SQLitePCL's safe-handle marshalling (held by the
            // using above for the whole loop).
            var direct = SqliteNative.Available ? statement.DangerousGetHandle() : IntPtr.Zero;
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
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = direct != IntPtr.Zero ? SqliteNative.ColumnInt64(direct, i) : raw.sqlite3_column_int64(statement, i);
                }
                row(values);
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

using System.Globalization;
using Npgsql;

namespace CustomerInsight.Core.Data;

/// <summary>
/// PostgreSQL's bulk path of <see cref="BulkWriter"/>: rows are buffered per table and written with binary COPY
/// (a raw COPY stream, <see cref="PostgresBinaryCopyFormat"/>) on the writer's connection, so inside its one transaction (a rollback or a cancellation
/// leaves nothing). A COPY holds the connection until it completes, so the buffers are written, parents first (in the
/// order the tables were first used), every <see cref="FlushEveryRows"/> rows and before any other statement of the
/// writer runs (a look-up must see the rows written before it), and at commit.
/// A table that is empty when its first rows are written is loaded without its checks: its foreign keys, secondary
/// indexes and (when no other table refers to it) primary and unique keys are dropped inside the transaction and
/// created again, with the same names and definitions, before the writer's next other statement (so at the latest
/// before commit): one sort per index and one join per foreign key instead of index upkeep and a trigger per row.
/// A violation then fails there, and the rollback leaves everything as it was. The dropped objects lock that table
/// (ACCESS EXCLUSIVE) until the transaction ends; it is empty, so a reader waits but misses nothing.
/// </summary>
internal sealed class PostgresCopy(NpgsqlConnection connection)
{
    /// <summary>Rows buffered (all tables) before they are written: bounds the memory of a large import.</summary>
    public const int FlushEveryRows = 50_000;

    private readonly List<CopyBuffer> buffers = [];
    private readonly HashSet<string> seenTables = new(StringComparer.Ordinal);
    private readonly List<string> loadedEmpty = [];
    private readonly List<(int Order, string Sql)> restore = [];
    private int pending;

    public CopyBuffer Buffer(string table, string[] columns)
    {
        var buffer = new CopyBuffer(this, connection, table, columns);
        buffers.Add(buffer);
        return buffer;
    }

    internal void Added()
    {
        if (++pending >= FlushEveryRows)
        {
            // Between COPYs only: the checks of tables loaded empty stay off until another statement runs.
            WriteBuffers();
        }
    }

    /// <summary>Writes every buffered row and puts back the checks of the tables loaded empty (before any other statement).</summary>
    public void Flush()
    {
        WriteBuffers();
        foreach (var sql in TakeRestore())
        {
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (pending > 0)
        {
            foreach (var buffer in buffers)
            {
                await buffer.WriteAsync(cancellationToken);
            }
            pending = 0;
        }
        foreach (var sql in TakeRestore())
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private void WriteBuffers()
    {
        if (pending == 0)
        {
            return;
        }
        foreach (var buffer in buffers)
        {
            buffer.Write();
        }
        pending = 0;
    }

    private List<string> TakeRestore()
    {
        var statements = restore.OrderBy(r => r.Order).Select(r => r.Sql).ToList();
        restore.Clear();
        return statements;
    }

    /// <summary>
    /// Before the first rows of <paramref name="table"/> in this writer: when the table is empty, drops its checks and
    /// keeps the statements that create them again. Primary and unique keys stay when another table refers to the table;
    /// a foreign key stays unless the table it refers to was loaded empty by this writer too (dropping it locks that
    /// table: readers of a table that had rows must not wait for the import).
    /// </summary>
    internal void BeforeFirstRows(string table)
    {
        if (!seenTables.Add(table))
        {
            return;
        }
        var name = "\"" + table + "\"";
        using (var empty = new NpgsqlCommand($"SELECT NOT EXISTS (SELECT 1 FROM {name})", connection))
        {
            if (!(bool)empty.ExecuteScalar()!)
            {
                return;
            }
        }
        loadedEmpty.Add(name);
        var checks = new List<(string Drop, string Create, int Order)>();
        using (var command = new NpgsqlCommand(ChecksSql, connection))
        {
            command.Parameters.AddWithValue("table", name);
            command.Parameters.AddWithValue("loaded", loadedEmpty.ToArray());
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                checks.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
            }
        }
        // Foreign keys first (they may rest on this table's keys), created again last.
        foreach (var check in checks.OrderByDescending(c => c.Order))
        {
            using var drop = new NpgsqlCommand(check.Drop, connection);
            drop.ExecuteNonQuery();
            restore.Add((check.Order, check.Create));
        }
    }

    /// <summary>
    /// The table's checks as (drop, create, order): 0 primary/unique keys, 1 indexes that back no constraint, 2 foreign keys.
    /// </summary>
    private const string ChecksSql = """
        SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
            format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)),
            CASE c.contype WHEN 'f' THEN 2 ELSE 0 END
        FROM pg_constraint c
        WHERE c.conrelid = @table::regclass
            AND ((c.contype = 'f' AND c.confrelid = ANY (CAST(@loaded AS text[])::regclass[]))
                OR (c.contype IN ('p', 'u') AND NOT EXISTS (SELECT 1 FROM pg_constraint r WHERE r.confrelid = c.conrelid)))
        UNION ALL
        SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid), 1
        FROM pg_index i
        WHERE i.indrelid = @table::regclass
            AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)
        """;
}

/// <summary>What a buffered value is; the value itself is in <see cref="CopyCell"/>'s number or reference.</summary>
internal enum CopyCellKind : byte
{
    Null,
    /// <summary>An integer (a boolean as 0 or 1).</summary>
    Number,
    /// <summary>An instant, its ticks in the number (UTC by the app's convention, stored without a zone as EF Core does).</summary>
    Instant,
    /// <summary>A date, its day number in the number.</summary>
    Date,
    Text,
    /// <summary>A text already encoded in UTF-8 (the bytes go as they are), or the bytes of a binary column.</summary>
    Bytes,
    /// <summary>Any other value (a boolean, an enumeration…), boxed: converted to its column's type when written.</summary>
    Boxed,
}

/// <summary>
/// One buffered value, unboxed: integers, instants and dates in <see cref="Number"/>, texts and bytes in <see cref="Reference"/>.
/// A bulk load buffers millions of them.
/// </summary>
internal struct CopyCell
{
    public long Number;
    public object? Reference;
    public CopyCellKind Kind;

    public static CopyCell OfNumber(long value) => new() { Number = value, Kind = CopyCellKind.Number };

    public static CopyCell OfText(string? value) => value is null ? default : new() { Reference = value, Kind = CopyCellKind.Text };

    public static CopyCell OfBytes(byte[]? value) => value is null ? default : new() { Reference = value, Kind = CopyCellKind.Bytes };

    public static CopyCell OfInstant(DateTime value) => new() { Number = value.Ticks, Kind = CopyCellKind.Instant };

    public static CopyCell OfDate(DateOnly value) => new() { Number = value.DayNumber, Kind = CopyCellKind.Date };

    /// <summary>A value of <see cref="TableInserter.Insert"/> (boxed, of any type), unboxed when it is a number, instant, date or text.</summary>
    public static CopyCell Of(object? value) => value switch
    {
        null or DBNull => default,
        long number => OfNumber(number),
        int number => OfNumber(number),
        short number => OfNumber(number),
        string text => OfText(text),
        DateTime instant => OfInstant(instant),
        DateOnly date => OfDate(date),
        byte[] bytes => OfBytes(bytes),
        _ => new() { Reference = value, Kind = CopyCellKind.Boxed },
    };

    /// <summary>A value (boxed, of any type) as its column's type wants it: the cell's kind is the one the column takes.</summary>
    public static CopyCell As(object? value, CopyColumnType type)
    {
        var invariant = CultureInfo.InvariantCulture;
        return value is null or DBNull ? default : type switch
        {
            CopyColumnType.Int16 or CopyColumnType.Int32 or CopyColumnType.Int64 => OfNumber(Convert.ToInt64(value, invariant)),
            CopyColumnType.Boolean => OfNumber(Convert.ToBoolean(value, invariant) ? 1 : 0),
            CopyColumnType.Date => OfDate(value is DateTime day ? DateOnly.FromDateTime(day) : (DateOnly)value),
            CopyColumnType.Timestamp => OfInstant((DateTime)value),
            CopyColumnType.Bytea => OfBytes((byte[])value),
            _ => OfText(Convert.ToString(value, invariant)),
        };
    }
}

/// <summary>The column types a COPY of this app writes (those of its schema), read from the catalogue.</summary>
internal enum CopyColumnType : byte
{
    Int16,
    Int32,
    Int64,
    Boolean,
    Date,
    /// <summary>With or without time zone: the same microseconds since 2000-01-01 (UTC) in binary.</summary>
    Timestamp,
    Text,
    Bytea,
}

/// <summary>
/// The buffered rows of one table and column list, as <see cref="CopyCell"/>s one row after another in one array (reused
/// from one COPY to the next), written in PostgreSQL's binary COPY format (<see cref="PostgresBinaryCopyFormat"/>) on a raw
/// COPY stream: the driver's typed importer spent about 2 µs a row resolving each value's type (most of the client's time
/// of an import, bench/RESULTS.md).
/// </summary>
internal sealed class CopyBuffer(PostgresCopy owner, NpgsqlConnection connection, string table, string[] columns)
{
    private CopyCell[] cells = new CopyCell[columns.Length * 64];
    private int used;
    private CopyColumnType[]? types;

    public int Columns => columns.Length;

    /// <summary>Buffers <paramref name="values"/> as a row (callers reuse their arrays).</summary>
    public void Add(object?[] values)
    {
        var row = NextRow();
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = CopyCell.Of(values[i]);
        }
        owner.Added();
    }

    /// <summary>Buffers a copy of <paramref name="row"/> (one cell per column).</summary>
    public void Add(ReadOnlySpan<CopyCell> row)
    {
        row.CopyTo(NextRow());
        owner.Added();
    }

    private Span<CopyCell> NextRow()
    {
        if (used + columns.Length > cells.Length)
        {
            Array.Resize(ref cells, cells.Length * 2);
        }
        var row = cells.AsSpan(used, columns.Length);
        used += columns.Length;
        return row;
    }

    private string CopyCommand =>
        $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";

    public void Write()
    {
        if (Start() is not { } format)
        {
            return;
        }
        using (var stream = connection.BeginRawBinaryCopy(CopyCommand))
        {
            try
            {
                for (var next = 0; next < used;)
                {
                    next = format.Encode(cells, next, used);
                    stream.Write(format.Encoded.Span);
                }
                stream.Write(format.End().Span);
            }
            catch
            {
                Cancel(stream);
                throw;
            }
        }
        Clear();
    }

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (Start() is not { } format)
        {
            return;
        }
        await using (var stream = await connection.BeginRawBinaryCopyAsync(CopyCommand, cancellationToken))
        {
            try
            {
                for (var next = 0; next < used;)
                {
                    next = format.Encode(cells, next, used);
                    await stream.WriteAsync(format.Encoded, cancellationToken);
                }
                await stream.WriteAsync(format.End(), cancellationToken);
            }
            catch
            {
                Cancel(stream);
                throw;
            }
        }
        Clear();
    }

    /// <summary>Before a COPY of the rows buffered (none: null): the column types, the table's checks when it is loaded empty.</summary>
    private PostgresBinaryCopyFormat? Start()
    {
        if (used == 0)
        {
            return null;
        }
        types ??= ColumnTypes();
        owner.BeforeFirstRows(table);
        return new PostgresBinaryCopyFormat(types);
    }

    /// <summary>A COPY that failed half-way is cancelled (its rows are not kept); the first failure is the one reported.</summary>
    private static void Cancel(NpgsqlRawCopyStream stream)
    {
        try
        {
            stream.Cancel();
        }
        catch (Exception ex) when (ex is PostgresException or NpgsqlException or InvalidOperationException or IOException)
        {
            // The server answers a cancelled COPY with an error; the writer's transaction is rolled back anyway.
        }
    }

    /// <summary>The texts written are let go (the array stays for the next rows).</summary>
    private void Clear()
    {
        Array.Clear(cells, 0, used);
        used = 0;
    }

    /// <summary>Binary COPY takes each value in its column's exact type: read once from the catalogue.</summary>
    private CopyColumnType[] ColumnTypes()
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var command = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns "
            + "WHERE table_schema = current_schema() AND table_name = @table", connection))
        {
            command.Parameters.AddWithValue("table", table);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                byName[reader.GetString(0)] = reader.GetString(1);
            }
        }
        return [.. columns.Select(c => byName.TryGetValue(c, out var type)
            ? TypeOf(type)
            : throw new InvalidOperationException($"Column {table}.{c} not found for COPY."))];
    }

    private static CopyColumnType TypeOf(string dataType) => dataType switch
    {
        "smallint" => CopyColumnType.Int16,
        "integer" => CopyColumnType.Int32,
        "bigint" => CopyColumnType.Int64,
        "boolean" => CopyColumnType.Boolean,
        "date" => CopyColumnType.Date,
        "timestamp without time zone" or "timestamp with time zone" => CopyColumnType.Timestamp,
        "character varying" or "text" => CopyColumnType.Text,
        "bytea" => CopyColumnType.Bytea,
        _ => throw new NotSupportedException($"COPY of a column of type {dataType} is not supported."),
    };
}

/// <summary>
/// <see cref="RowInserter"/> on PostgreSQL: the values of a row set one by one into unboxed <see cref="CopyCell"/>s, buffered by
/// <see cref="Run"/> for the table's binary COPY. A value not set again keeps the previous row's (as on SQLite).
/// </summary>
internal sealed class CopyRowInserter(CopyBuffer buffer) : RowInserter
{
    private readonly CopyCell[] row = new CopyCell[buffer.Columns];

    public override void Set(int index, long value) => row[index] = CopyCell.OfNumber(value);

    public override void Set(int index, string? value) => row[index] = CopyCell.OfText(value);

    public override void SetUtf8(int index, byte[]? utf8) => row[index] = CopyCell.OfBytes(utf8);

    public override void SetNull(int index) => row[index] = default;

    public override void Set(int index, DateTime instant) => row[index] = CopyCell.OfInstant(instant);

    public override void Set(int index, DateOnly date) => row[index] = CopyCell.OfDate(date);

    public override void Run() => buffer.Add(row);

    public override void Dispose()
    {
    }
}

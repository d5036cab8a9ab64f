using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace CustomerInsight.Core.Data;

/// <summary>
/// PostgreSQL's bulk path of <see cref="BulkWriter"/>: rows are buffered per table and written with binary COPY
/// (<c>BeginBinaryImport</c>) on the writer's connection, so inside its one transaction (a rollback or a cancellation
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
        var buffer = new CopyBuffer(this, table, columns);
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
                await buffer.WriteAsync(connection, cancellationToken);
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
            buffer.Write(connection);
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

/// <summary>The buffered rows of one table and column list.</summary>
internal sealed class CopyBuffer(PostgresCopy owner, string table, string[] columns)
{
    private readonly List<object?[]> rows = [];
    private NpgsqlDbType[]? types;

    /// <summary>Buffers a copy of <paramref name="values"/> (callers reuse their arrays).</summary>
    public void Add(object?[] values)
    {
        rows.Add((object?[])values.Clone());
        owner.Added();
    }

    private string CopyCommand =>
        $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";

    public void Write(NpgsqlConnection connection)
    {
        if (rows.Count == 0)
        {
            return;
        }
        types ??= ColumnTypes(connection);
        owner.BeforeFirstRows(table);
        using (var importer = connection.BeginBinaryImport(CopyCommand))
        {
            foreach (var row in rows)
            {
                importer.StartRow();
                for (var i = 0; i < row.Length; i++)
                {
                    WriteValue(importer, row[i], types[i]);
                }
            }
            importer.Complete();
        }
        rows.Clear();
    }

    public async Task WriteAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        types ??= ColumnTypes(connection);
        owner.BeforeFirstRows(table);
        await using (var importer = await connection.BeginBinaryImportAsync(CopyCommand, cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var i = 0; i < row.Length; i++)
                {
                    WriteValue(importer, row[i], types[i]);
                }
            }
            await importer.CompleteAsync(cancellationToken);
        }
        rows.Clear();
    }

    /// <summary>Binary COPY takes each value in its column's exact type: read once from the catalogue.</summary>
    private NpgsqlDbType[] ColumnTypes(NpgsqlConnection connection)
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

    private static NpgsqlDbType TypeOf(string dataType) => dataType switch
    {
        "integer" => NpgsqlDbType.Integer,
        "bigint" => NpgsqlDbType.Bigint,
        "smallint" => NpgsqlDbType.Smallint,
        "boolean" => NpgsqlDbType.Boolean,
        "numeric" => NpgsqlDbType.Numeric,
        "double precision" => NpgsqlDbType.Double,
        "real" => NpgsqlDbType.Real,
        "date" => NpgsqlDbType.Date,
        "timestamp without time zone" => NpgsqlDbType.Timestamp,
        "timestamp with time zone" => NpgsqlDbType.TimestampTz,
        "bytea" => NpgsqlDbType.Bytea,
        "character varying" => NpgsqlDbType.Varchar,
        "text" => NpgsqlDbType.Text,
        _ => throw new NotSupportedException($"COPY of a column of type {dataType} is not supported."),
    };

    private static void WriteValue(NpgsqlBinaryImporter importer, object? value, NpgsqlDbType type)
    {
        if (value is null or DBNull)
        {
            importer.WriteNull();
            return;
        }
        var invariant = CultureInfo.InvariantCulture;
        switch (type)
        {
            case NpgsqlDbType.Integer:
                importer.Write(Convert.ToInt32(value, invariant), type);
                break;
            case NpgsqlDbType.Bigint:
                importer.Write(Convert.ToInt64(value, invariant), type);
                break;
            case NpgsqlDbType.Smallint:
                importer.Write(Convert.ToInt16(value, invariant), type);
                break;
            case NpgsqlDbType.Boolean:
                importer.Write(Convert.ToBoolean(value, invariant), type);
                break;
            case NpgsqlDbType.Numeric:
                importer.Write(Convert.ToDecimal(value, invariant), type);
                break;
            case NpgsqlDbType.Double:
                importer.Write(Convert.ToDouble(value, invariant), type);
                break;
            case NpgsqlDbType.Real:
                importer.Write(Convert.ToSingle(value, invariant), type);
                break;
            case NpgsqlDbType.Date:
                importer.Write(value is DateTime day ? DateOnly.FromDateTime(day) : (DateOnly)value, type);
                break;
            case NpgsqlDbType.Timestamp:
                // Instants are UTC without a zone, as EF Core writes them (PostgresInsightDbContext).
                importer.Write(DateTime.SpecifyKind((DateTime)value, DateTimeKind.Unspecified), type);
                break;
            case NpgsqlDbType.TimestampTz:
                importer.Write(DateTime.SpecifyKind((DateTime)value, DateTimeKind.Utc), type);
                break;
            case NpgsqlDbType.Bytea:
                importer.Write((byte[])value, type);
                break;
            default:
                importer.Write(Convert.ToString(value, invariant)!, type);
                break;
        }
    }
}

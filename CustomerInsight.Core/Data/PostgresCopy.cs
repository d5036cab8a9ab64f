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
/// </summary>
internal sealed class PostgresCopy(NpgsqlConnection connection)
{
    /// <summary>Rows buffered (all tables) before they are written: bounds the memory of a large import.</summary>
    public const int FlushEveryRows = 50_000;

    private readonly List<CopyBuffer> buffers = [];
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
            Flush();
        }
    }

    /// <summary>Writes every buffered row.</summary>
    public void Flush()
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

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (pending == 0)
        {
            return;
        }
        foreach (var buffer in buffers)
        {
            await buffer.WriteAsync(connection, cancellationToken);
        }
        pending = 0;
    }
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
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table", connection))
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

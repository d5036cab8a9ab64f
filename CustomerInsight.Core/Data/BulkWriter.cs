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
    private bool committed;

    private BulkWriter(InsightDbContext db, IDbContextTransaction transaction)
    {
        this.db = db;
        this.transaction = transaction;
    }

    public static async Task<BulkWriter> BeginAsync(InsightDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        return new BulkWriter(db, transaction);
    }

    public DbConnection Connection => db.Database.GetDbConnection();
    public DbTransaction Transaction => transaction.GetDbTransaction();

    /// <summary>The next free id of a table whose ids the writer assigns itself (so children can refer to parents).</summary>
    public async Task<long> NextIdAsync(string table, CancellationToken cancellationToken = default)
    {
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
            inserter = new TableInserter(Connection, Transaction, table, columns);
            inserters[key] = inserter;
        }
        return inserter;
    }

    /// <summary>Runs a statement inside the writer's transaction (updates, deletes of a bulk operation).</summary>
    public async Task<int> ExecuteAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameter.Value = parameters[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Any statement (an UPDATE, a SELECT of one value) prepared once and reused; parameters are <c>@p0…</c>.</summary>
    public PreparedStatement Prepare(string sql, int parameterCount)
    {
        var key = "sql|" + sql;
        if (!statements.TryGetValue(key, out var statement))
        {
            statement = new PreparedStatement(Connection, Transaction, sql, parameterCount);
            statements[key] = statement;
        }
        return statement;
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await transaction.CommitAsync(cancellationToken);
        committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var inserter in inserters.Values)
        {
            inserter.Dispose();
        }
        foreach (var statement in statements.Values)
        {
            statement.Dispose();
        }
        if (!committed)
        {
            await transaction.RollbackAsync();
        }
        await transaction.DisposeAsync();
        await db.Database.CloseConnectionAsync();
    }
}

/// <summary>One prepared INSERT statement; <see cref="Insert"/> binds and runs it.</summary>
public sealed class TableInserter : IDisposable
{
    private readonly DbCommand command;
    private readonly DbParameter[] parameters;

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
        command.Prepare();
    }

    public int Insert(params object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
        return command.ExecuteNonQuery();
    }

    public void Dispose() => command.Dispose();
}

/// <summary>A prepared statement of any kind, reused with new parameter values.</summary>
public sealed class PreparedStatement : IDisposable
{
    private readonly DbCommand command;
    private readonly DbParameter[] parameters;

    internal PreparedStatement(DbConnection connection, DbTransaction transaction, string sql, int parameterCount)
    {
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
        command.Prepare();
    }

    private void Bind(object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
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

    public void Dispose() => command.Dispose();
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerInsight.Core.Data;

/// <summary>
/// Plain SQL reads on a context's connection (standard SQL both engines run, parameters named <c>@name</c>): the readers that
/// stream many rows, and every read of the <c>kpi</c> verb, so that its process never compiles a LINQ query (EF Core's query
/// pipeline costs about 150 ms of CPU the first time in a process: bench/RESULTS.md).
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

    /// <summary>A nullable column's value, null for SQL NULL.</summary>
    public static T? Nullable<T>(this DbDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}

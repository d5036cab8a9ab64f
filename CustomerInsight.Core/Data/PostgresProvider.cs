using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Data;

/// <summary>The PostgreSQL statements of <see cref="DatabaseProvider"/> (arrays, REINDEX TABLE, VACUUM).</summary>
internal sealed class PostgresProvider : DatabaseProvider
{
    public const string EfProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static readonly PostgresProvider Instance = new();

    private PostgresProvider()
    {
    }

    // Index entries of erased values are dropped by the rebuild; REINDEX TABLE runs inside the caller's transaction.
    public override async Task RebuildCustomerIndexesAsync(DbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync("""REINDEX TABLE "Customers"; REINDEX TABLE "CustomerMergeSources";""", cancellationToken);

    // PostgreSQL has no journal to empty: what stays on disk are dead row versions (and old WAL segments), which VACUUM
    // marks reusable, outside any transaction, so after the erasure's commit; no SQL reaches them (README, "Erasure on
    // PostgreSQL"). Not VACUUM FULL: it would lock the tables while the app runs.
    public override async Task<bool> TryCheckpointAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlRawAsync(
            """VACUUM "Customers", "CustomerMergeSources", "ConsentRecords", "SurveyResponses", "ImportBatches", "AuditEntries";""",
            cancellationToken);
        return true;
    }

    // NOTIFY is transactional: queued with the transaction, sent at its commit, dropped at its rollback.
    public override async Task SignalDataChangedAsync(DbContext db, string origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({DataChangedChannel}, {origin})", cancellationToken);
    }

    // setval(…, max + 1, false): the next nextval() returns max + 1 (1 on an empty table). A table without an identity
    // column has no sequence: setval(NULL, …) is NULL, nothing changes.
    public override async Task SyncIdentitiesAsync(DbConnection connection, DbTransaction? transaction, IEnumerable<string> tables,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var sql = IdentitySql(tables);
        if (sql.Length == 0)
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary><see cref="SyncIdentitiesAsync"/> for the synchronous SaveChanges.</summary>
    internal static void SyncIdentities(DbConnection connection, DbTransaction? transaction, IEnumerable<string> tables)
    {
        var sql = IdentitySql(tables);
        if (sql.Length == 0)
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string IdentitySql(IEnumerable<string> tables) =>
        string.Concat(tables.Distinct(StringComparer.Ordinal).Select(table =>
        {
            var quoted = table.Replace("\"", "\"\"", StringComparison.Ordinal);
            var literal = quoted.Replace("'", "''", StringComparison.Ordinal);
            return $"SELECT setval(pg_get_serial_sequence('\"{literal}\"', 'Id'), COALESCE(MAX(\"Id\"), 0) + 1, false) FROM \"{quoted}\";";
        }));

    public override bool LikeIgnoresAsciiCase => false;

    public override string DayNumber(string dateColumn) => $"({dateColumn} - DATE '0001-01-01')";

    public override string OuterLoopJoin => "INNER JOIN";

    public override string TextsTable(string parameter, string alias) => $"unnest(CAST({parameter} AS text[])) AS {alias} (value)";

    public override object TextsValue(IReadOnlyList<string> texts) => texts as string[] ?? [.. texts];

    public override Task PrepareAsync(DbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    public override string TableExists(string table) => $"SELECT to_regclass('\"{table}\"') IS NOT NULL";
}

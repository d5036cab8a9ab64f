using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerInsight.Core.Data;

/// <summary>
/// Per-connection SQLite settings: wait instead of failing when another writer holds the lock,
/// and overwrite deleted content so erased personal data does not survive in free pages.
/// WAL is persistent in the file and set once by <see cref="InsightDatabase.MigrateAsync"/>.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    internal const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerInsight.Core.Data;

/// <summary>
/// Per-connection SQLite settings: wait instead of failing when another writer holds the lock,
/// and overwrite deleted content so erased personal data does not survive in free pages.
/// WAL is persistent in the file and set once by <see cref="InsightDatabase.MigrateAsync"/>.
/// Microsoft.Data.Sqlite retries a statement that meets a lock until the command timeout: that timeout is raised
/// to <see cref="SqliteWriterWaits.MaxWait"/>, so a writer queues behind a long import instead of failing after 30 s.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    internal const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        RaiseTimeout(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        RaiseTimeout(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Commands created on the connection from now on (EF Core's, the bulk writer's, BEGIN's) wait that long for a lock.</summary>
    private static void RaiseTimeout(DbConnection connection)
    {
        var seconds = (int)SqliteWriterWaits.MaxWait.TotalSeconds;
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite && sqlite.DefaultTimeout is > 0 && sqlite.DefaultTimeout < seconds)
        {
            sqlite.DefaultTimeout = seconds;
        }
    }
}

using System.Data.Common;

namespace CustomerInsight.Core.Importing;

/// <summary>
/// A larger SQLite page cache on one connection for the time of a bulk write, restored on dispose (the
/// connection goes back to the pool). Other providers: nothing to do.
/// </summary>
internal sealed class WriteCache : IAsyncDisposable
{
    private readonly DbConnection? connection;
    private readonly long previous;

    private WriteCache(DbConnection? connection, long previous)
    {
        this.connection = connection;
        this.previous = previous;
    }

    public static async Task<WriteCache> EnlargeAsync(DbConnection connection, int megabytes, CancellationToken cancellationToken)
    {
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection || megabytes <= 0)
        {
            return new WriteCache(null, 0);
        }
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size";
        var previous = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        // Negative: a size in KiB rather than in pages.
        command.CommandText = "PRAGMA cache_size = " + (-1024L * megabytes).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new WriteCache(connection, previous);
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is null || connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size = " + previous.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await command.ExecuteNonQueryAsync();
    }
}

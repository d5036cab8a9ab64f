using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CustomerInsight.Core.Data;

/// <summary>
/// Brings the changes committed by the other nodes of the database (another web node, the command line) to this node's
/// <see cref="DataChangeNotifier"/>, so its open pages reload within a second or two. PostgreSQL: one connection
/// LISTENs on <see cref="DatabaseProvider.DataChangedChannel"/> (the writers' <c>pg_notify</c>, delivered at their commit)
/// and re-raises every other node's notification; when the connection fails it reconnects (after 1, 2, 4… up to 10 s) and
/// raises once, since changes may have been missed meanwhile. SQLite (one file, several processes): every
/// <see cref="PollInterval"/> one open connection reads the file's change counter (<c>PRAGMA user_version</c>, a header
/// read, no table), which every notifying writer moves in its transaction (<see cref="DataChangeNotifier.SignalAsync"/>):
/// the same writers as PostgreSQL's <c>pg_notify</c>, so audit entries or sign-ins do not reload the pages.
/// </summary>
public sealed partial class DataChangeWatcher(IDbContextFactory<InsightDbContext> factory, DataChangeNotifier notifier,
    ILogger<DataChangeWatcher>? logger = null)
{
    private readonly ILogger logger = logger ?? (ILogger)NullLogger.Instance;
    private readonly TaskCompletionSource watching = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How often SQLite's data version is read.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    /// <summary>Completes once the watcher listens (PostgreSQL) or has read its first data version (SQLite).</summary>
    public Task Watching => watching.Task;

    /// <summary>Watches until <paramref name="cancellationToken"/> is cancelled (the node stops).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        string connectionString;
        bool postgres;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            connectionString = db.Database.GetConnectionString() ?? throw new InvalidOperationException("The database has no connection string.");
            postgres = db is PostgresInsightDbContext;
        }
        var delay = TimeSpan.FromSeconds(1);
        var missed = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (postgres)
                {
                    await ListenAsync(connectionString, missed, cancellationToken);
                }
                else
                {
                    await PollAsync(connectionString, missed, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or SqliteException or System.Net.Sockets.SocketException or IOException
                or TimeoutException or InvalidOperationException)
            {
                LogConnectionLost(logger, e, delay.TotalSeconds);
                missed = true;
                try
                {
                    await Task.Delay(delay, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
                continue;
            }
            delay = TimeSpan.FromSeconds(1);
        }
    }

    private async Task ListenAsync(string connectionString, bool missed, CancellationToken cancellationToken)
    {
        // A connection of its own, never pooled (a pooled one would be reset, UNLISTEN included), kept alive so a
        // silently dropped link is noticed.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 15 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        connection.Notification += (_, e) => notifier.NotifyChangedBy(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {DatabaseProvider.DataChangedChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }
        Started(missed);
        while (true)
        {
            await connection.WaitAsync(cancellationToken);
        }
    }

    private async Task PollAsync(string connectionString, bool missed, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteProvider.ChangeCounterQuery;
        var seen = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        Started(missed);
        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var now = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (now != seen)
            {
                seen = now;
                // This node's own writes come back here too: its pages reload once more, from the cache (same version).
                notifier.NotifyChanged();
            }
        }
    }

    private void Started(bool missed)
    {
        if (missed)
        {
            LogReconnected(logger);
            notifier.NotifyChanged();
        }
        watching.TrySetResult();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching the other nodes' data changes failed; trying again in {Seconds} s")]
    private static partial void LogConnectionLost(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Watching the other nodes' data changes again (pages reload once, a change may have been missed)")]
    private static partial void LogReconnected(ILogger logger);
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CustomerInsight.Core.Data;

/// <summary>
/// SQLite has one writer at a time. A writer that finds the lock taken (by an import, by another process) waits
/// for it, up to <see cref="MaxWait"/> (the connections' command timeout, <see cref="SqlitePragmaInterceptor"/>),
/// and says so: when a write (a transaction's BEGIN, an INSERT, UPDATE or DELETE outside one) has not started
/// after <see cref="NoticeAfter"/>, one warning names what waits. Nothing is lost: the write happens once the lock is free.
/// </summary>
internal sealed class SqliteWriterWaits(ILogger? logger) : DbCommandInterceptor, IDbTransactionInterceptor
{
    /// <summary>How long a writer waits for the lock before it gives up (far longer than any import's write phase).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan NoticeAfter = TimeSpan.FromSeconds(1);

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, Timer> pending = [];

    private void Start(object key, string what)
    {
        if (logger is null)
        {
            return;
        }
#pragma warning disable CA2000 // The timer is owned by 'pending' and disposed by Stop when the command ends.
        var timer = new Timer(_ => logger.LogWarning(
            "Database busy: another writer (an import, another process) holds the lock; {What} waits for it (up to {Minutes} min) instead of failing",
            what, MaxWait.TotalMinutes), null, NoticeAfter, Timeout.InfiniteTimeSpan);
        pending.AddOrUpdate(key, timer);
#pragma warning restore CA2000
    }

    private void Stop(object key)
    {
        if (pending.TryGetValue(key, out var timer))
        {
            pending.Remove(key);
            timer.Dispose();
        }
    }

    private static bool IsWrite(DbCommand command) =>
        command.Transaction is null && command.CommandText.TrimStart() is var text
        && (text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase));

    private void Starting(DbCommand command)
    {
        if (IsWrite(command))
        {
            Start(command, "a write");
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        Starting(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Starting(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Starting(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Starting(command);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Stop(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Stop(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Stop(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Stop(command);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Stop(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(command);
        return Task.CompletedTask;
    }

    // A transaction's BEGIN (BEGIN IMMEDIATE on SQLite: it takes the write lock) is where a SaveChanges waits.
    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        Start(connection, "a transaction");
        return result;
    }

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Start(connection, "a transaction");
        return ValueTask.FromResult(result);
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Stop(connection);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        Stop(connection);
        return ValueTask.FromResult(result);
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        Stop(transaction.Connection ?? (object)transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(transaction.Connection ?? (object)transaction);
        return Task.CompletedTask;
    }
}

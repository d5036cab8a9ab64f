using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerInsight.Core.Data;

/// <summary>
/// Tells open pages that the data changed (an import, an undo, an erasure or a purge, a merge, an OMOC, segment or theme
/// edit committed), so dashboards reload without a page refresh, on this node and on every other node of the same
/// database. A singleton per node: a writer calls <see cref="SignalAsync"/> inside its transaction (on PostgreSQL a
/// <c>pg_notify</c>, which the server delivers to the other nodes at commit only, never for a rolled-back change), then
/// <see cref="NotifyChanged"/> after its commit for this node's pages; <see cref="DataChangeWatcher"/> raises
/// <see cref="Changed"/> here for the changes of the other nodes (and of the command line). Readers subscribe to
/// <see cref="Changed"/> and unsubscribe on dispose. Cached results are keyed by <see cref="DataVersion"/>, which the node
/// shares (<see cref="CurrentDataVersion"/>) and reads again once <see cref="Generation"/> moves.
/// </summary>
/// <remarks>A subscriber that throws is logged (as an error, with its exception) and the others are still called.</remarks>
public sealed partial class DataChangeNotifier(ILogger<DataChangeNotifier>? logger = null)
{
    private readonly ILogger logger = logger ?? (ILogger)NullLogger.Instance;

    /// <summary>This node (process or app instance): its own notifications come back to it and are ignored.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    private long generation;

    /// <summary>Raised after a change committed. Handlers run on the caller's thread: marshal to the UI (InvokeAsync) and never block.</summary>
    public event Action? Changed;

    /// <summary>How many changes this node heard: moves before <see cref="Changed"/> is raised (<see cref="SharedRead{T}"/>'s key).</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>
    /// Inside the writer's transaction, before its commit: tells the other nodes that the data changed when (and only if)
    /// the transaction commits. PostgreSQL: <c>pg_notify</c>; SQLite: the file's change counter moves (one file: the other
    /// processes poll it, <see cref="DataChangeWatcher"/>). One rule on both engines: a writer whose change a page shows
    /// signals in its own transaction, so the change and its signal commit (or roll back) together.
    /// </summary>
    public Task SignalAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return DatabaseProvider.Of(db.Database).SignalDataChangedAsync(db, NodeId, cancellationToken);
    }

    /// <summary>Signals the change inside <paramref name="transaction"/>, commits it, then tells this node's pages.</summary>
    public async Task CommitAsync(DbContext db, IDbContextTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await SignalAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        NotifyChanged();
    }

    /// <summary>A change committed by node <paramref name="origin"/>: raised here unless it is this node's own (already raised).</summary>
    public void NotifyChangedBy(string? origin)
    {
        if (!string.Equals(origin, NodeId, StringComparison.Ordinal))
        {
            NotifyChanged();
        }
    }

    public void NotifyChanged()
    {
        Interlocked.Increment(ref generation);
        var handlers = Changed;
        if (handlers is null)
        {
            return;
        }
        foreach (var handler in handlers.GetInvocationList().Cast<Action>())
        {
            // One failing page must not stop the others from hearing about the change.
            try
            {
                handler();
            }
            catch (Exception e)
            {
                // The writer has committed already: the failure is the subscriber's, reported and not rethrown.
                LogSubscriberFailed(logger, e, handler.Method.DeclaringType?.FullName ?? handler.Method.Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A page listening for data changes failed to handle one ({Subscriber})")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception, string subscriber);
}

/// <summary>Commits of writers that may run without a notifier (unit tests and the command line's one-off services).</summary>
public static class DataChangeCommits
{
    /// <summary>
    /// <see cref="DataChangeNotifier.CommitAsync"/>; without a notifier the change is still signalled to the other nodes
    /// (no origin: every node raises it), then committed.
    /// </summary>
    public static async Task CommitAndNotifyAsync(this DataChangeNotifier? notifier, DbContext db, IDbContextTransaction transaction,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (notifier is not null)
        {
            await notifier.CommitAsync(db, transaction, cancellationToken);
            return;
        }
        await notifier.SignalChangeAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary><see cref="DataChangeNotifier.SignalAsync"/>; without a notifier, the same signal with no origin.</summary>
    public static Task SignalChangeAsync(this DataChangeNotifier? notifier, DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return notifier is not null
            ? notifier.SignalAsync(db, cancellationToken)
            : DatabaseProvider.Of(db.Database).SignalDataChangedAsync(db, string.Empty, cancellationToken);
    }
}

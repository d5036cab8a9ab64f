namespace CustomerInsight.Core.Data;

/// <summary>
/// One small read of the database (the data version, the list of custom segmentations, the change events, the theme set in
/// use) shared by every caller of the node until the data change: a change heard by <see cref="DataChangeNotifier"/> (committed
/// on this node, or on another one as <see cref="DataChangeWatcher"/> hears it: its <see cref="DataChangeNotifier.Generation"/>
/// moves before any page is told) drops it, and so does <see cref="MaxAge"/>, for a writer that tells nobody (another process
/// on a SQLite file between two polls of the watcher). Five hundred dashboards changing a filter every 10 s read it about once
/// a second instead of a hundred times.
/// </summary>
/// <remarks>
/// A read that started before a change is not handed to callers after it (they start a new one). The read itself is never
/// cancelled by one caller (others may wait on it); a failed read is not kept.
/// </remarks>
public sealed class SharedRead<T>(Func<CancellationToken, Task<T>> read, DataChangeNotifier notifier, TimeProvider clock)
{
    /// <summary>How long a value is served without a change being heard.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private Task<T>? value;
    private long generation;
    private DateTimeOffset readAt;

    /// <summary>The shared value: completed at once while it is fresh, so a caller awaiting it does not yield.</summary>
    public Task<T> GetAsync(CancellationToken cancellationToken = default)
    {
        Task<T> current;
        TaskCompletionSource<T>? started = null;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var heard = notifier.Generation;
            if (value is null || value.IsFaulted || value.IsCanceled || generation != heard || now - readAt >= MaxAge)
            {
                started = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
                (value, generation, readAt) = (started.Task, heard, now);
            }
            current = value;
        }
        if (started is not null)
        {
            _ = FillAsync(started);
        }
        return current.IsCompleted ? current : current.WaitAsync(cancellationToken);
    }

    private async Task FillAsync(TaskCompletionSource<T> target)
    {
        try
        {
            target.SetResult(await read(CancellationToken.None));
        }
        catch (Exception e)
        {
            target.SetException(e);
        }
    }
}

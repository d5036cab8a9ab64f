using System.Collections.Concurrent;

namespace CustomerInsight.Core.Data;

/// <summary>
/// A small in-memory cache of computed results (the task computing them, so concurrent callers share one
/// computation), with a lifetime and a capacity (least recently used out first). Keys carry the data
/// version they were computed from, so a change of the data changes the key and stale results are never served.
/// A failed computation is dropped, and so is a cancelled one (a computation given its caller's token) at the next call;
/// otherwise one caller's cancellation never cancels the computation others wait on.
/// </summary>
public sealed class ResultCache<TKey, TValue>(int capacity, TimeSpan lifetime, TimeProvider clock)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> entries = new();
    private readonly Lock adding = new();

    public int Count => entries.Count;

    /// <summary>The result for <paramref name="key"/> when it is computed and not expired; false otherwise (nothing is computed).</summary>
    public bool TryGetCompleted(TKey key, out TValue value)
    {
        if (TryGetLive(key, clock.GetUtcNow(), out var entry) && entry.Value.IsCompletedSuccessfully)
        {
            entry.LastUsed = clock.GetUtcNow();
            value = entry.Value.Result;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Whether a result for <paramref name="key"/> is held or being computed (and not expired).</summary>
    public bool Contains(TKey key) => TryGetLive(key, clock.GetUtcNow(), out _);

    public async Task<TValue> GetAsync(TKey key, Func<Task<TValue>> compute, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var now = clock.GetUtcNow();
        if (!TryGetLive(key, now, out var entry))
        {
            // The entry is in place before the computation starts: a computation that runs long before its first real await
            // (the scores of a million customers) would otherwise be started again by every caller meanwhile.
            Task<Task<TValue>>? start = null;
            lock (adding)
            {
                if (!TryGetLive(key, now, out entry))
                {
                    start = new Task<Task<TValue>>(compute);
                    entry = new Entry(start.Unwrap(), now);
                    entries[key] = entry;
                    Trim(now);
                }
            }
            // On the caller's thread, as a plain call would.
            start?.RunSynchronously(TaskScheduler.Default);
        }
        entry.LastUsed = now;
        if (entry.Value.IsCompletedSuccessfully)
        {
            return entry.Value.Result;
        }
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    private bool TryGetLive(TKey key, DateTimeOffset now, out Entry entry) =>
        entries.TryGetValue(key, out entry!) && now - entry.CreatedAt < lifetime && !entry.Value.IsCanceled;

    private void Trim(DateTimeOffset now)
    {
        foreach (var stale in entries.Where(e => now - e.Value.CreatedAt >= lifetime).ToList())
        {
            entries.TryRemove(stale);
        }
        while (entries.Count > capacity)
        {
            entries.TryRemove(entries.MinBy(e => e.Value.LastUsed));
        }
    }

    private sealed class Entry(Task<TValue> value, DateTimeOffset createdAt)
    {
        public Task<TValue> Value { get; } = value;
        public DateTimeOffset CreatedAt { get; } = createdAt;
        public DateTimeOffset LastUsed { get; set; } = createdAt;
    }
}

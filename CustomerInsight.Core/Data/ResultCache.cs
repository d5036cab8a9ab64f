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

    public int Count => entries.Count;

    public async Task<TValue> GetAsync(TKey key, Func<Task<TValue>> compute, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var now = clock.GetUtcNow();
        if (!entries.TryGetValue(key, out var entry) || now - entry.CreatedAt >= lifetime || entry.Value.IsCanceled)
        {
            entry = new Entry(compute(), now);
            entries[key] = entry;
            Trim(now);
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

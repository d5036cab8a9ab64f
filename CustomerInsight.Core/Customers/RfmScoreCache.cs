using System.Collections.Concurrent;
using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Customers;

/// <summary>
/// A small in-memory cache of whole-base RFM scores per analysis date, for the pages that need the
/// scores of many customers again and again (the segment filter of the customer list, the 360 view's
/// history). Scoring a million customers is a GROUP BY over every order: done once per date, not per page.
/// </summary>
/// <remarks>
/// An entry is keyed by the date and by the highest order id: an import adds orders and so changes the key,
/// stale scores are never served. Erasure keeps erased customers scored (see <see cref="RfmQueries"/>), so it
/// does not invalidate. At most <see cref="Capacity"/> dates are kept, the least recently used goes first.
/// </remarks>
public sealed class RfmScoreCache(RfmQueries rfm, IDbContextFactory<InsightDbContext> factory, TimeProvider clock)
{
    public const int Capacity = 6;

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<(DateOnly Date, long Version), Entry> entries = new();

    /// <summary>The scores at <paramref name="analysisDate"/>, from the cache when the orders have not changed since.</summary>
    public async Task<RfmResult> GetAsync(DateOnly analysisDate, CancellationToken cancellationToken = default)
    {
        var version = await GetVersionAsync(cancellationToken);
        var key = (analysisDate, version);
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(key, out var cached) && now - cached.CreatedAt < Lifetime)
        {
            cached.LastUsed = now;
            if (cached.Scores.IsCompletedSuccessfully)
            {
                return cached.Scores.Result;
            }
            try
            {
                return await cached.Scores.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                entries.TryRemove(KeyValuePair.Create(key, cached));
                throw;
            }
        }

        // The scoring itself is not cancelled by one caller: another page may be waiting on the same entry.
        var entry = new Entry(rfm.ScoreAsync(analysisDate, CancellationToken.None), now);
        entries[key] = entry;
        Trim();
        try
        {
            return await entry.Scores.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    /// <summary>Ids of the customers in <paramref name="segment"/> at <paramref name="analysisDate"/>, ascending.</summary>
    public async Task<int[]> GetSegmentIdsAsync(DateOnly analysisDate, RfmSegment segment, CancellationToken cancellationToken = default)
    {
        var scores = await GetAsync(analysisDate, cancellationToken);
        var ids = scores.Customers.Where(c => c.Segment == segment).Select(c => c.CustomerId).ToArray();
        Array.Sort(ids);
        return ids;
    }

    private async Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Orders.AsNoTracking().MaxAsync(o => (long?)o.Id, cancellationToken) ?? 0;
    }

    private void Trim()
    {
        var now = clock.GetUtcNow();
        foreach (var stale in entries.Where(e => now - e.Value.CreatedAt >= Lifetime).ToList())
        {
            entries.TryRemove(stale);
        }
        while (entries.Count > Capacity)
        {
            var oldest = entries.MinBy(e => e.Value.LastUsed);
            entries.TryRemove(oldest);
        }
    }

    private sealed class Entry(Task<RfmResult> scores, DateTimeOffset createdAt)
    {
        public Task<RfmResult> Scores { get; } = scores;
        public DateTimeOffset CreatedAt { get; } = createdAt;
        public DateTimeOffset LastUsed { get; set; } = createdAt;
    }
}

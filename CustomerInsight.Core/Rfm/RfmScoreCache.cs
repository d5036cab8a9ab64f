using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Rfm;

/// <summary>
/// A small in-memory cache of whole-base RFM scores per analysis date, for the pages that need the
/// scores of many customers again and again (the segment filter of the customer list, the 360 view's
/// history). Scoring a million customers is a GROUP BY over every order: done once per date, not per page.
/// </summary>
/// <remarks>
/// An entry is keyed by the date and by the <see cref="DataVersion"/>: an import or an undo changes the key,
/// stale scores are never served. At most <see cref="Capacity"/> dates are kept, the least recently used goes first.
/// </remarks>
public sealed class RfmScoreCache(RfmQueries rfm, IDbContextFactory<InsightDbContext> factory, TimeProvider clock,
    CurrentDataVersion? versions = null)
{
    public const int Capacity = 6;

    private readonly ResultCache<(DateOnly Date, DataVersion Version), RfmResult> cache = new(Capacity, TimeSpan.FromMinutes(30), clock);

    private readonly ResultCache<(DateOnly Date, DataVersion Version), RfmSegmentsAt> segments =
        new(Capacity, TimeSpan.FromMinutes(30), clock);

    /// <summary>The scores at <paramref name="analysisDate"/>, from the cache when the orders have not changed since.</summary>
    public async Task<RfmResult> GetAsync(DateOnly analysisDate, CancellationToken cancellationToken = default)
    {
        var version = await CurrentDataVersion.ReadAsync(versions, factory, cancellationToken);
        // The scoring itself is not cancelled by one caller: another page may be waiting on the same entry.
        return await cache.GetAsync((analysisDate, version), () => rfm.ScoreAsync(analysisDate, CancellationToken.None), cancellationToken);
    }

    /// <summary>Whether the scores at <paramref name="analysisDate"/> of the data as they are now are held or being computed.</summary>
    public async Task<bool> HoldsAsync(DateOnly analysisDate, CancellationToken cancellationToken = default) =>
        cache.Contains((analysisDate, await CurrentDataVersion.ReadAsync(versions, factory, cancellationToken)));

    /// <summary>
    /// Every scored customer's segment at <paramref name="analysisDate"/>: from the whole scores when they are already computed,
    /// else from the R and F scores alone (<see cref="RfmQueries.GetSegmentsAsync"/>), kept apart.
    /// </summary>
    public async Task<RfmSegmentsAt> GetSegmentsAsync(DateOnly analysisDate, CancellationToken cancellationToken = default)
    {
        var version = await CurrentDataVersion.ReadAsync(versions, factory, cancellationToken);
        var key = (analysisDate, version);
        return await segments.GetAsync(key, () => cache.TryGetCompleted(key, out var scored)
            ? Task.FromResult(RfmSegmentsAt.Of(scored, rfm.ConfiguredSettings))
            : rfm.GetSegmentsAsync(analysisDate, CancellationToken.None), cancellationToken);
    }

    /// <summary>Ids of the customers in <paramref name="segment"/> at <paramref name="analysisDate"/>, ascending.</summary>
    public async Task<int[]> GetSegmentIdsAsync(DateOnly analysisDate, RfmSegment segment, CancellationToken cancellationToken = default) =>
        (await GetSegmentsAsync(analysisDate, cancellationToken)).IdsIn(segment);

    /// <summary>Ids of the customers whose scores at <paramref name="analysisDate"/> satisfy <paramref name="predicate"/>, ascending.</summary>
    public async Task<int[]> GetIdsAsync(DateOnly analysisDate, Func<RfmCustomerScore, bool> predicate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var scores = await GetAsync(analysisDate, cancellationToken);
        var ids = scores.Customers.Where(predicate).Select(c => c.CustomerId).ToArray();
        Array.Sort(ids);
        return ids;
    }
}

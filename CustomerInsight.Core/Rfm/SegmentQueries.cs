using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Sales;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Rfm;

/// <summary>What the segments page shows at one analysis date: sizes, grid, reach by consent and a sample for the bubble chart.</summary>
/// <param name="Sample">At most <see cref="SegmentQueries.SampleSize"/> scored customers, chosen deterministically (every k-th by id).</param>
public sealed record SegmentOverview(RfmSummary Summary, IReadOnlyList<SegmentConsentReach> Reach, IReadOnlyList<RfmCustomerScore> Sample);

/// <summary>Reads of the segments page, over the cached scores of <see cref="RfmScoreCache"/>.</summary>
/// <remarks>
/// The overview is kept a few minutes per analysis date and <see cref="DataVersion"/>: the page's prerender and its interactive render compute it
/// once (at 10 M order
/// lines and a million customers, the consent reach alone takes seconds).
/// </remarks>
public sealed class SegmentQueries(RfmQueries rfm, RfmScoreCache scores, ConsentQueries consents, BusinessCalendar calendar,
    IDbContextFactory<InsightDbContext> factory, TimeProvider clock)
{
    public const int SampleSize = 300;

    private readonly ResultCache<(DateOnly Date, DataVersion Version), SegmentOverview> overviews =
        new(capacity: 8, lifetime: TimeSpan.FromMinutes(5), clock);

    /// <summary>The overview of a database without sales: every segment and cell empty, the cells named by the configured grid.</summary>
    public SegmentOverview EmptyOverview() => new(rfm.Summarize(new RfmResult(default, [])), [], []);

    public Task<DateOnly?> GetDefaultAnalysisDateAsync(CancellationToken cancellationToken = default) =>
        rfm.GetDefaultAnalysisDateAsync(cancellationToken);

    /// <summary>Summary, consent reach (consents in force at the start of the analysis date, business time) and bubble sample.</summary>
    public async Task<SegmentOverview> GetOverviewAsync(DateOnly analysisDate, CancellationToken cancellationToken = default)
    {
        var version = await DataVersion.ReadAsync(factory, cancellationToken);
        return await Overview(analysisDate, version).WaitAsync(cancellationToken);
    }

    // Not cancelled by one caller: another render may be waiting on the same entry.
    private Task<SegmentOverview> Overview(DateOnly analysisDate, DataVersion version) =>
        overviews.GetAsync((analysisDate, version), () => Concurrent.Read(() => ComputeOverviewAsync(analysisDate, CancellationToken.None)));

    private async Task<SegmentOverview> ComputeOverviewAsync(DateOnly analysisDate, CancellationToken cancellationToken)
    {
        var result = await scores.GetAsync(analysisDate, cancellationToken);
        var atUtc = calendar.ToUtc(analysisDate.ToDateTime(TimeOnly.MinValue));
        var reach = await consents.CountReachableBySegmentAsync(result, atUtc, cancellationToken);
        return new SegmentOverview(rfm.Summarize(result), reach, Sample(result.Customers, SampleSize));
    }

    /// <summary>Segment migration from <paramref name="earlierDate"/> to <paramref name="laterDate"/> (erased customers left out).</summary>
    /// <remarks>The scores of both dates come from the cache: the page's prerender and its interactive render, and
    /// every change of the later date, score each date once (at 10 M order lines, 3 s each).</remarks>
    public async Task<RfmMigration> GetMigrationAsync(DateOnly earlierDate, DateOnly laterDate, CancellationToken cancellationToken = default)
    {
        // Off the caller's thread and both dates at once (the later one is usually the overview's, already cached).
        var earlier = Concurrent.Read(() => scores.GetAsync(earlierDate, cancellationToken));
        var later = Concurrent.Read(() => scores.GetAsync(laterDate, cancellationToken));
        return await Concurrent.Read(async () => await rfm.GetMigrationAsync(await earlier, await later, cancellationToken));
    }

    /// <summary>
    /// Starts computing the overview at <paramref name="analysisDate"/> into the cache without waiting for it; returns once its
    /// entry is in place. For a prerender that leaves the figures to the interactive render: the browser loads the page's scripts
    /// and starts the circuit meanwhile. A failure is met by whoever asks for the overview next (and the cache drops it).
    /// </summary>
    public async Task StartAsync(DateOnly analysisDate, CancellationToken cancellationToken = default)
    {
        var overview = Overview(analysisDate, await DataVersion.ReadAsync(factory, cancellationToken));
        _ = overview.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }

    /// <summary>Whether the overview at <paramref name="analysisDate"/> of the data as they are now is held or being computed.</summary>
    public async Task<bool> HoldsAsync(DateOnly analysisDate, CancellationToken cancellationToken = default) =>
        overviews.Contains((analysisDate, await DataVersion.ReadAsync(factory, cancellationToken)));

    /// <summary>Every k-th customer in id order, k chosen so that at most <paramref name="size"/> remain: the same sample on every render.</summary>
    public static IReadOnlyList<RfmCustomerScore> Sample(IReadOnlyList<RfmCustomerScore> customers, int size)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        // Scores come in id order: no sorted copy of a million records for 300 of them (0.38 s of a first visit at 10 M lines).
        var ordered = RfmCustomerScores.InIdOrder(customers);
        var step = Math.Max(1, (int)Math.Ceiling(ordered.Count / (double)size));
        var sample = new RfmCustomerScore[(ordered.Count + step - 1) / step];
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = ordered[i * step];
        }
        return sample;
    }
}

using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Rfm;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Privacy;

/// <summary>
/// Consent reads: the customers whose consent for a purpose is granted at an instant (decided with the same rule as
/// <see cref="ConsentHistory.IsGranted(IEnumerable{ConsentEntry}, ConsentPurpose, DateTime)"/>), reachable counts, and one
/// customer's full history.
/// </summary>
/// <remarks>
/// Erased customers are never reachable, whatever their history says: they have no contact details left. In the web app the
/// records come from the node's snapshot (<see cref="CustomerActivityStore"/>, <see cref="ConsentSnapshot"/>), elsewhere from SQL.
/// </remarks>
public sealed class ConsentQueries(IDbContextFactory<InsightDbContext> factory, CustomerActivityStore? activity = null)
{
    /// <summary>
    /// Ids of the non-erased customers whose latest <paramref name="purpose"/> record at or before
    /// <paramref name="atUtc"/> is a grant (a withdrawal at the same instant wins).
    /// </summary>
    public async Task<HashSet<int>> GetGrantedCustomerIdsAsync(ConsentPurpose purpose, DateTime atUtc, CancellationToken cancellationToken = default) =>
        (await GetGrantedCustomerIdsAsync([purpose], atUtc, false, cancellationToken))[0];

    /// <summary>The same for each of <paramref name="purposes"/> (in their order), from one read of their records.</summary>
    public Task<HashSet<int>[]> GetGrantedCustomerIdsAsync(ConsentPurpose[] purposes, DateTime atUtc, CancellationToken cancellationToken = default) =>
        GetGrantedCustomerIdsAsync(purposes, atUtc, false, cancellationToken);

    /// <summary>
    /// <see cref="GetGrantedCustomerIdsAsync(ConsentPurpose, DateTime, CancellationToken)"/> read in SQL even where the node keeps a
    /// snapshot of the records: who may be contacted, for an export, must count a withdrawal recorded a moment ago on another node
    /// (a snapshot follows another node's change within a second or two).
    /// </summary>
    public async Task<HashSet<int>> GetGrantedCustomerIdsFromDatabaseAsync(ConsentPurpose purpose, DateTime atUtc,
        CancellationToken cancellationToken = default) =>
        (await GetGrantedCustomerIdsAsync([purpose], atUtc, true, cancellationToken))[0];

    /// <summary>
    /// <see cref="GetGrantedCustomerIdsAsync(ConsentPurpose, DateTime, CancellationToken)"/> of several purposes from one read of
    /// their records up to the instant, each customer's state decided here as it goes. The query it replaces kept each
    /// customer's latest record in SQL ("no later record", an anti-join per purpose): on PostgreSQL 15 with 1 M consent records
    /// it ran for minutes within the segments page's first visit at 10 M order lines (bench/RESULTS.md), where its plan in psql
    /// took 2 s; this read has one simple plan on both engines.
    /// </summary>
    private async Task<HashSet<int>[]> GetGrantedCustomerIdsAsync(ConsentPurpose[] purposes, DateTime atUtc, bool fromDatabase,
        CancellationToken cancellationToken)
    {
        if (atUtc.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("The instant must be in UTC.", nameof(atUtc));
        }
        if (!fromDatabase && activity is { KeepsSnapshots: true })
        {
            return (await activity.GetWholeAsync(cancellationToken)).Consents.GrantedAt(purposes, atUtc);
        }
        // Per purpose, per customer: the latest instant so far and whether every record at that instant is a grant.
        var latest = purposes.Select(_ => new Dictionary<int, ConsentState>()).ToArray();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await ConsentReads.RecordsUpToAsync(db, purposes, atUtc, (customer, purpose, status, at) =>
            {
                var states = latest[Array.IndexOf(purposes, purpose)];
                states[customer] = states.GetValueOrDefault(customer, ConsentState.None).With(at.Ticks, status == ConsentStatus.Granted);
            },
            cancellationToken);
        return [.. latest.Select(states => states.Where(s => s.Value.Granted).Select(s => s.Key).ToHashSet())];
    }

    /// <summary>Of the given customers (duplicates counted once), how many are reachable by e-mail, SMS and phone at
    /// <paramref name="atUtc"/>.</summary>
    public async Task<ConsentReach> CountReachableAsync(IEnumerable<int> customerIds, DateTime atUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var (email, sms, phone) = await GetMarketingGrantsAsync(atUtc, cancellationToken);
        var customers = customerIds.ToHashSet();
        return new ConsentReach(
            customers.Count,
            customers.Count(email.Contains),
            customers.Count(sms.Contains),
            customers.Count(phone.Contains));
    }

    /// <summary>Reachable customers per RFM segment: all ten segments, in metrics.md order.</summary>
    public async Task<IReadOnlyList<SegmentConsentReach>> CountReachableBySegmentAsync(RfmResult scores, DateTime atUtc,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var (email, sms, phone) = await GetMarketingGrantsAsync(atUtc, cancellationToken);
        var segments = RfmSegments.All.Count;
        var customers = new int[segments];
        var byEmail = new int[segments];
        var bySms = new int[segments];
        var byPhone = new int[segments];
        foreach (var c in scores.Customers)
        {
            var s = (int)c.Segment;
            customers[s]++;
            byEmail[s] += email.Contains(c.CustomerId) ? 1 : 0;
            bySms[s] += sms.Contains(c.CustomerId) ? 1 : 0;
            byPhone[s] += phone.Contains(c.CustomerId) ? 1 : 0;
        }
        return RfmSegments.All
            .Select(s => new SegmentConsentReach(s, new ConsentReach(customers[(int)s], byEmail[(int)s], bySms[(int)s], byPhone[(int)s])))
            .ToArray();
    }

    /// <summary>A customer's complete consent history, oldest first (in recording order at equal instants).</summary>
    public async Task<IReadOnlyList<ConsentEntry>> GetHistoryAsync(int customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var records = await db.ConsentRecords.AsNoTracking()
            .Where(r => r.CustomerId == customerId)
            .OrderBy(r => r.RecordedAtUtc)
            .ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return records.Select(ConsentEntry.From).ToArray();
    }

    private async Task<(HashSet<int> Email, HashSet<int> Sms, HashSet<int> Phone)> GetMarketingGrantsAsync(DateTime atUtc,
        CancellationToken cancellationToken)
    {
        var granted = await GetGrantedCustomerIdsAsync(
            [ConsentPurpose.EmailMarketing, ConsentPurpose.SmsMarketing, ConsentPurpose.PhoneMarketing], atUtc, false, cancellationToken);
        return (granted[0], granted[1], granted[2]);
    }
}

using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Rfm;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Privacy;

/// <summary>
/// Consent reads: the customers whose consent for a purpose is granted at an instant (decided in SQL
/// with the same rule as <see cref="ConsentHistory.IsGranted(IEnumerable{ConsentEntry}, ConsentPurpose, DateTime)"/>),
/// reachable counts, and one customer's full history.
/// </summary>
/// <remarks>Erased customers are never reachable, whatever their history says: they have no contact details left.</remarks>
public sealed class ConsentQueries(IDbContextFactory<InsightDbContext> factory)
{
    /// <summary>
    /// Ids of the non-erased customers whose latest <paramref name="purpose"/> record at or before
    /// <paramref name="atUtc"/> is a grant (a withdrawal at the same instant wins). Uses the index
    /// (CustomerId, Purpose, RecordedAtUtc) for the "no later record" test.
    /// </summary>
    public async Task<HashSet<int>> GetGrantedCustomerIdsAsync(ConsentPurpose purpose, DateTime atUtc, CancellationToken cancellationToken = default)
    {
        if (atUtc.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("The instant must be in UTC.", nameof(atUtc));
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var records = db.ConsentRecords.AsNoTracking();
        var ids = records
            .Where(r => r.Purpose == purpose
                && r.Status == ConsentStatus.Granted
                && r.RecordedAtUtc <= atUtc
                && r.Customer!.ErasedAtUtc == null
                && !records.Any(n => n.CustomerId == r.CustomerId
                    && n.Purpose == purpose
                    && n.RecordedAtUtc <= atUtc
                    && (n.RecordedAtUtc > r.RecordedAtUtc || (n.RecordedAtUtc == r.RecordedAtUtc && n.Status == ConsentStatus.Withdrawn))))
            .Select(r => r.CustomerId)
            .Distinct();
        var granted = new HashSet<int>();
        await foreach (var id in ids.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            granted.Add(id);
        }
        return granted;
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
        CancellationToken cancellationToken) =>
        (await GetGrantedCustomerIdsAsync(ConsentPurpose.EmailMarketing, atUtc, cancellationToken),
         await GetGrantedCustomerIdsAsync(ConsentPurpose.SmsMarketing, atUtc, cancellationToken),
         await GetGrantedCustomerIdsAsync(ConsentPurpose.PhoneMarketing, atUtc, cancellationToken));
}

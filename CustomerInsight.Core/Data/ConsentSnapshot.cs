using CustomerInsight.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Data;

/// <summary>
/// Every consent record of the customers not erased, in memory as columns grouped by purpose then customer: who is reachable for
/// a purpose at any instant is one pass over them (<see cref="GrantedAt"/>), with the rule of
/// <see cref="ConsentHistory.IsGranted(IEnumerable{ConsentEntry}, ConsentPurpose, DateTime)"/>. Part of the web app's
/// <see cref="CustomerActivitySnapshot"/> (one per data version: a consent import, an erasure change it); at 1 M records about
/// 14 MB, and the segments page's reach by segment no longer reads them (1.4 s at 10 M order lines, bench/RESULTS.md).
/// </summary>
public sealed class ConsentSnapshot
{
    // Grouped by (purpose, customer); in a group, in no particular order.
    private readonly byte[] purposes;
    private readonly int[] customers;
    private readonly long[] ticks;
    private readonly bool[] granted;

    private ConsentSnapshot(byte[] purposes, int[] customers, long[] ticks, bool[] granted) =>
        (this.purposes, this.customers, this.ticks, this.granted) = (purposes, customers, ticks, granted);

    /// <summary>The records held.</summary>
    public int Records => customers.Length;

    /// <summary>Reads every record of the customers not erased.</summary>
    public static async Task<ConsentSnapshot> LoadAsync(IDbContextFactory<InsightDbContext> factory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (keys, records) = (new List<long>(), new List<(long Ticks, bool Granted)>());
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await ConsentReads.RecordsUpToAsync(db, null, null, (customer, purpose, status, at) =>
                {
                    keys.Add(((long)purpose << 32) | (uint)customer);
                    records.Add((at.Ticks, status == ConsentStatus.Granted));
                },
                cancellationToken);
        }
        var byKey = Enumerable.Range(0, keys.Count).ToArray();
        Array.Sort(keys.ToArray(), byKey);
        return new ConsentSnapshot(
            Array.ConvertAll(byKey, i => (byte)(keys[i] >> 32)),
            Array.ConvertAll(byKey, i => (int)keys[i]),
            Array.ConvertAll(byKey, i => records[i].Ticks),
            Array.ConvertAll(byKey, i => records[i].Granted));
    }

    /// <summary>
    /// For each of <paramref name="purposeList"/>, the customers whose latest record at or before <paramref name="atUtc"/> is a
    /// grant (a withdrawal at the same instant wins).
    /// </summary>
    public HashSet<int>[] GrantedAt(IReadOnlyList<ConsentPurpose> purposeList, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(purposeList);
        var sets = purposeList.Select(_ => new HashSet<int>()).ToArray();
        var at = atUtc.Ticks;
        for (var start = 0; start < customers.Length;)
        {
            var end = start + 1;
            while (end < customers.Length && customers[end] == customers[start] && purposes[end] == purposes[start])
            {
                end++;
            }
            var wanted = IndexOf(purposeList, (ConsentPurpose)purposes[start]);
            if (wanted >= 0)
            {
                var state = ConsentState.None;
                for (var r = start; r < end; r++)
                {
                    if (ticks[r] <= at)
                    {
                        state = state.With(ticks[r], granted[r]);
                    }
                }
                if (state.Granted)
                {
                    sets[wanted].Add(customers[start]);
                }
            }
            start = end;
        }
        return sets;
    }

    private static int IndexOf(IReadOnlyList<ConsentPurpose> list, ConsentPurpose purpose)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == purpose)
            {
                return i;
            }
        }
        return -1;
    }
}

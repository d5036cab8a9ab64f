using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Unify;

/// <summary>A member of a match group as the reconciliation page shows it (personal data: analysts and admins only).</summary>
public sealed record UnifyMember(int CustomerId, string SourceId, string? FirstName, string? LastName, string? Email, string? Phone,
    string? PostalCode, string? City, DateTime CreatedAtUtc);

/// <summary>The match groups found now, with their members.</summary>
public sealed record UnifyPreview(MatchResult Result, IReadOnlyDictionary<int, UnifyMember> Members);

/// <summary>One merge as the history lists it.</summary>
public sealed record MergeHistoryRow(int MergeId, int CustomerId, DateTime MergedAtUtc, string MergedBy, int Sources, DateTime? UndoneAtUtc,
    string? UndoneBy);

/// <summary>A source record a unified customer gathers (customer 360).</summary>
public sealed record UnifiedSourceRow(int MergeId, int OriginalCustomerId, string SourceId, string? FirstName, string? LastName, string? Email,
    string? Phone, string? PostalCode, string? City, DateTime CreatedAtUtc, DateTime MergedAtUtc, bool Erased);

/// <summary>Reads of reconciliation (metrics.md "Match rules"): match groups, merge history, a customer's source records.</summary>
public sealed class UnifyQueries(IDbContextFactory<InsightDbContext> factory)
{
    /// <summary>Candidates of every customer (erased ones flagged: they never match).</summary>
    public async Task<IReadOnlyList<MatchCandidate>> CandidatesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await CandidatesAsync(db, cancellationToken);
    }

    internal static async Task<List<MatchCandidate>> CandidatesAsync(InsightDbContext db, CancellationToken cancellationToken) =>
        await db.Customers.AsNoTracking()
            .OrderBy(c => c.Id)
            .Select(c => new MatchCandidate(c.Id, c.ErasedAtUtc != null, c.Email, c.Phone, c.FirstName, c.LastName, c.PostalCode))
            .ToListAsync(cancellationToken);

    /// <summary>The dry run: the match groups of the base now.</summary>
    public async Task<MatchResult> FindGroupsAsync(CancellationToken cancellationToken = default) =>
        MatchGrouper.Group(await CandidatesAsync(cancellationToken));

    /// <summary>The match groups with their members' profiles (the page).</summary>
    public async Task<UnifyPreview> PreviewAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var result = MatchGrouper.Group(await CandidatesAsync(db, cancellationToken));
        var ids = result.Groups.SelectMany(g => g.CustomerIds).ToList();
        var members = new Dictionary<int, UnifyMember>(ids.Count);
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.Customers.AsNoTracking().Where(c => chunk.Contains(c.Id))
                .Select(c => new UnifyMember(c.Id, c.SourceId, c.FirstName, c.LastName, c.Email, c.Phone, c.PostalCode, c.City, c.CreatedAtUtc))
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                members[row.CustomerId] = row;
            }
        }
        return new UnifyPreview(result, members);
    }

    /// <summary>Merges, newest first.</summary>
    public async Task<IReadOnlyList<MergeHistoryRow>> HistoryAsync(int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.CustomerMerges.AsNoTracking().OrderByDescending(m => m.Id).Take(take)
            .Select(m => new MergeHistoryRow(m.Id, m.CustomerId, m.MergedAtUtc, m.MergedBy, m.Sources.Count, m.UndoneAtUtc, m.UndoneBy))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The source records the customer unifies (active merges into it), oldest merge first; empty when none.</summary>
    public async Task<IReadOnlyList<UnifiedSourceRow>> SourcesOfAsync(int customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.CustomerMergeSources.AsNoTracking()
            .Where(s => s.Merge!.CustomerId == customerId && s.Merge.UndoneAtUtc == null)
            .OrderBy(s => s.MergeId).ThenBy(s => s.OriginalCustomerId)
            .Select(s => new UnifiedSourceRow(s.MergeId, s.OriginalCustomerId, s.SourceId, s.FirstName, s.LastName, s.Email, s.Phone,
                s.PostalCode, s.City, s.CreatedAtUtc, s.Merge!.MergedAtUtc, s.ErasedSourceIdHash != null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The unified customer a merged record now belongs to (following merges of merges); null when it was not merged away.</summary>
    public async Task<int?> MergedIntoAsync(int originalCustomerId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        int? into = null;
        var id = originalCustomerId;
        for (var hop = 0; hop < 100; hop++)
        {
            var current = id;
            var next = await db.CustomerMergeSources.AsNoTracking()
                .Where(s => s.OriginalCustomerId == current && s.Merge!.UndoneAtUtc == null && s.Merge.CustomerId != current)
                .OrderByDescending(s => s.MergeId).Select(s => (int?)s.Merge!.CustomerId).FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                break;
            }
            into = id = next.Value;
        }
        return into;
    }
}

namespace CustomerInsight.Core.Unify;

/// <summary>The three match rules of metrics.md; their codes are those of <c>unify --json</c>'s <c>byRule</c>.</summary>
public enum MatchRule
{
    Email = 0,
    Phone = 1,
    NameAndPostalCode = 2,
}

/// <summary>One customer as the matcher sees it: its id, whether erased, and the raw fields the rules read.</summary>
public sealed record MatchCandidate(int CustomerId, bool Erased, string? Email, string? Phone, string? FirstName, string? LastName,
    string? PostalCode);

/// <summary>Evidence: rule <paramref name="Rule"/> links these two customers (same normalised key).</summary>
public sealed record MatchLink(int CustomerId, int OtherCustomerId, MatchRule Rule);

/// <summary>A match group (a connected component of two or more customers), members ascending, with its evidence.</summary>
public sealed record MatchGroup(IReadOnlyList<int> CustomerIds, IReadOnlyList<MatchLink> Links)
{
    /// <summary>The smallest member id: the customer that survives a merge (its links and id stay valid).</summary>
    public int SurvivorId => CustomerIds[0];
}

/// <param name="PairsByRule">Pairs of customers each rule links (a key shared by n customers links n(n−1)/2 pairs).</param>
public sealed record MatchResult(IReadOnlyList<MatchGroup> Groups, IReadOnlyDictionary<MatchRule, long> PairsByRule)
{
    public int Customers => Groups.Sum(g => g.CustomerIds.Count);
}

/// <summary>
/// Match groups of metrics.md as connected components: each rule's normalised keys are indexed in a dictionary
/// (the first customer seen with a key is its anchor) and union-find joins every later customer with the anchor,
/// so the work is linear in the number of customers, never a pairwise loop. Erased customers never match.
/// </summary>
public static class MatchGrouper
{
    private static readonly MatchRule[] Rules = [MatchRule.Email, MatchRule.Phone, MatchRule.NameAndPostalCode];

    public static MatchResult Group(IReadOnlyList<MatchCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var parent = new int[candidates.Count];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }
        var links = new List<(int A, int B, MatchRule Rule)>();
        var pairs = new Dictionary<MatchRule, long>();
        foreach (var rule in Rules)
        {
            var anchors = new Dictionary<string, (int Index, int Count)>(StringComparer.Ordinal);
            long rulePairs = 0;
            for (var i = 0; i < candidates.Count; i++)
            {
                var candidate = candidates[i];
                if (candidate.Erased || KeyOf(candidate, rule) is not { } key)
                {
                    continue;
                }
                if (anchors.TryGetValue(key, out var anchor))
                {
                    // The new customer pairs with each of the anchor's previous sharers.
                    rulePairs += anchor.Count;
                    anchors[key] = (anchor.Index, anchor.Count + 1);
                    links.Add((anchor.Index, i, rule));
                    Union(parent, anchor.Index, i);
                }
                else
                {
                    anchors[key] = (i, 1);
                }
            }
            pairs[rule] = rulePairs;
        }

        var members = new Dictionary<int, List<int>>();
        var groupLinks = new Dictionary<int, List<MatchLink>>();
        foreach (var (a, b, rule) in links)
        {
            var root = Find(parent, a);
            if (!groupLinks.TryGetValue(root, out var list))
            {
                groupLinks[root] = list = [];
            }
            list.Add(new MatchLink(candidates[a].CustomerId, candidates[b].CustomerId, rule));
        }
        for (var i = 0; i < candidates.Count; i++)
        {
            var root = Find(parent, i);
            if (groupLinks.ContainsKey(root))
            {
                if (!members.TryGetValue(root, out var list))
                {
                    members[root] = list = [];
                }
                list.Add(candidates[i].CustomerId);
            }
        }
        var groups = members
            .Select(m => new MatchGroup(
                m.Value.Order().ToArray(),
                groupLinks[m.Key].OrderBy(l => l.CustomerId).ThenBy(l => l.OtherCustomerId).ThenBy(l => l.Rule).ToArray()))
            .OrderBy(g => g.SurvivorId)
            .ToArray();
        return new MatchResult(groups, pairs);
    }

    /// <summary>The normalised key of one rule, or null when the customer gives none.</summary>
    public static string? KeyOf(MatchCandidate candidate, MatchRule rule)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return rule switch
        {
            MatchRule.Email => MatchKeys.Email(candidate.Email),
            MatchRule.Phone => MatchKeys.Phone(candidate.Phone),
            _ => MatchKeys.NameAndPostalCode(candidate.FirstName, candidate.LastName, candidate.PostalCode),
        };
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            // The smaller index stays root: deterministic, and keeps trees shallow with path halving.
            if (ra < rb)
            {
                parent[rb] = ra;
            }
            else
            {
                parent[ra] = rb;
            }
        }
    }
}

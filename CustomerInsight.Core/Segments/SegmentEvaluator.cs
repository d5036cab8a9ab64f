using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Sales;

namespace CustomerInsight.Core.Segments;

/// <summary>The customers of one segment at a date, with the segmentation version that placed them.</summary>
public sealed record SegmentCount(string Key, string Name, int Customers);

/// <summary>
/// Evaluates the rules of a segmentation over customers' facts: pure, no database, no clock. A customer is in the first
/// segment whose rules it meets; conditions on a missing value (no value fit: P(alive), CLV) are not met.
/// </summary>
public static class SegmentEvaluator
{
    /// <summary>Whether <paramref name="facts"/> meets the rules of <paramref name="segment"/>. A segment without groups matches nobody.</summary>
    public static bool Matches(SegmentDefinition segment, CustomerSegmentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(facts);
        if (segment.Groups.Count == 0)
        {
            return false;
        }
        return segment.Match == RuleMatch.All
            ? segment.Groups.All(g => Matches(g, facts))
            : segment.Groups.Any(g => Matches(g, facts));
    }

    public static bool Matches(SegmentRuleGroup group, CustomerSegmentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.Conditions.Count == 0)
        {
            return false;
        }
        return group.Match == RuleMatch.All
            ? group.Conditions.All(c => Matches(c, facts))
            : group.Conditions.Any(c => Matches(c, facts));
    }

    public static bool Matches(SegmentCondition condition, CustomerSegmentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(facts);
        var score = facts.Score;
        return condition.Field switch
        {
            SegmentField.RecencyScore => Compare(score.RecencyScore, condition),
            SegmentField.FrequencyScore => Compare(score.FrequencyScore, condition),
            SegmentField.MonetaryScore => Compare(score.MonetaryScore, condition),
            SegmentField.RecencyDays => Compare(score.Recency, condition),
            SegmentField.Orders => Compare(score.Frequency, condition),
            SegmentField.Monetary => Compare(score.Monetary, condition),
            // P(alive) is written in percent in a rule (P(alive) < 30), as the pages show it.
            SegmentField.PAlive => facts.PAlive is { } p && Compare((decimal)Math.Round(p * 100, 6), condition),
            SegmentField.Clv => facts.Clv is { } clv && Compare(clv, condition),
            SegmentField.Country => Is(string.Equals(facts.Country?.Trim(), condition.Value.Trim(), StringComparison.OrdinalIgnoreCase), condition),
            SegmentField.Channel => Enum.TryParse<Channel>(condition.Value, ignoreCase: true, out var channel)
                && Is(facts.BoughtOn(channel), condition),
            SegmentField.Consent => Enum.TryParse<ConsentPurpose>(condition.Value, ignoreCase: true, out var purpose)
                && Is(facts.Granted(purpose), condition),
            _ => false,
        };
    }

    /// <summary>For each customer, the index of its segment in <paramref name="definition"/> (first match), or -1.</summary>
    public static int Assign(SegmentationDefinition definition, CustomerSegmentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(definition);
        for (var i = 0; i < definition.Segments.Count; i++)
        {
            if (Matches(definition.Segments[i], facts))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Customers per segment, in the definition's order, and how many are in none.</summary>
    public static (IReadOnlyList<SegmentCount> Segments, int Unassigned) Count(SegmentationDefinition definition,
        IEnumerable<CustomerSegmentFacts> customers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(customers);
        var counts = new int[definition.Segments.Count];
        var none = 0;
        foreach (var c in customers)
        {
            var i = Assign(definition, c);
            if (i < 0)
            {
                none++;
            }
            else
            {
                counts[i]++;
            }
        }
        return (definition.Segments.Select((s, i) => new SegmentCount(s.Key, s.Name, counts[i])).ToArray(), none);
    }

    /// <summary>Ids of the customers placed in the segment <paramref name="key"/>, ascending; empty when it does not exist.</summary>
    public static int[] Members(SegmentationDefinition definition, string key, IEnumerable<CustomerSegmentFacts> customers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(customers);
        var index = definition.Segments.ToList().FindIndex(s => s.Key == key);
        if (index < 0)
        {
            return [];
        }
        var ids = customers.Where(c => Assign(definition, c) == index).Select(c => c.CustomerId).ToArray();
        Array.Sort(ids);
        return ids;
    }

    private static bool Compare(decimal actual, SegmentCondition condition)
    {
        if (!SegmentationDefinition.TryParseNumber(condition.Value, out var wanted))
        {
            return false;
        }
        return condition.Operator switch
        {
            RuleOperator.Equal => actual == wanted,
            RuleOperator.NotEqual => actual != wanted,
            RuleOperator.Less => actual < wanted,
            RuleOperator.LessOrEqual => actual <= wanted,
            RuleOperator.Greater => actual > wanted,
            RuleOperator.GreaterOrEqual => actual >= wanted,
            _ => false,
        };
    }

    private static bool Is(bool has, SegmentCondition condition) => condition.Operator switch
    {
        RuleOperator.Equal => has,
        RuleOperator.NotEqual => !has,
        _ => false,
    };
}

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
        return CompiledSegment.Of(segment).Matches(facts);
    }

    public static bool Matches(SegmentRuleGroup group, CustomerSegmentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(group);
        return CompiledGroup.Of(group).Matches(facts);
    }

    public static bool Matches(SegmentCondition condition, CustomerSegmentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return ParsedCondition.Of(condition).Matches(facts);
    }

    /// <summary>For each customer, the index of its segment in <paramref name="definition"/> (first match), or -1.</summary>
    public static int Assign(SegmentationDefinition definition, CustomerSegmentFacts facts) => Assigner(definition)(facts);

    /// <summary>
    /// <see cref="Assign"/> for many customers: the definition's condition values are parsed once here, not once per customer (at a
    /// million customers, parsing them for each took 270–550 ms per evaluation: bench/RESULTS.md).
    /// </summary>
    public static Func<CustomerSegmentFacts, int> Assigner(SegmentationDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var segments = definition.Segments.Select(CompiledSegment.Of).ToArray();
        return facts =>
        {
            for (var i = 0; i < segments.Length; i++)
            {
                if (segments[i].Matches(facts))
                {
                    return i;
                }
            }
            return -1;
        };
    }

    /// <summary>Customers per segment, in the definition's order, and how many are in none.</summary>
    public static (IReadOnlyList<SegmentCount> Segments, int Unassigned) Count(SegmentationDefinition definition,
        IEnumerable<CustomerSegmentFacts> customers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(customers);
        var counts = new int[definition.Segments.Count];
        var none = 0;
        var assign = Assigner(definition);
        foreach (var c in customers)
        {
            var i = assign(c);
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
    /// <remarks>
    /// Only the segments up to that one are checked. A facts table (the queries' answer) is read column by column, without putting
    /// each customer's facts together (their CLV in decimal); a million customers are evaluated in fixed slices on both cores.
    /// </remarks>
    public static int[] Members(SegmentationDefinition definition, string key, IReadOnlyList<CustomerSegmentFacts> customers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(customers);
        var index = definition.Segments.ToList().FindIndex(s => s.Key == key);
        if (index < 0)
        {
            return [];
        }
        var segments = definition.Segments.Take(index + 1).Select(CompiledSegment.Of).ToArray();
        var table = customers as SegmentFactsTable;
        var found = new List<int>[8];
        Value.LikelihoodSums.ForEachSlice(customers.Count, found.Length, (k, from, to) =>
        {
            found[k] = [];
            for (var i = from; i < to; i++)
            {
                if (table is not null ? FirstMatch(segments, table.Row(i)) == index : FirstMatch(segments, customers[i]) == index)
                {
                    found[k].Add(table?.IdAt(i) ?? customers[i].CustomerId);
                }
            }
        });
        int[] ids = [.. found.SelectMany(f => f)];
        Array.Sort(ids);
        return ids;
    }

    /// <summary>The index of the first of <paramref name="segments"/> whose rules <paramref name="row"/> meets, or -1.</summary>
    private static int FirstMatch<TRow>(CompiledSegment[] segments, TRow row)
        where TRow : ISegmentFactsRow
    {
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Matches(row))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>A rule (a segment, a group, a condition) ready to be checked against a customer's facts.</summary>
    private interface ICompiledRule
    {
        bool Matches<TRow>(TRow row)
            where TRow : ISegmentFactsRow;
    }

    /// <summary>
    /// Whether <paramref name="row"/> meets all (or any) of <paramref name="rules"/>; none when there are none. The rules are
    /// structs: each call is compiled for its rule and row types, no interface dispatch per customer.
    /// </summary>
    private static bool Combine<TRule, TRow>(RuleMatch match, TRule[] rules, TRow row)
        where TRule : struct, ICompiledRule
        where TRow : ISegmentFactsRow
    {
        var all = match == RuleMatch.All;
        foreach (var rule in rules)
        {
            if (rule.Matches(row) != all)
            {
                return !all;
            }
        }
        return all && rules.Length > 0;
    }

    /// <summary>A segment's groups, compiled: the segment matches nobody without groups.</summary>
    private readonly record struct CompiledSegment(RuleMatch Match, CompiledGroup[] Groups) : ICompiledRule
    {
        public static CompiledSegment Of(SegmentDefinition segment) => new(segment.Match, [.. segment.Groups.Select(CompiledGroup.Of)]);

        public bool Matches<TRow>(TRow row)
            where TRow : ISegmentFactsRow => Combine(Match, Groups, row);
    }

    /// <summary>A group's conditions, parsed: the group matches nobody without conditions.</summary>
    private readonly record struct CompiledGroup(RuleMatch Match, ParsedCondition[] Conditions) : ICompiledRule
    {
        public static CompiledGroup Of(SegmentRuleGroup group) => new(group.Match, [.. group.Conditions.Select(ParsedCondition.Of)]);

        public bool Matches<TRow>(TRow row)
            where TRow : ISegmentFactsRow => Combine(Match, Conditions, row);
    }

    /// <summary>
    /// A condition with its value parsed: a number, a country (trimmed), or the bit of a channel or a consent purpose. A value that
    /// does not parse makes a condition nobody meets.
    /// </summary>
    private readonly record struct ParsedCondition(SegmentField Field, RuleOperator Operator, bool Valid, decimal Number, int Bit, string Text)
        : ICompiledRule
    {
        /// <summary>The value in double, for <see cref="CompareEstimate"/>.</summary>
        private double Approximate { get; } = (double)Number;

        public static ParsedCondition Of(SegmentCondition c) => c.Field switch
        {
            SegmentField.Country => new(c.Field, c.Operator, true, 0, 0, c.Value.Trim()),
            SegmentField.Channel => Enum.TryParse<Channel>(c.Value, ignoreCase: true, out var channel)
                ? new(c.Field, c.Operator, true, 0, channel.Bit(), "") : Invalid(c),
            SegmentField.Consent => Enum.TryParse<ConsentPurpose>(c.Value, ignoreCase: true, out var purpose)
                ? new(c.Field, c.Operator, true, 0, CustomerSegmentFacts.ConsentBit(purpose), "") : Invalid(c),
            _ => SegmentationDefinition.TryParseNumber(c.Value, out var number) ? new(c.Field, c.Operator, true, number, 0, "") : Invalid(c),
        };

        private static ParsedCondition Invalid(SegmentCondition c) => new(c.Field, c.Operator, false, 0, 0, "");

        public bool Matches<TRow>(TRow row)
            where TRow : ISegmentFactsRow
        {
            if (!Valid)
            {
                return false;
            }
            return Field switch
            {
                SegmentField.RecencyScore => Compare(row.Score.RecencyScore),
                SegmentField.FrequencyScore => Compare(row.Score.FrequencyScore),
                SegmentField.MonetaryScore => Compare(row.Score.MonetaryScore),
                SegmentField.RecencyDays => Compare(row.Score.Recency),
                SegmentField.Orders => Compare(row.Score.Frequency),
                SegmentField.Monetary => Compare(row.Score.Monetary),
                // P(alive) is written in percent in a rule (P(alive) < 30), as the pages show it.
                SegmentField.PAlive => row.PAlive is { } p && CompareEstimate(Math.Round(p * 100, 6)),
                SegmentField.Clv => row.ClvEstimate is { } estimate ? CompareEstimate(estimate) : row.Clv is { } clv && Compare(clv),
                SegmentField.Country => Is(string.Equals(row.Country?.Trim(), Text, StringComparison.OrdinalIgnoreCase)),
                SegmentField.Channel or SegmentField.Consent => Is(((Field == SegmentField.Channel ? row.Channels : row.Consents) & Bit) != 0),
                _ => false,
            };
        }

        private bool Compare(decimal actual) => Outcome(actual.CompareTo(Number));

        /// <summary>
        /// <see cref="Compare(decimal)"/> of <paramref name="actual"/> in decimal (15 significant digits, 28 decimals at most), decided
        /// in double when it is farther from the value than that rounding could move it: a million P(alive) or CLV converted to decimal
        /// were most of an evaluation (bench/RESULTS.md).
        /// </summary>
        private bool CompareEstimate(double actual)
        {
            var margin = (1e-12 * Math.Max(Math.Abs(actual), Math.Abs(Approximate))) + 1e-27;
            return actual > Approximate + margin ? Outcome(1)
                : actual < Approximate - margin ? Outcome(-1)
                : Compare((decimal)actual);
        }

        /// <summary>Whether the operator holds for an actual value below (−1), equal to (0) or above (1) the condition's.</summary>
        private bool Outcome(int sign) => Operator switch
        {
            RuleOperator.Equal => sign == 0,
            RuleOperator.NotEqual => sign != 0,
            RuleOperator.Less => sign < 0,
            RuleOperator.LessOrEqual => sign <= 0,
            RuleOperator.Greater => sign > 0,
            RuleOperator.GreaterOrEqual => sign >= 0,
            _ => false,
        };

        private bool Is(bool has) => Operator switch
        {
            RuleOperator.Equal => has,
            RuleOperator.NotEqual => !has,
            _ => false,
        };
    }
}

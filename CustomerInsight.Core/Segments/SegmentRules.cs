using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerInsight.Core.Segments;

/// <summary>What a condition of a custom segment looks at (product.md page 11).</summary>
public enum SegmentField
{
    RecencyScore = 0,
    FrequencyScore = 1,
    MonetaryScore = 2,
    RecencyDays = 3,
    Orders = 4,
    Monetary = 5,
    Country = 6,
    Channel = 7,
    Consent = 8,
    PAlive = 9,
    Clv = 10,
}

/// <summary>How a condition compares. Country takes = and ≠; channel and consent take = ("has") and ≠ ("has not").</summary>
public enum RuleOperator
{
    Equal = 0,
    NotEqual = 1,
    Less = 2,
    LessOrEqual = 3,
    Greater = 4,
    GreaterOrEqual = 5,
}

/// <summary>How the members of a group (or the groups of a segment) combine.</summary>
public enum RuleMatch
{
    All = 0,
    Any = 1,
}

/// <summary>
/// One condition: <paramref name="Field"/> <paramref name="Operator"/> <paramref name="Value"/>. The value is text in the
/// invariant culture (a number, a country, a channel or a consent purpose name); it is never executed, only compared.
/// </summary>
public sealed record SegmentCondition(SegmentField Field, RuleOperator Operator, string Value);

/// <summary>Conditions combined by <paramref name="Match"/> (AND for All, OR for Any).</summary>
public sealed record SegmentRuleGroup(RuleMatch Match, IReadOnlyList<SegmentCondition> Conditions);

/// <summary>
/// One segment of a segmentation: a URL-stable <paramref name="Key"/> (kept across versions), a name and its groups,
/// combined by <paramref name="Match"/>: one level of nesting (AND of ORs, OR of ANDs…).
/// </summary>
public sealed record SegmentDefinition(string Key, string Name, RuleMatch Match, IReadOnlyList<SegmentRuleGroup> Groups);

/// <summary>
/// The segments of one version of a segmentation, in order: a customer belongs to the first segment whose rules it
/// meets (segments do not overlap, as RFM's do not); one meeting none is in no segment.
/// </summary>
public sealed record SegmentationDefinition(IReadOnlyList<SegmentDefinition> Segments)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public SegmentDefinition? Find(string key) => Segments.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.Ordinal));

    /// <summary>The stored form of a version (JSON: data only).</summary>
    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static SegmentationDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<SegmentationDefinition>(json, Json) ?? throw new FormatException("Empty segmentation definition.");

    /// <summary>Parses a number of a condition (invariant culture, '.' or ',' as the decimal separator).</summary>
    public static bool TryParseNumber(string? text, out decimal value) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture,
            out value);
}

using CustomerInsight.Core.Text;

namespace CustomerInsight.Core.Rfm;

/// <summary>The ten RFM segments, in the order of metrics.md (also the order of every list and export).</summary>
public enum RfmSegment
{
    Champions = 0,
    LoyalCustomers = 1,
    PotentialLoyalists = 2,
    NewCustomers = 3,
    Promising = 4,
    NeedAttention = 5,
    AboutToSleep = 6,
    AtRisk = 7,
    CantLoseThem = 8,
    Hibernating = 9,
}

/// <summary>Codes (interfaces.md) and display names (metrics.md) of the segments.</summary>
public static class RfmSegments
{
    /// <summary>All ten segments in metrics.md order.</summary>
    public static IReadOnlyList<RfmSegment> All { get; } = Enum.GetValues<RfmSegment>();

    private static readonly string[] Codes =
    [
        "champions", "loyal_customers", "potential_loyalists", "new_customers", "promising",
        "need_attention", "about_to_sleep", "at_risk", "cant_lose_them", "hibernating",
    ];

    /// <summary>The stable machine code, e.g. <c>loyal_customers</c> (JSON, CSV, configuration).</summary>
    public static string Code(this RfmSegment segment) => Codes[Index(segment)];

    /// <summary>The segment's name, resolved by the web project (<c>Rfm.Segment.</c> + its code).</summary>
    public static LocalizedText Name(this RfmSegment segment) => new("Rfm.Segment." + segment.Code());

    public static bool TryParseCode(string? code, out RfmSegment segment)
    {
        var index = Array.IndexOf(Codes, code?.Trim().ToLowerInvariant());
        segment = index < 0 ? default : (RfmSegment)index;
        return index >= 0;
    }

    public static RfmSegment ParseCode(string code) =>
        TryParseCode(code, out var segment)
            ? segment
            : throw new FormatException($"Unknown RFM segment code '{code}'. Expected one of: {string.Join(", ", Codes)}.");

    private static int Index(RfmSegment segment) =>
        (uint)segment < (uint)Codes.Length ? (int)segment : throw new ArgumentOutOfRangeException(nameof(segment), segment, null);
}

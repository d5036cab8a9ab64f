using System.Globalization;

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

    private static readonly string[] EnglishNames =
    [
        "Champions", "Loyal customers", "Potential loyalists", "New customers", "Promising",
        "Need attention", "About to sleep", "At risk", "Can't lose them", "Hibernating",
    ];

    private static readonly string[] FrenchNames =
    [
        "Champions", "Clients fidèles", "Fidèles potentiels", "Nouveaux clients", "Prometteurs",
        "À surveiller", "En voie d'endormissement", "À risque", "À ne pas perdre", "En hibernation",
    ];

    /// <summary>The stable machine code, e.g. <c>loyal_customers</c> (JSON, CSV, configuration).</summary>
    public static string Code(this RfmSegment segment) => Codes[Index(segment)];

    public static string EnglishName(this RfmSegment segment) => EnglishNames[Index(segment)];

    public static string FrenchName(this RfmSegment segment) => FrenchNames[Index(segment)];

    /// <summary>French for any French culture, English otherwise.</summary>
    public static string DisplayName(this RfmSegment segment, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "fr" ? segment.FrenchName() : segment.EnglishName();

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

namespace CustomerInsight.Web;

/// <summary>
/// The one way the web app reads and writes a day as text: <c>yyyy-MM-dd</c>, invariant culture (addresses, downloads,
/// audit details, the command line). A date typed into an address (<c>from</c>, <c>to</c>, <c>date</c>) must also
/// lie between <see cref="Min"/> and <see cref="Max"/>: outside that range the comparison periods, trends and
/// migrations computed from it would leave the calendar (year 1 minus a year), so it is refused like a malformed one.
/// </summary>
public static class IsoDate
{
    public const string Pattern = "yyyy-MM-dd";

    public static readonly DateOnly Min = new(1900, 1, 1);
    public static readonly DateOnly Max = new(2199, 12, 31);

    public static string RangeText => $"{Format(Min)} … {Format(Max)}";

    public static string Format(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);

    public static string? Format(DateOnly? date) => date is { } d ? Format(d) : null;

    /// <summary>Any valid <c>yyyy-MM-dd</c> day (stored texts, the command line); null otherwise.</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>A day typed into an address: <c>yyyy-MM-dd</c> within <see cref="Min"/>…<see cref="Max"/>; null otherwise.</summary>
    public static DateOnly? ParseQuery(string? text) => Parse(text) is { } date && date >= Min && date <= Max ? date : null;
}

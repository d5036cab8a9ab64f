using System.Globalization;

namespace CustomerInsight.Web;

/// <summary>
/// A date typed into an address (<c>from</c>, <c>to</c>, <c>date</c>): <c>yyyy-MM-dd</c> between
/// <see cref="Min"/> and <see cref="Max"/>. Outside that range the comparison periods, trends and migrations
/// computed from it would leave the calendar (year 1 minus a year): such a date is refused like a malformed one.
/// </summary>
public static class QueryDate
{
    public static readonly DateOnly Min = new(1900, 1, 1);
    public static readonly DateOnly Max = new(2199, 12, 31);

    public static string RangeText => $"{Min:yyyy-MM-dd} … {Max:yyyy-MM-dd}";

    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date >= Min && date <= Max
            ? date
            : null;
}

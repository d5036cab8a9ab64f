namespace CustomerInsight.Core.Sales;

/// <summary>
/// Turns order timestamps into instants and business dates. Timestamps without a zone are local
/// times of the business zone (interfaces.md), and days and months are those of that zone.
/// </summary>
public sealed class BusinessCalendar(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public static BusinessCalendar ForZone(string zoneId) => new(TimeZoneInfo.FindSystemTimeZoneById(zoneId));

    /// <summary>A local time of the business zone → its UTC instant (the later offset in an autumn overlap, the shifted time in a spring
    /// gap).</summary>
    public DateTime ToUtc(DateTime localTime)
    {
        var unspecified = DateTime.SpecifyKind(localTime, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
    }

    public DateOnly BusinessDateOf(DateTime utcInstant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcInstant, DateTimeKind.Utc), Zone));

    public static int MonthKey(DateOnly date) => (date.Year * 100) + date.Month;

    public static DateOnly MonthStart(int monthKey) => new(monthKey / 100, monthKey % 100, 1);
}

using System.Globalization;

namespace CustomerInsight.Web.Components.Pages.Privacy;

/// <summary>Instants of the privacy and audit pages: UTC (as stored and as audited), in the user's culture.</summary>
public static class PrivacyFormat
{
    public static string Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("g", CultureInfo.CurrentCulture);
}

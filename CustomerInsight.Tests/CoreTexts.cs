using CustomerInsight.Core.Text;

namespace CustomerInsight.Tests;

/// <summary>Core's text codes resolved as the app resolves them (the web project's CoreText.resx), for assertions.</summary>
public static class CoreTexts
{
    public static string French(this LocalizedText text) => text.For(CultureInfo.GetCultureInfo("fr-FR"));

    public static string English(this LocalizedText text) => text.For(CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>Report settings of a test, with the app's text resolver.</summary>
    public static ReportSettings Settings(string company, string currency, TimeZoneInfo zone, int lapsedAfterDays = KpiOptions.DefaultLapsedAfterDays,
        int minResponses = KpiOptions.DefaultMinResponses) =>
        new(company, currency, zone, lapsedAfterDays, minResponses) { Texts = ResxTextResolver.Instance };
}

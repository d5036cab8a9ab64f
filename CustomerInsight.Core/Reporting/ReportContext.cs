using System.Globalization;
using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Text;

namespace CustomerInsight.Core.Reporting;

/// <summary>
/// Who asks for a report and how it is shown: the audit and the title block name the user, labels and
/// number formats follow the culture (French or English), amounts carry the business currency.
/// </summary>
/// <param name="UserName">The signed-in user (web) or <c>cli:&lt;os user&gt;</c> (command line).</param>
/// <param name="IncludePersonalData">
/// Name, e-mail, phone and address columns. The caller enforces who may ask (admins only, on an
/// explicit option); exports carry pseudonymous keys otherwise.
/// </param>
public sealed record ReportRequester(string UserName, CultureInfo Culture, bool IncludePersonalData = false);

/// <summary>
/// Settings every report shares: the company shown in the title block, the currency of amounts, the
/// business time zone, the KPI settings (<c>Kpi:LapsedAfterDays</c>, <c>Kpi:MinResponses</c>), and the resolver of
/// the reports' texts (Core holds codes; the web project's <c>.resx</c> holds the words).
/// </summary>
public sealed record ReportSettings(string Company, string Currency, TimeZoneInfo TimeZone, int LapsedAfterDays = KpiOptions.DefaultLapsedAfterDays,
    int MinResponses = KpiOptions.DefaultMinResponses)
{
    public required ITextResolver Texts { get; init; }

    public const string DefaultCompany = "CustomerInsight";
}

/// <summary>What the writer needs to write a title block and format cells.</summary>
public sealed record ReportContext(ReportRequester Requester, ReportSettings Settings, DateTime GeneratedAtLocal)
{
    public CultureInfo Culture => Requester.Culture;

    public bool IsFrench => Culture.TwoLetterISOLanguageName != "en";

    /// <summary>A text of Core resolved in the report's culture (the web project's <c>.resx</c>).</summary>
    public string Text(LocalizedText text) => Settings.Texts.Resolve(text, Culture);

    /// <summary>The text of <paramref name="code"/> in the report's culture, <paramref name="arguments"/> formatted for it.</summary>
    public string Text(string code, params object?[] arguments) => Text(new LocalizedText(code, arguments));

    /// <summary>A UTC instant of the database in the business time zone (what the pages show).</summary>
    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Settings.TimeZone);

    public static ReportContext Create(ReportRequester requester, ReportSettings settings, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        var local = TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, settings.TimeZone);
        // Excel has no sub-second display here and a stable value reads back equal.
        return new ReportContext(requester, settings, local.AddTicks(-(local.Ticks % TimeSpan.TicksPerSecond)));
    }
}

/// <summary>The title block of a sheet: report name, period or analysis date, filters applied.</summary>
public sealed record ReportTitle(string ReportName, string Period, IReadOnlyList<ReportFilter> Filters);

/// <summary>One filter as shown in the title block, e.g. "Canal" = "Web".</summary>
public sealed record ReportFilter(string Name, string Value);

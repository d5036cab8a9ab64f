using CustomerInsight.Core.Dashboard;
using CustomerInsight.Web.Components.Shared;

namespace CustomerInsight.Web.Components.Pages.Dashboard;

/// <summary>
/// What each dashboard block says besides its figures: the filters it does not follow and why, a partial
/// comparison, and for an empty chart the sentence that replaces it. Every block follows the period, the
/// channel and the segment except where a note says otherwise; the survey kind filters satisfaction only.
/// </summary>
public sealed record DashboardNotes(
    IReadOnlyList<string> Cards,
    IReadOnlyList<string> Sales,
    string? SalesEmpty,
    IReadOnlyList<string> Satisfaction,
    string? SatisfactionEmpty,
    IReadOnlyList<string> Active,
    string? ActiveEmpty,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> Cohorts)
{
    public static DashboardNotes Create(DashboardData data, int minResponses, IStringLocalizer<DashboardText> text)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(text);
        var filter = data.Kpis.Filter;
        var culture = CultureInfo.CurrentCulture;
        var first = DisplayFormat.Date(data.TrendRange.Start);
        var last = DisplayFormat.Date(data.TrendRange.LastDay);

        // The survey kind only narrows survey responses: every sales block says it is not filtered by it.
        var kindIgnored = filter.SurveyKind is { } kind
            ? string.Format(culture, text["KindIgnored"], text["Kind_" + kind])
            : null;
        // The trend charts compare with last year when that mode is on; otherwise the cards' comparison is the one to mark.
        var coverage = data.LastYear is { } lastYear
            ? Mark(text["LastYearCoverage"], lastYear.Coverage, text)
            : Mark(text["ComparisonCoverage"], data.Kpis.PreviousCoverage, text);

        return new DashboardNotes(
            Cards: Of(filter.SurveyKind is { } k ? string.Format(culture, text["KindIgnoredCards"], text["Kind_" + k]) : null),
            Sales: Of(kindIgnored, coverage),
            SalesEmpty: DashboardCharts.IsEmpty(data.SalesTrend) ? string.Format(culture, text["EmptySales"], first, last) : null,
            Satisfaction: Of(string.Format(culture, text["HollowNote"], minResponses), coverage),
            SatisfactionEmpty: DashboardCharts.IsEmpty(data.SatisfactionTrend) ? string.Format(culture, text["EmptySatisfaction"], first,
                last) : null,
            Active: Of(kindIgnored, coverage),
            ActiveEmpty: DashboardCharts.HasNoActiveCustomers(data.SalesTrend) ? string.Format(culture, text["EmptyActive"], first, last) : null,
            Channels: Of(kindIgnored),
            Cohorts: Of(
                filter.Channel is { } channel ? string.Format(culture, text["CohortChannelIgnored"], text["Channel_" + channel]) : null,
                kindIgnored));
    }

    private static string? Mark(string format, double coverage, IStringLocalizer<DashboardText> text) =>
        KpiCard.CoverageText(coverage, text) is { } mark ? string.Format(CultureInfo.CurrentCulture, format, mark) : null;

    private static List<string> Of(params string?[] notes) => notes.OfType<string>().ToList();
}

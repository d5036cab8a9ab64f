using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Segments;
using CustomerInsight.Web.Components.Pages.Customers;

namespace CustomerInsight.Web;

/// <summary>
/// Every address the app links to with filters in it (as the Aspire dashboard's <c>DashboardUrls</c>): pages with
/// their filters and downloads with theirs, built one way (parameters escaped, days <see cref="IsoDate"/>, only
/// what differs from the defaults, always in the same order). The endpoints and pages read what these write.
/// </summary>
public static class AppUrls
{
    public const string CustomersPath = "/customers";
    public const string SegmentsPath = "/segments";
    public const string SatisfactionPath = "/satisfaction";
    public const string ThemeEditor = "/satisfaction/themes";

    /// <summary>The segments page's query keys: the analysis date and the migration's start.</summary>
    public const string SegmentsDateKey = "date", SegmentsFromKey = "from";

    /// <summary>The value and churn page and its query keys: the calibration end, the custom segmentation its value is shown by.</summary>
    public const string ValuePath = "/value", ValueEndKey = "end", ValueSegmentationKey = "segmentation";

    /// <summary>The value and churn page at a calibration end, with the value by segment of a custom segmentation when one is given.</summary>
    public static string Value(DateOnly calibrationEnd, string? segmentation = null) =>
        With(ValuePath, (ValueEndKey, IsoDate.Format(calibrationEnd)), (ValueSegmentationKey, segmentation));

    public static string Dashboard(FilterState state) => With("/", Filters(state));

    public static string Satisfaction(FilterState state) => With(SatisfactionPath, Filters(state));

    public static string ThemeComments(string key, FilterState state) => With($"{ThemeEditor}/{Uri.EscapeDataString(key)}", Filters(state));

    /// <summary>The segments page at an analysis date, with the migration's start when it is not the default.</summary>
    public static string Segments(DateOnly date, DateOnly? migrationFrom = null) =>
        With(SegmentsPath, (SegmentsDateKey, IsoDate.Format(date)), (SegmentsFromKey, IsoDate.Format(migrationFrom)));

    /// <summary>The customer list showing this view.</summary>
    public static string Customers(CustomerListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return With(CustomersPath,
            ("q", query.Search),
            ("segment", query.Segment?.Code()),
            ("date", IsoDate.Format(query.Date)),
            ("r", query.RecencyScore?.ToString(CultureInfo.InvariantCulture)),
            ("f", query.FrequencyScore?.ToString(CultureInfo.InvariantCulture)),
            ("country", query.Country),
            ("channel", query.Channel?.ToString().ToLowerInvariant()),
            ("lapsed", query.Lapsed switch { true => "yes", false => "no", null => null }),
            ("sort", query.Sort == CustomerSort.Id ? null : query.Sort.ToString().ToLowerInvariant()),
            ("desc", query.Descending ? "1" : null));
    }

    /// <summary>The customer list of a segment at a date (what a click on a segment's name opens).</summary>
    public static string SegmentCustomers(RfmSegment segment, DateOnly date) => Customers(new CustomerListQuery(Segment: segment, Date: date));

    /// <summary>The customer list of one R×F cell at a date (what a click on a cell of the grid opens): that cell, not its whole segment.</summary>
    public static string CellCustomers(int recencyScore, int frequencyScore, DateOnly date) =>
        Customers(new CustomerListQuery(Date: date, RecencyScore: recencyScore, FrequencyScore: frequencyScore));

    public static string Customer(int customerId) => $"{CustomersPath}/{customerId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The privacy page opened on the customer with this source id.</summary>
    public static string Privacy(string? sourceId) => With("/privacy", ("customer", sourceId ?? ""));

    /// <summary>
    /// The KPI workbook of the period <c>[from, end)</c>. In the URL, as in the dashboard's, <c>to</c> is the last day
    /// INCLUDED (<c>from=2011-12-01&amp;to=2011-12-31</c> is December); the segment is taken at <paramref name="end"/>.
    /// </summary>
    public static string KpiWorkbook(DateOnly from, DateOnly end, Channel? channel, RfmSegment? segment = null) =>
        With("/exports/kpi.xlsx", KpiParameters(from, end, channel, segment));

    /// <summary>
    /// The KPI workbook of a period as the dashboard shows it: a calendar month, quarter or year (or one of them to
    /// date) also carries <c>unit</c>, and the comparison mode <c>compare=last-year</c>, so the workbook compares with
    /// the same period as the page does.
    /// </summary>
    public static string KpiWorkbook(Period period, Channel? channel, RfmSegment? segment = null, ComparisonMode compare = ComparisonMode.Previous) =>
        KpiWorkbookFor(period, channel, segment?.Code(), compare);

    /// <summary>The KPI workbook filtered by an RFM segment code or a custom segment's <c>segmentation.segment</c> (the dashboard's
    /// <c>segment</c>).</summary>
    public static string KpiWorkbookFor(Period period, Channel? channel, string? segmentCode, ComparisonMode compare = ComparisonMode.Previous)
    {
        ArgumentNullException.ThrowIfNull(period);
        return With("/exports/kpi.xlsx", [
            .. KpiParameters(period.Start, period.End, channel, segmentCode),
            ("unit", period.IsCalendar ? period.Unit.ToString().ToLowerInvariant() : null),
            ("compare", compare == ComparisonMode.LastYear ? "last-year" : null)]);
    }

    /// <summary>The value and churn workbook at a calibration end (pseudonymous rows per customer: analysts and admins).</summary>
    public static string ClvWorkbook(DateOnly calibrationEnd) => With("/exports/clv.xlsx", ("end", IsoDate.Format(calibrationEnd)));

    public static string RfmWorkbook(DateOnly? date, bool personal = false) =>
        With("/exports/rfm.xlsx", ("date", IsoDate.Format(date)), ("personal", personal ? "true" : null));

    public static string OmocWorkbook(int projectId) => $"/exports/omoc/{projectId.ToString(CultureInfo.InvariantCulture)}.xlsx";

    public static string CustomerWorkbook(int customerId, bool personal = false) =>
        With($"/exports/customers/{customerId.ToString(CultureInfo.InvariantCulture)}.xlsx", ("personal", personal ? "true" : null));

    /// <summary>The JSON customer file of the customer with this internal id.</summary>
    public static string CustomerJson(int customerId) => $"/exports/customers/{customerId.ToString(CultureInfo.InvariantCulture)}.json";

    /// <summary>The custom segments page with a segmentation open (none: a new one).</summary>
    public static string CustomSegments(string? segmentationKey) => With(CustomSegmentsPath, (CustomSegmentsKey, segmentationKey));

    public const string CustomSegmentsPath = "/segments/custom";
    public const string CustomSegmentsKey = "segmentation";

    /// <summary>The audience of a custom segment for a consent purpose; identities only for an admin (the endpoint checks).</summary>
    public static string Audience(SegmentRef segment, ConsentPurpose purpose, AudienceFormat format, bool identities = false)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return With(format == AudienceFormat.Xlsx ? "/exports/audience.xlsx" : "/exports/audience.csv",
            ("segment", segment.ToString()), ("purpose", purpose.ToString()), ("identities", identities ? "true" : null));
    }

    /// <summary>The audit workbook of the entries the audit page shows with these filters (days UTC; <c>to</c> exclusive).</summary>
    public static string AuditWorkbook(AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return With("/exports/audit.xlsx",
            ("action", filter.Action?.Trim()),
            ("user", filter.UserName?.Trim()),
            ("from", filter.FromUtc is { } from ? IsoDate.Format(DateOnly.FromDateTime(from)) : null),
            ("to", filter.ToUtc is { } to ? IsoDate.Format(DateOnly.FromDateTime(to)) : null));
    }

    private static (string, string?)[] KpiParameters(DateOnly from, DateOnly end, Channel? channel, RfmSegment? segment) =>
        KpiParameters(from, end, channel, segment?.Code());

    private static (string, string?)[] KpiParameters(DateOnly from, DateOnly end, Channel? channel, string? segment) =>
    [
        ("from", IsoDate.Format(from)),
        ("to", IsoDate.Format(end.AddDays(-1))),
        ("channel", channel?.ToString()),
        ("segment", segment),
    ];

    private static (string, string?)[] Filters(FilterState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.ToQuery().Select(p => (p.Key, p.Value is null ? null : Convert.ToString(p.Value, CultureInfo.InvariantCulture))).ToArray();
    }

    /// <summary>The path with the parameters that have a value (an empty or null one is left out), escaped, in the given order.</summary>
    private static string With(string path, params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value!)}")
            .ToArray();
        return present.Length == 0 ? path : path + "?" + string.Join('&', present);
    }
}

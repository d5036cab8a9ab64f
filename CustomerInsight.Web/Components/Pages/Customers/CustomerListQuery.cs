using System.Globalization;
using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Sales;

namespace CustomerInsight.Web.Components.Pages.Customers;

/// <summary>
/// What the customer list shows, as its address says it (<c>/customers?q=…&amp;segment=…&amp;date=…&amp;r=…&amp;f=…&amp;country=…&amp;channel=…&amp;lapsed=yes|no&amp;sort=…&amp;desc=1</c>):
/// a view can be bookmarked and the back button returns to the previous one. Unknown or malformed values are ignored.
/// </summary>
public sealed record CustomerListQuery(
    string? Search = null,
    RfmSegment? Segment = null,
    DateOnly? Date = null,
    int? RecencyScore = null,
    int? FrequencyScore = null,
    string? Country = null,
    Channel? Channel = null,
    bool? Lapsed = null,
    CustomerSort Sort = CustomerSort.Id,
    bool Descending = false)
{
    public const string Path = "/customers";

    public static CustomerListQuery Parse(string? search, string? segment, string? date, string? r, string? f, string? country,
        string? channel, string? lapsed, string? sort, string? descending) => new(
        CustomerQueries.NormalizeSearch(search),
        RfmSegments.TryParseCode(segment, out var s) ? s : null,
        QueryDate.Parse(date),
        Score(r),
        Score(f),
        string.IsNullOrWhiteSpace(country) ? null : country.Trim(),
        Enum.TryParse<Channel>(channel, ignoreCase: true, out var c) && Enum.IsDefined(c) && !int.TryParse(channel, out _) ? c : null,
        lapsed switch { "yes" => true, "no" => false, _ => null },
        Enum.TryParse<CustomerSort>(sort, ignoreCase: true, out var o) && Enum.IsDefined(o) && !int.TryParse(sort, out _) ? o : CustomerSort.Id,
        descending == "1");

    /// <summary>The address of this view; only what differs from the defaults, always in the same order.</summary>
    public string ToHref()
    {
        var parts = new List<string>();
        Add("q", Search);
        Add("segment", Segment?.Code());
        Add("date", Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("r", RecencyScore?.ToString(CultureInfo.InvariantCulture));
        Add("f", FrequencyScore?.ToString(CultureInfo.InvariantCulture));
        Add("country", Country);
        Add("channel", Channel?.ToString().ToLowerInvariant());
        Add("lapsed", Lapsed switch { true => "yes", false => "no", null => null });
        Add("sort", Sort == CustomerSort.Id ? null : Sort.ToString().ToLowerInvariant());
        Add("desc", Descending ? "1" : null);
        return parts.Count == 0 ? Path : Path + "?" + string.Join('&', parts);

        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(key + "=" + Uri.EscapeDataString(value));
            }
        }
    }

    /// <summary>The filter of the list queries.</summary>
    public CustomerFilter ToFilter(int lapsedAfterDays) =>
        new(Search, Country, Channel, Lapsed, Segment, Date, lapsedAfterDays, RecencyScore, FrequencyScore);

    private static int? Score(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score is >= 1 and <= RfmGrid.Levels ? score : null;
}

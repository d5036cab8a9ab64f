using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Rfm;

namespace CustomerInsight.Web.Components.Pages.Customers;

/// <summary>
/// What the customer list shows, as its address says it
/// (<c>/customers?q=…&amp;segment=…&amp;date=…&amp;r=…&amp;f=…&amp;country=…&amp;channel=…</c>
/// <c>&amp;lapsed=yes|no&amp;sort=…&amp;desc=1</c>):
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
    public static CustomerListQuery Parse(string? search, string? segment, string? date, string? r, string? f, string? country,
        string? channel, string? lapsed, string? sort, string? descending) => new(
        CustomerQueries.NormalizeSearch(search),
        RfmSegments.TryParseCode(segment, out var s) ? s : null,
        IsoDate.ParseQuery(date),
        Score(r),
        Score(f),
        string.IsNullOrWhiteSpace(country) ? null : country.Trim(),
        Enum.TryParse<Channel>(channel, ignoreCase: true, out var c) && Enum.IsDefined(c) && !int.TryParse(channel, out _) ? c : null,
        lapsed switch { "yes" => true, "no" => false, _ => null },
        Enum.TryParse<CustomerSort>(sort, ignoreCase: true, out var o) && Enum.IsDefined(o) && !int.TryParse(sort, out _) ? o : CustomerSort.Id,
        descending == "1");

    /// <summary>The filter of the list queries.</summary>
    public CustomerFilter ToFilter(int lapsedAfterDays) =>
        new(Search, Country, Channel, Lapsed, Segment, Date, lapsedAfterDays, RecencyScore, FrequencyScore);

    private static int? Score(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score is >= 1 and <= RfmGrid.Levels ? score : null;
}

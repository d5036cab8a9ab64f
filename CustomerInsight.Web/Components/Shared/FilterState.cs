using CustomerInsight.Core.Dashboard;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Segments;
using CustomerInsight.Core.Surveys;

namespace CustomerInsight.Web.Components.Shared;

/// <summary>
/// The filters of the dashboard and the satisfaction page as they live in the URL query
/// (<c>?period=custom&amp;from=2026-01-01&amp;to=2026-03-31&amp;channel=web&amp;kind=relational&amp;segment=champions&amp;compare=last-year</c>),
/// so a view can be bookmarked. <c>to</c> is the LAST DAY INCLUDED, as the date picker ("Au (inclus)") and the
/// workbooks show it: <c>from=2011-12-01&amp;to=2011-12-31</c> is December 2011. <c>segment</c> is an RFM segment code
/// (interfaces.md), taken at the period's end (<see cref="KpiFilter.Segment"/>); <c>compare=last-year</c> compares
/// with the same period last year (absent: the previous period). A reversed custom range (<c>to</c> before
/// <c>from</c>) is kept and reported (<see cref="IsReversedRange"/>); other unknown or malformed values fall back
/// to the defaults rather than failing the page.
/// </summary>
/// <remarks><c>segment</c> may also be a custom segment's URL-stable id (<c>deux-profils.gros-acheteurs</c>, <see cref="CustomSegment"/>).</remarks>
public sealed record FilterState(PeriodPreset Preset, DateOnly? From = null, DateOnly? To = null, Channel? Channel = null,
    SurveyKind? SurveyKind = null, RfmSegment? Segment = null,
    ComparisonMode Compare = ComparisonMode.Previous, SegmentRef? CustomSegment = null)
{
    public const string PeriodKey = "period";
    public const string FromKey = "from";
    public const string ToKey = "to";
    public const string ChannelKey = "channel";
    public const string KindKey = "kind";
    public const string SegmentKey = "segment";
    public const string CompareKey = "compare";
    public const string LastYearCompareCode = "last-year";

    public static FilterState Default { get; } = new(PeriodPreset.Last30Days);

    private static readonly Dictionary<PeriodPreset, string> PresetCodes = new()
    {
        [PeriodPreset.Last30Days] = "last-30-days",
        [PeriodPreset.ThisMonth] = "this-month",
        [PeriodPreset.LastMonth] = "last-month",
        [PeriodPreset.ThisQuarter] = "this-quarter",
        [PeriodPreset.ThisYear] = "this-year",
        [PeriodPreset.LastYear] = "last-year",
        [PeriodPreset.Custom] = "custom",
    };

    /// <summary>True when the custom range is usable (both dates, the last day on or after the first).</summary>
    public bool HasValidCustomRange => From is { } f && To is { } t && t >= f;

    /// <summary>A custom range whose last day is before its first: the pages say so instead of showing figures.</summary>
    public bool IsReversedRange => Preset == PeriodPreset.Custom && From is { } f && To is { } t && t < f;

    public static string CodeOf(PeriodPreset preset) => PresetCodes[preset];

    public static FilterState FromQuery(string? period, string? from, string? to, string? channel, string? kind, string? segment = null,
        string? compare = null)
    {
        var preset = PresetCodes.FirstOrDefault(p => string.Equals(p.Value, period, StringComparison.OrdinalIgnoreCase)).Key;
        if (period is null || !PresetCodes.ContainsValue(period.ToLowerInvariant()))
        {
            preset = Default.Preset;
        }
        var state = new FilterState(preset, ParseDate(from), ParseDate(to), ParseEnum<Channel>(channel), ParseEnum<SurveyKind>(kind),
            RfmSegments.TryParseCode(segment, out var rfm) ? rfm : null,
            string.Equals(compare, LastYearCompareCode, StringComparison.OrdinalIgnoreCase) ? ComparisonMode.LastYear : ComparisonMode.Previous,
            SegmentRef.TryParse(segment, out var custom) ? custom : null);
        // A custom period with a missing date shows the default period; a reversed one is kept, to be reported.
        return state.Preset == PeriodPreset.Custom && !state.HasValidCustomRange
            && !state.IsReversedRange ? state with { Preset = Default.Preset } : state;
    }

    /// <summary>
    /// The period these filters mean, with presets relative to <paramref name="reference"/> (the latest sale date):
    /// a custom range is <c>[From, To + 1 day)</c>. A reversed range resolves to the default period (the pages show
    /// <see cref="IsReversedRange"/>'s message rather than its figures).
    /// </summary>
    public Period ResolvePeriod(DateOnly reference) =>
        Preset == PeriodPreset.Custom && HasValidCustomRange
            ? PeriodPresets.CreateCustom(From!.Value, To!.Value.AddDays(1))
            : PeriodPresets.Create(Preset == PeriodPreset.Custom ? Default.Preset : Preset, reference);

    public KpiFilter ToKpiFilter(DateOnly reference) => new(ResolvePeriod(reference), Channel, SurveyKind, CustomSegment is null ? Segment : null,
        Compare, CustomSegment);

    /// <summary>The <c>segment</c> value of the URL: a custom segment's id or an RFM segment's code; null: every customer.</summary>
    public string? SegmentCode => CustomSegment?.ToString() ?? Segment?.Code();

    /// <summary>These filters with the segment of a <c>segment</c> value (RFM code or custom id; anything else: none).</summary>
    public FilterState WithSegment(string? code) => this with
    {
        Segment = RfmSegments.TryParseCode(code, out var rfm) ? rfm : null,
        CustomSegment = SegmentRef.TryParse(code, out var custom) ? custom : null,
    };

    /// <summary>The query parameters of this state (null removes a parameter from the URL).</summary>
    public IReadOnlyDictionary<string, object?> ToQuery()
    {
        var custom = Preset == PeriodPreset.Custom;
        return new Dictionary<string, object?>
        {
            [PeriodKey] = CodeOf(Preset),
            [FromKey] = custom ? IsoDate.Format(From) : null,
            [ToKey] = custom ? IsoDate.Format(To) : null,
            [ChannelKey] = Channel?.ToString().ToLowerInvariant(),
            [KindKey] = SurveyKind?.ToString().ToLowerInvariant(),
            [SegmentKey] = SegmentCode,
            [CompareKey] = Compare == ComparisonMode.LastYear ? LastYearCompareCode : null,
        };
    }

    private static DateOnly? ParseDate(string? text) => IsoDate.ParseQuery(text);

    private static T? ParseEnum<T>(string? text)
        where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => string.Equals(v.ToString(), text, StringComparison.OrdinalIgnoreCase));
}

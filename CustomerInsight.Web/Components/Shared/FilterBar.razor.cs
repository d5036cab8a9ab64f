using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Segments;
using CustomerInsight.Core.Surveys;

namespace CustomerInsight.Web.Components.Shared;

/// <summary>
/// The one filter bar of the dashboard and the satisfaction page: period preset (or a custom
/// range), channel, survey kind, and on the dashboard the RFM segment. A change navigates to the same page with the new filters in the
/// URL query; the page reads them with [SupplyParameterFromQuery] and reloads, so every view is
/// a bookmarkable URL.
/// </summary>
public sealed partial class FilterBar
{
    private const string AllValue = "";

    [Inject]
    public required NavigationManager Navigation { get; set; }

    [Inject]
    public required IStringLocalizer<DashboardText> T { get; set; }

    /// <summary>The filters now in the URL.</summary>
    [Parameter, EditorRequired]
    public required FilterState Value { get; set; }

    /// <summary>The date presets are relative to (the latest sale date); null on an empty database.</summary>
    [Parameter]
    public DateOnly? ReferenceDate { get; set; }

    [Parameter]
    public bool ShowSurveyKind { get; set; } = true;

    /// <summary>The segment select: RFM segments and the custom segments of <see cref="CustomSegmentations"/>.</summary>
    [Parameter]
    public bool ShowSegment { get; set; }

    /// <summary>The custom segmentations (version in use) whose segments the segment select also lists.</summary>
    [Parameter]
    public IReadOnlyList<SegmentationInfo> CustomSegmentations { get; set; } = [];

    /// <summary>The comparison select (previous period or same period last year; the dashboard's).</summary>
    [Parameter]
    public bool ShowCompare { get; set; }

    /// <summary>The period the filters resolve to, shown under the controls (none for a reversed range).</summary>
    private Period? Period => ReferenceDate is { } reference && !Value.IsReversedRange ? Value.ResolvePeriod(reference) : null;

    /// <summary>The dates the pickers show: the URL's own for a custom range (even reversed), else the resolved period's.</summary>
    private DateTime? FromDate => (Value.IsReversedRange ? Value.From : Period?.Start)?.ToDateTime(TimeOnly.MinValue);

    private DateTime? LastDate => (Value.IsReversedRange ? Value.To : Period?.LastDay)?.ToDateTime(TimeOnly.MinValue);

    private string CompareValue => Value.Compare.ToString();

    private string ChannelValue => Value.Channel?.ToString() ?? AllValue;

    private string KindValue => Value.SurveyKind?.ToString() ?? AllValue;

    private string SegmentValue => Value.SegmentCode ?? AllValue;

    internal void OnPresetChanged(PeriodPreset preset)
    {
        if (preset == PeriodPreset.Custom)
        {
            // Start the custom range from what is on screen, so the figures do not jump.
            var shown = Period;
            Apply(Value with { Preset = preset, From = shown?.Start ?? Value.From, To = shown?.LastDay ?? Value.To });
            return;
        }
        Apply(Value with { Preset = preset, From = null, To = null });
    }

    /// <summary>A new first day keeps the last day shown; a last day before it is then reported as a reversed range.</summary>
    internal void OnFromChanged(DateTime? date)
    {
        if (date is null || LastDate is not { } last)
        {
            return;
        }
        Apply(Value with { Preset = PeriodPreset.Custom, From = DateOnly.FromDateTime(date.Value), To = DateOnly.FromDateTime(last) });
    }

    /// <summary>A new last day (included) keeps the first day shown.</summary>
    internal void OnLastDayChanged(DateTime? date)
    {
        if (date is null || FromDate is not { } first)
        {
            return;
        }
        Apply(Value with { Preset = PeriodPreset.Custom, From = DateOnly.FromDateTime(first), To = DateOnly.FromDateTime(date.Value) });
    }

    internal void OnCompareChanged(string? value) =>
        Apply(Value with { Compare = Enum.TryParse<ComparisonMode>(value, out var mode) && Enum.IsDefined(mode) ? mode : ComparisonMode.Previous });

    internal void OnChannelChanged(string? value) =>
        Apply(Value with { Channel = Enum.TryParse<Channel>(value, out var channel) && Enum.IsDefined(channel) ? channel : null });

    internal void OnKindChanged(string? value) =>
        Apply(Value with { SurveyKind = Enum.TryParse<SurveyKind>(value, out var kind) && Enum.IsDefined(kind) ? kind : null });

    internal void OnSegmentChanged(string? code) => Apply(Value.WithSegment(code));

    private void Apply(FilterState state)
    {
        if (state == Value)
        {
            return;
        }
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(state.ToQuery()));
    }
}

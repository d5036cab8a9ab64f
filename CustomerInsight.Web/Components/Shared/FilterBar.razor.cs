using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Surveys;
using CustomerInsight.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

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

    /// <summary>The RFM segment select (the dashboard's; the satisfaction page does not filter by segment).</summary>
    [Parameter]
    public bool ShowSegment { get; set; }

    /// <summary>The period the filters resolve to, shown under the controls.</summary>
    private Period? Period => ReferenceDate is { } reference ? Value.ResolvePeriod(reference) : null;

    private DateTime? FromDate => Period?.Start.ToDateTime(TimeOnly.MinValue);

    private DateTime? LastDate => Period?.LastDay.ToDateTime(TimeOnly.MinValue);

    private string ChannelValue => Value.Channel?.ToString() ?? AllValue;

    private string KindValue => Value.SurveyKind?.ToString() ?? AllValue;

    private string SegmentValue => Value.Segment?.Code() ?? AllValue;

    internal void OnPresetChanged(PeriodPreset preset)
    {
        if (preset == PeriodPreset.Custom)
        {
            // Start the custom range from what is on screen, so the figures do not jump.
            var shown = Period;
            Apply(Value with { Preset = preset, From = shown?.Start ?? Value.From, To = shown?.End ?? Value.To });
            return;
        }
        Apply(Value with { Preset = preset, From = null, To = null });
    }

    internal void OnFromChanged(DateTime? date)
    {
        if (date is null || Period is not { } period)
        {
            return;
        }
        var from = DateOnly.FromDateTime(date.Value);
        var to = period.End > from ? period.End : from.AddDays(1);
        Apply(Value with { Preset = PeriodPreset.Custom, From = from, To = to });
    }

    internal void OnLastDayChanged(DateTime? date)
    {
        if (date is null || Period is not { } period)
        {
            return;
        }
        var to = DateOnly.FromDateTime(date.Value).AddDays(1);
        var from = period.Start < to ? period.Start : to.AddDays(-1);
        Apply(Value with { Preset = PeriodPreset.Custom, From = from, To = to });
    }

    internal void OnChannelChanged(string? value) =>
        Apply(Value with { Channel = Enum.TryParse<Channel>(value, out var channel) && Enum.IsDefined(channel) ? channel : null });

    internal void OnKindChanged(string? value) =>
        Apply(Value with { SurveyKind = Enum.TryParse<SurveyKind>(value, out var kind) && Enum.IsDefined(kind) ? kind : null });

    internal void OnSegmentChanged(string? code) =>
        Apply(Value with { Segment = RfmSegments.TryParseCode(code, out var segment) ? segment : null });

    private void Apply(FilterState state)
    {
        if (state == Value)
        {
            return;
        }
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(state.ToQuery()));
    }
}

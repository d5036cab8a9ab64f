using System.Globalization;
using CustomerInsight.Core.Analytics;
using CustomerInsight.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CustomerInsight.Web.Components.Shared;

/// <summary>
/// The one KPI card: the figure, its previous-period value, and the change with an up/down
/// arrow coloured by whether that direction is good news for this KPI (green good, red bad).
/// Values arrive formatted; the change is formatted here by its kind (%, points, difference).
/// </summary>
public sealed partial class KpiCard
{
    [Inject]
    public required IStringLocalizer<DashboardText> T { get; set; }

    [Parameter, EditorRequired]
    public required string Title { get; set; }

    /// <summary>The formatted figure ("n.d." / "n/a" when undefined).</summary>
    [Parameter, EditorRequired]
    public required string Value { get; set; }

    /// <summary>The formatted figure of the previous period.</summary>
    [Parameter, EditorRequired]
    public required string Previous { get; set; }

    [Parameter, EditorRequired]
    public required KpiChange Change { get; set; }

    /// <summary>Decimals of a <see cref="KpiChangeKind.Difference"/> change (NPS 0, mean satisfaction 1).</summary>
    [Parameter]
    public int DifferenceDecimals { get; set; }

    /// <summary>Fewer responses than Kpi:MinResponses: shown, marked.</summary>
    [Parameter]
    public bool SmallSample { get; set; }

    [Parameter]
    public string? TestId { get; set; }

    internal Color ChangeColor => Change.IsGood switch
    {
        true => Color.Success,
        false => Color.Error,
        null => Color.Default,
    };

    private string? GoodAttribute => Change.IsGood switch
    {
        true => "good",
        false => "bad",
        null => "neutral",
    };

    private string? TrendIcon => Change.Trend switch
    {
        KpiTrend.Up => Icons.Material.Filled.ArrowUpward,
        KpiTrend.Down => Icons.Material.Filled.ArrowDownward,
        KpiTrend.Flat => Icons.Material.Filled.Remove,
        _ => null,
    };

    private string ChangeText => FormatChange(Change, DifferenceDecimals, T["Points"]);

    /// <summary>"+12,5 %" for amounts and counts, "+3,2 pts" for rates, "+4" for NPS; n.d./n/a when undefined.</summary>
    public static string FormatChange(KpiChange change, int differenceDecimals, string pointsUnit)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Value is not { } value)
        {
            return DisplayFormat.NotAvailable;
        }
        var culture = CultureInfo.CurrentCulture;
        var decimals = change.Kind == KpiChangeKind.Difference ? differenceDecimals : 1;
        var pattern = "+#,##0" + (decimals > 0 ? "." + new string('0', decimals) : "");
        string Signed(double v) => v.ToString(pattern + ";-" + pattern[1..] + ";" + pattern[1..], culture);
        return change.Kind switch
        {
            KpiChangeKind.Relative => Signed(value * 100) + "\u00a0%",
            KpiChangeKind.Points => Signed(value) + "\u00a0" + pointsUnit,
            _ => Signed(value),
        };
    }
}

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

    /// <summary>What the previous value is: the previous period or the same period last year.</summary>
    [Parameter]
    public ComparisonMode Compare { get; set; }

    /// <summary>
    /// Share (0–1) of the comparison period's days that have data (metrics.md). Below 1 the card says
    /// "partial (x % of days have data)"; at 0 it shows no change at all.
    /// </summary>
    [Parameter]
    public double Coverage { get; set; } = 1;

    [Parameter]
    public string? TestId { get; set; }

    /// <summary>The change shown: none when the comparison period has no data.</summary>
    private KpiChange Shown => PeriodCoverage.IsEmpty(Coverage) ? Change with { Value = null, Trend = null, IsGood = null } : Change;

    private string? CoverageState => PeriodCoverage.IsEmpty(Coverage) ? "none" : PeriodCoverage.IsPartial(Coverage) ? "partial" : null;

    private string? CoverageNote => CoverageText(Coverage, T);

    /// <summary>"partielle (8,5 % des jours ont des données)", "n.d. : aucune donnée…", or null at 100 %: the one wording of cards and
    /// charts.</summary>
    public static string? CoverageText(double coverage, IStringLocalizer<DashboardText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (PeriodCoverage.IsEmpty(coverage))
        {
            return text["ComparisonNone"];
        }
        return PeriodCoverage.IsPartial(coverage)
            ? string.Format(CultureInfo.CurrentCulture, text["ComparisonPartial"], DisplayFormat.Percent(coverage))
            : null;
    }

    internal Color ChangeColor => Shown.IsGood switch
    {
        true => Color.Success,
        false => Color.Error,
        null => Color.Default,
    };

    private string? GoodAttribute => Shown.IsGood switch
    {
        true => "good",
        false => "bad",
        null => "neutral",
    };

    private string? TrendIcon => Shown.Trend switch
    {
        KpiTrend.Up => Icons.Material.Filled.ArrowUpward,
        KpiTrend.Down => Icons.Material.Filled.ArrowDownward,
        KpiTrend.Flat => Icons.Material.Filled.Remove,
        _ => null,
    };

    private string ChangeText => FormatChange(Shown, DifferenceDecimals, T["Points"]);

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

using CustomerInsight.Core.Sales;
using CustomerInsight.Web.Components.Charts;
using CustomerInsight.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CustomerInsight.Web.Components.Pages.Home;

/// <summary>The overview: size of the base and net revenue per month over the last twelve months of data.</summary>
public sealed partial class Home
{
    private Overview? overview;
    private ChartConfig? chart;

    [Inject]
    public required OverviewQueries Queries { get; set; }

    [Inject]
    public required DisplayFormat Format { get; set; }

    [Inject]
    public required IStringLocalizer<SharedText> T { get; set; }

    protected override async Task OnInitializedAsync()
    {
        overview = await Queries.GetAsync();
        chart = overview.LatestSaleDate is null ? null : BuildChart(overview, T["NetRevenue"], Format.Currency);
    }

    internal static ChartConfig BuildChart(Overview overview, string seriesLabel, string currency) => new(
        ChartType.Bar,
        new ChartData(
            overview.LastTwelveMonths.Select(m => DisplayFormat.Month(m.Month)).ToList(),
            [new ChartDataset(seriesLabel)
            {
                Values = overview.LastTwelveMonths.Select(m => (double?)m.NetRevenue).ToList(),
                BackgroundColor = ChartPalette.At(0),
            }]),
        new ChartOptions
        {
            Plugins = new ChartPlugins(Legend: new ChartLegend(Display: false)),
            Scales = new Dictionary<string, ChartScale> { ["y"] = new() { BeginAtZero = true } },
            ValueFormat = new ValueFormat(System.Globalization.CultureInfo.CurrentCulture.Name,
                new Dictionary<string, AxisFormat> { ["y"] = new("currency", currency, 0) }),
        });
}

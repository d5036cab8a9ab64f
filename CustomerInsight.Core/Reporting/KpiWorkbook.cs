using System.Text.Json;
using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Dashboard;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Surveys;

namespace CustomerInsight.Core.Reporting;

/// <summary>Everything the executive KPI report shows, already computed by <see cref="KpiQueries"/> and <see cref="SatisfactionQueries"/>.</summary>
public sealed record KpiReportData(
    SalesKpiComparison Sales,
    SatisfactionKpis CurrentSatisfaction,
    SatisfactionKpis PreviousSatisfaction,
    IReadOnlyList<MonthlySales> Trend,
    IReadOnlyList<MonthlySatisfaction> SatisfactionTrend,
    CohortMatrix Cohorts,
    IReadOnlyList<ChannelSales> SalesByChannel,
    IReadOnlyList<ChannelSatisfaction> SatisfactionByChannel,
    IReadOnlyList<KindSatisfaction> SatisfactionByKind,
    int MinResponses,
    SegmentScope? Segment = null,
    Surveys.Themes.ThemeOverview? Themes = null,
    Segments.SegmentMembers? CustomSegment = null);

/// <summary>
/// The executive KPI report: KPIs with previous period and change, monthly trend, sales by channel,
/// cohort retention, satisfaction by channel and kind. Figures are written unrounded, as
/// <c>kpi --json</c> prints them; the number formats round the display only.
/// </summary>
public static class KpiWorkbook
{
    /// <summary>One line of the KPI sheet: a figure of both periods and its change.</summary>
    public sealed record KpiLine(string Code, string Label, CellFormat Format, object? Current, object? Previous, KpiChange? Change);

    public static int Write(ExcelReportWriter writer, ReportContext context, KpiReportData data)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(data);
        var sales = data.Sales;
        // The sales by channel and the cohorts ignore the channel filter, not the segment's.
        var segmentFilters = new List<ReportFilter>();
        if (data.Segment is { } segment)
        {
            // The segment is a fixed set of customers scored at the period's end (see KpiFilter.Segment).
            segmentFilters.Add(new ReportFilter(
                context.Text("Report.RFMSegment"),
                string.Format(context.Culture, context.Text("Report.AtCustomers"),
                    context.Of(segment.Segment), context.Date(segment.AnalysisDate), segment.Customers)));
            segmentFilters.Add(context.RfmVersion(segment.RfmSettings));
        }
        if (data.CustomSegment is { } custom)
        {
            // A custom segment: the version in use placed the customers at the period's end; the sheet names it.
            segmentFilters.Add(new ReportFilter(
                context.Text("Report.Segment"),
                string.Format(context.Culture, context.Text("Report.AtCustomers"),
                    custom.SegmentName, context.Date(custom.AnalysisDate), custom.CustomerIds.Length)));
            segmentFilters.Add(new ReportFilter(
                context.Text("Report.Segmentation"),
                context.Text("Report.SegmentationVersion", custom.SegmentationName, custom.Version)));
        }
        // Every sheet says what the period is compared with and, below 100 %, how much of it has data.
        segmentFilters.Add(new ReportFilter(context.Text("Report.Comparison"), ComparisonText(context, sales)));
        IReadOnlyList<ReportFilter> filters = sales.Channel is { } channel
            ? [new ReportFilter(context.Text("Report.Channel"), context.Of(channel)), .. segmentFilters]
            : segmentFilters;
        var comparisonName = sales.Mode == ComparisonMode.LastYear
            ? context.Text("Report.SamePeriodLastYear")
            : context.Text("Report.PreviousPeriod");
        var period = $"{context.Range(sales.Period.Start, sales.Period.LastDay)} ({comparisonName} {context.Range(sales.PreviousPeriod.Start,
            sales.PreviousPeriod.LastDay)})";
        ReportTitle Title(string code) => new(context.Text(code), period, filters);

        var rows = 0;
        rows += writer.AddTable(context.Text("Report.KPIs"), Title("Report.KeyPerformanceIndicators"), KpiColumns(context), Lines(context, data));

        rows += writer.AddTable(context.Text("Report.MonthlyTrend"), Title("Report.MonthlyTrend"),
            TrendColumns(context, data),
            data.Trend);

        rows += writer.AddTable(context.Text("Report.SalesByChannel"),
            new ReportTitle(context.Text("Report.SalesByChannel"), context.Range(sales.Period.Start, sales.Period.LastDay), segmentFilters),
            [
                new ReportColumn<ChannelSales>(context.Text("Report.Channel"), CellFormat.Text, c => context.Of(c.Channel)),
                .. TotalsColumns<ChannelSales>(context, c => c.Totals),
            ],
            data.SalesByChannel);

        rows += writer.AddTable(context.Text("Report.Cohorts"),
            new ReportTitle(context.Text("Report.CohortRetentionShareOfCustomersActive"), period, segmentFilters),
            CohortColumns(context, data.Cohorts),
            data.Cohorts.Rows);

        var satisfaction = data.SatisfactionByChannel
            .Select(c => (Dimension: context.Text("Report.Channel"), Value: context.Of(c.Channel),
                Kpis: SatisfactionCalculator.Calculate(c.Facts, data.MinResponses)))
            .Concat(data.SatisfactionByKind.Select(k => (Dimension: context.Text("Report.SurveyKind"), Value: context.Of(k.Kind),
                Kpis: SatisfactionCalculator.Calculate(k.Facts, data.MinResponses))))
            .ToList();
        rows += writer.AddTable(context.Text("Report.Satisfaction"),
            new ReportTitle(context.Text("Report.SatisfactionByChannelAndSurveyKind"), context.Range(sales.Period.Start, sales.Period.LastDay),
                filters),
            [
                new(context.Text("Report.Dimension"), CellFormat.Text, s => s.Dimension),
                new(context.Text("Report.Value"), CellFormat.Text, s => s.Value),
                .. SatisfactionColumns<(string Dimension, string Value, SatisfactionKpis Kpis)>(context, s => s.Kpis),
            ],
            satisfaction);

        if (data.Themes is { } themes)
        {
            rows += KpiThemeSheet.Write(writer, context, themes, period, filters);
        }
        return rows;
    }

    /// <summary>
    /// The comparison's mode and coverage in words (metrics.md): "partielle (8,5 % des jours ont des données)" below
    /// 100 %, "n.d. : aucune donnée" at 0 % (no change is then written), else "complète".
    /// </summary>
    public static string ComparisonText(ReportContext context, SalesKpiComparison sales)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sales);
        var mode = sales.Mode == ComparisonMode.LastYear
            ? context.Text("Report.SamePeriodLastYear")
            : context.Text("Report.PreviousPeriod");
        var coverage = sales.PreviousCoverage;
        var state = PeriodCoverage.IsEmpty(coverage)
            ? context.Text("Report.NANoDataInThe")
            : PeriodCoverage.IsPartial(coverage)
                ? string.Format(context.Culture, context.Text("Report.PartialOfDaysHaveData"),
                    (coverage * 100).ToString("0.#", context.Culture))
                : context.Text("Report.Complete");
        return $"{mode}, {state}";
    }

    /// <summary>The lines of the KPI sheet, in the order and with the codes of <c>kpi --json</c>; no change when the comparison has no
    /// data.</summary>
    public static IReadOnlyList<KpiLine> Lines(ReportContext context, KpiReportData data)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(data);
        var lines = AllLines(context, data);
        return PeriodCoverage.IsEmpty(data.Sales.PreviousCoverage) ? lines.Select(l => l with { Change = null }).ToList() : lines;
    }

    private static IReadOnlyList<KpiLine> AllLines(ReportContext context, KpiReportData data)
    {
        var c = data.Sales.Current;
        var p = data.Sales.Previous;
        var cs = data.CurrentSatisfaction;
        var ps = data.PreviousSatisfaction;
        // A sales KPI's line: its code is its name in camelCase (as kpi --json writes it), its label the text "Report.<name>".
        KpiLine Line(Kpi kpi, CellFormat format, object? current, object? previous, KpiChange change) =>
            new(JsonNamingPolicy.CamelCase.ConvertName(Enum.GetName(kpi)!), context.Text($"Report.{kpi}"), format, current, previous, change);
        KpiLine Count(Kpi kpi, Func<SalesKpis, long> value) =>
            Line(kpi, CellFormat.Integer, value(c), value(p), KpiChange.Of(kpi, value(c), (decimal)value(p)));
        KpiLine Money(Kpi kpi, Func<SalesKpis, decimal?> value) =>
            Line(kpi, CellFormat.Money, value(c), value(p), KpiChange.Of(kpi, value(c), value(p)));
        KpiLine Rate(Kpi kpi, CellFormat format, Func<SalesKpis, double?> value) =>
            Line(kpi, format, value(c), value(p), KpiChange.Of(kpi, value(c), value(p)));
        return
        [
            Count(Kpi.Orders, k => k.Orders),
            Money(Kpi.GrossSales, k => k.GrossSales),
            Money(Kpi.Returns, k => k.Returns),
            Money(Kpi.NetRevenue, k => k.NetRevenue),
            Money(Kpi.AverageBasket, k => k.AverageBasket),
            Count(Kpi.ActiveCustomers, k => k.ActiveCustomers),
            Count(Kpi.NewCustomers, k => k.NewCustomers),
            Rate(Kpi.PurchaseFrequency, CellFormat.Decimal2, k => k.PurchaseFrequency),
            Rate(Kpi.RepeatPurchaseRate, CellFormat.Percent, k => k.RepeatPurchaseRate),
            Rate(Kpi.RetentionRate, CellFormat.Percent, k => k.RetentionRate),
            Rate(Kpi.ChurnRate, CellFormat.Percent, k => k.ChurnRate),
            Count(Kpi.LapsedCustomers, k => k.LapsedCustomers),
            new("nps", "NPS", CellFormat.Decimal1, cs.Nps, ps.Nps, KpiChange.Of(Kpi.Nps, cs.Nps, ps.Nps)),
            new("npsResponses", context.Text("Report.NPSResponses"), CellFormat.Integer, cs.NpsResponses, ps.NpsResponses, null),
            new("npsMarginOfError", context.Text("Report.NPSMarginOfErrorPoints"), CellFormat.Decimal1, cs.NpsMarginOfError, ps.NpsMarginOfError,
                null),
            new("csat", "CSAT", CellFormat.Percent, cs.Csat, ps.Csat, KpiChange.Of(Kpi.Csat, cs.Csat, ps.Csat)),
            new("csatResponses", context.Text("Report.CSATResponses"), CellFormat.Integer, cs.CsatResponses, ps.CsatResponses, null),
            new("meanSatisfaction", context.Text("Report.MeanSatisfaction15"), CellFormat.Decimal2, cs.MeanSatisfaction, ps.MeanSatisfaction,
                KpiChange.Of(Kpi.MeanSatisfaction, cs.MeanSatisfaction, ps.MeanSatisfaction)),
        ];
    }

    private static ReportColumn<KpiLine>[] KpiColumns(ReportContext context) =>
    [
        new(context.Text("Report.Indicator"), CellFormat.Text, l => l.Label),
        new(context.Text("Report.Period"), CellFormat.Decimal2, l => l.Current, l => l.Format),
        new(context.Text("Report.ComparisonPeriod"), CellFormat.Decimal2, l => l.Previous, l => l.Format),
        new(context.Text("Report.Change"), CellFormat.Decimal1, l => l.Change?.Value,
            l => l.Change?.Kind == KpiChangeKind.Relative ? CellFormat.Percent : CellFormat.Decimal1),
        new(context.Text("Report.ChangeUnit"), CellFormat.Text, l => l.Change is null ? null : l.Change.Kind switch
        {
            KpiChangeKind.Relative => "%",
            KpiChangeKind.Points => context.Text("Report.Points"),
            _ => context.Text("Report.Difference"),
        }),
        new(context.Text("Report.Code"), CellFormat.Text, l => l.Code),
    ];

    private static ReportColumn<MonthlySales>[] TrendColumns(ReportContext context, KpiReportData data)
    {
        var satisfaction = data.SatisfactionTrend.ToDictionary(m => m.Month, m => SatisfactionCalculator.Calculate(m.Facts, data.MinResponses));
        SatisfactionKpis Of(MonthlySales m) => satisfaction.GetValueOrDefault(m.Month) ?? SatisfactionCalculator.Calculate(SatisfactionFacts.Empty,
            data.MinResponses);
        return
        [
            new(context.Text("Report.Month"), CellFormat.Month, m => BusinessCalendar.MonthStart(m.Month)),
            .. TotalsColumns<MonthlySales>(context, m => m.Totals),
            new("NPS", CellFormat.Decimal1, m => Of(m).Nps),
            new(context.Text("Report.NPSResponses"), CellFormat.Integer, m => Of(m).NpsResponses),
            new("CSAT", CellFormat.Percent, m => Of(m).Csat),
        ];
    }

    private static ReportColumn<T>[] TotalsColumns<T>(ReportContext context, Func<T, SalesTotals> totals) =>
    [
        new(context.Text("Report.Orders"), CellFormat.Integer, r => totals(r).Orders),
        new(context.Text("Report.GrossSales"), CellFormat.Money, r => totals(r).GrossSales),
        new(context.Text("Report.Returns"), CellFormat.Money, r => totals(r).Returns),
        new(context.Text("Report.NetRevenue"), CellFormat.Money, r => totals(r).NetRevenue),
        new(context.Text("Report.AverageBasket"), CellFormat.Money, r => totals(r).AverageBasket),
        new(context.Text("Report.ActiveCustomers"), CellFormat.Integer, r => totals(r).ActiveCustomers),
    ];

    private static ReportColumn<T>[] SatisfactionColumns<T>(ReportContext context, Func<T, SatisfactionKpis> kpis) =>
    [
        new(context.Text("Report.NPSResponses"), CellFormat.Integer, r => kpis(r).NpsResponses),
        new("NPS", CellFormat.Decimal1, r => kpis(r).Nps),
        new(context.Text("Report.MarginOfErrorPoints"), CellFormat.Decimal1, r => kpis(r).NpsMarginOfError),
        new(context.Text("Report.CSATResponses"), CellFormat.Integer, r => kpis(r).CsatResponses),
        new("CSAT", CellFormat.Percent, r => kpis(r).Csat),
        new(context.Text("Report.MeanSatisfaction15"), CellFormat.Decimal2, r => kpis(r).MeanSatisfaction),
        new(context.Text("Report.SmallSample"), CellFormat.Text, r => kpis(r).IsNpsSmallSample || kpis(r).IsCsatSmallSample),
    ];

    private static List<ReportColumn<CohortRow>> CohortColumns(ReportContext context, CohortMatrix matrix)
    {
        var columns = new List<ReportColumn<CohortRow>>
        {
            new(context.Text("Report.Cohort"), CellFormat.Month, r => BusinessCalendar.MonthStart(r.CohortMonth)),
            new(context.Text("Report.Customers"), CellFormat.Integer, r => r.Customers),
        };
        for (var k = 0; k < matrix.MonthColumns; k++)
        {
            var offset = k;
            columns.Add(new($"M+{offset}", CellFormat.Percent, r => offset < r.Retention.Count ? r.Retention[offset] : null));
        }
        return columns;
    }
}

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
                context.Text("Segment RFM", "RFM segment"),
                string.Format(context.Culture, context.Text("{0} au {1} ({2} clients)", "{0} at {1} ({2} customers)"),
                    context.Of(segment.Segment), context.Date(segment.AnalysisDate), segment.Customers)));
            segmentFilters.Add(context.RfmVersion(segment.RfmSettings));
        }
        if (data.CustomSegment is { } custom)
        {
            // A custom segment: the version in use placed the customers at the period's end; the sheet names it.
            segmentFilters.Add(new ReportFilter(
                context.Text("Segment", "Segment"),
                string.Format(context.Culture, context.Text("{0} au {1} ({2} clients)", "{0} at {1} ({2} customers)"),
                    custom.SegmentName, context.Date(custom.AnalysisDate), custom.CustomerIds.Length)));
            segmentFilters.Add(new ReportFilter(
                context.Text("Segmentation", "Segmentation"),
                string.Format(context.Culture, context.Text("{0}, version {1}", "{0}, version {1}"), custom.SegmentationName, custom.Version)));
        }
        // Every sheet says what the period is compared with and, below 100 %, how much of it has data.
        segmentFilters.Add(new ReportFilter(context.Text("Comparaison", "Comparison"), ComparisonText(context, sales)));
        IReadOnlyList<ReportFilter> filters = sales.Channel is { } channel
            ? [new ReportFilter(context.Text("Canal", "Channel"), context.Of(channel)), .. segmentFilters]
            : segmentFilters;
        var comparisonName = sales.Mode == ComparisonMode.LastYear
            ? context.Text("même période l'an dernier", "same period last year")
            : context.Text("période précédente", "previous period");
        var period = $"{context.Range(sales.Period.Start, sales.Period.LastDay)} ({comparisonName} {context.Range(sales.PreviousPeriod.Start, sales.PreviousPeriod.LastDay)})";
        ReportTitle Title(string french, string english) => new(context.Text(french, english), period, filters);

        var rows = 0;
        rows += writer.AddTable(context.Text("Indicateurs", "KPIs"), Title("Indicateurs clés", "Key performance indicators"), KpiColumns(context), Lines(context, data));

        rows += writer.AddTable(context.Text("Tendance mensuelle", "Monthly trend"), Title("Tendance mensuelle", "Monthly trend"),
            TrendColumns(context, data),
            data.Trend);

        rows += writer.AddTable(context.Text("Ventes par canal", "Sales by channel"),
            new ReportTitle(context.Text("Ventes par canal", "Sales by channel"), context.Range(sales.Period.Start, sales.Period.LastDay), segmentFilters),
            [
                new ReportColumn<ChannelSales>(context.Text("Canal", "Channel"), CellFormat.Text, c => context.Of(c.Channel)),
                .. TotalsColumns<ChannelSales>(context, c => c.Totals),
            ],
            data.SalesByChannel);

        rows += writer.AddTable(context.Text("Cohortes", "Cohorts"),
            new ReportTitle(context.Text("Rétention par cohorte (part des clients actifs au mois M+k)", "Cohort retention (share of customers active in month M+k)"), period, segmentFilters),
            CohortColumns(context, data.Cohorts),
            data.Cohorts.Rows);

        var satisfaction = data.SatisfactionByChannel
            .Select(c => (Dimension: context.Text("Canal", "Channel"), Value: context.Of(c.Channel), Kpis: SatisfactionCalculator.Calculate(c.Facts, data.MinResponses)))
            .Concat(data.SatisfactionByKind.Select(k => (Dimension: context.Text("Type d'enquête", "Survey kind"), Value: context.Of(k.Kind), Kpis: SatisfactionCalculator.Calculate(k.Facts, data.MinResponses))))
            .ToList();
        rows += writer.AddTable(context.Text("Satisfaction", "Satisfaction"),
            new ReportTitle(context.Text("Satisfaction par canal et par type d'enquête", "Satisfaction by channel and survey kind"), context.Range(sales.Period.Start, sales.Period.LastDay), filters),
            [
                new(context.Text("Dimension", "Dimension"), CellFormat.Text, s => s.Dimension),
                new(context.Text("Valeur", "Value"), CellFormat.Text, s => s.Value),
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
            ? context.Text("même période l'an dernier", "same period last year")
            : context.Text("période précédente", "previous period");
        var coverage = sales.PreviousCoverage;
        var state = PeriodCoverage.IsEmpty(coverage)
            ? context.Text("n.d. : aucune donnée sur la période de comparaison, aucune évolution", "n/a: no data in the comparison period, no change")
            : PeriodCoverage.IsPartial(coverage)
                ? string.Format(context.Culture, context.Text("partielle ({0}\u00a0% des jours ont des données)", "partial ({0}\u00a0% of days have data)"),
                    (coverage * 100).ToString("0.#", context.Culture))
                : context.Text("complète", "complete");
        return $"{mode}, {state}";
    }

    /// <summary>The lines of the KPI sheet, in the order and with the codes of <c>kpi --json</c>; no change when the comparison has no data.</summary>
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
        return
        [
            new("orders", context.Text("Commandes", "Orders"), CellFormat.Integer, c.Orders, p.Orders, KpiChange.Of(Kpi.Orders, c.Orders, (decimal)p.Orders)),
            new("grossSales", context.Text("Ventes brutes", "Gross sales"), CellFormat.Money, c.GrossSales, p.GrossSales, KpiChange.Of(Kpi.GrossSales, c.GrossSales, p.GrossSales)),
            new("returns", context.Text("Retours", "Returns"), CellFormat.Money, c.Returns, p.Returns, KpiChange.Of(Kpi.Returns, c.Returns, p.Returns)),
            new("netRevenue", context.Text("Chiffre d'affaires net", "Net revenue"), CellFormat.Money, c.NetRevenue, p.NetRevenue, KpiChange.Of(Kpi.NetRevenue, c.NetRevenue, p.NetRevenue)),
            new("averageBasket", context.Text("Panier moyen", "Average basket"), CellFormat.Money, c.AverageBasket, p.AverageBasket, KpiChange.Of(Kpi.AverageBasket, c.AverageBasket, p.AverageBasket)),
            new("activeCustomers", context.Text("Clients actifs", "Active customers"), CellFormat.Integer, c.ActiveCustomers, p.ActiveCustomers, KpiChange.Of(Kpi.ActiveCustomers, c.ActiveCustomers, (decimal)p.ActiveCustomers)),
            new("newCustomers", context.Text("Nouveaux clients", "New customers"), CellFormat.Integer, c.NewCustomers, p.NewCustomers, KpiChange.Of(Kpi.NewCustomers, c.NewCustomers, (decimal)p.NewCustomers)),
            new("purchaseFrequency", context.Text("Fréquence d'achat", "Purchase frequency"), CellFormat.Decimal2, c.PurchaseFrequency, p.PurchaseFrequency, KpiChange.Of(Kpi.PurchaseFrequency, c.PurchaseFrequency, p.PurchaseFrequency)),
            new("repeatPurchaseRate", context.Text("Taux de réachat", "Repeat purchase rate"), CellFormat.Percent, c.RepeatPurchaseRate, p.RepeatPurchaseRate, KpiChange.Of(Kpi.RepeatPurchaseRate, c.RepeatPurchaseRate, p.RepeatPurchaseRate)),
            new("retentionRate", context.Text("Taux de rétention", "Retention rate"), CellFormat.Percent, c.RetentionRate, p.RetentionRate, KpiChange.Of(Kpi.RetentionRate, c.RetentionRate, p.RetentionRate)),
            new("churnRate", context.Text("Taux d'attrition", "Churn rate"), CellFormat.Percent, c.ChurnRate, p.ChurnRate, KpiChange.Of(Kpi.ChurnRate, c.ChurnRate, p.ChurnRate)),
            new("lapsedCustomers", context.Text("Clients inactifs", "Lapsed customers"), CellFormat.Integer, c.LapsedCustomers, p.LapsedCustomers, KpiChange.Of(Kpi.LapsedCustomers, c.LapsedCustomers, (decimal)p.LapsedCustomers)),
            new("nps", "NPS", CellFormat.Decimal1, cs.Nps, ps.Nps, KpiChange.Of(Kpi.Nps, cs.Nps, ps.Nps)),
            new("npsResponses", context.Text("Réponses NPS", "NPS responses"), CellFormat.Integer, cs.NpsResponses, ps.NpsResponses, null),
            new("npsMarginOfError", context.Text("Marge d'erreur du NPS (points)", "NPS margin of error (points)"), CellFormat.Decimal1, cs.NpsMarginOfError, ps.NpsMarginOfError, null),
            new("csat", "CSAT", CellFormat.Percent, cs.Csat, ps.Csat, KpiChange.Of(Kpi.Csat, cs.Csat, ps.Csat)),
            new("csatResponses", context.Text("Réponses CSAT", "CSAT responses"), CellFormat.Integer, cs.CsatResponses, ps.CsatResponses, null),
            new("meanSatisfaction", context.Text("Satisfaction moyenne (1–5)", "Mean satisfaction (1–5)"), CellFormat.Decimal2, cs.MeanSatisfaction, ps.MeanSatisfaction, KpiChange.Of(Kpi.MeanSatisfaction, cs.MeanSatisfaction, ps.MeanSatisfaction)),
        ];
    }

    private static ReportColumn<KpiLine>[] KpiColumns(ReportContext context) =>
    [
        new(context.Text("Indicateur", "Indicator"), CellFormat.Text, l => l.Label),
        new(context.Text("Période", "Period"), CellFormat.Decimal2, l => l.Current, l => l.Format),
        new(context.Text("Période de comparaison", "Comparison period"), CellFormat.Decimal2, l => l.Previous, l => l.Format),
        new(context.Text("Évolution", "Change"), CellFormat.Decimal1, l => l.Change?.Value,
            l => l.Change?.Kind == KpiChangeKind.Relative ? CellFormat.Percent : CellFormat.Decimal1),
        new(context.Text("Unité de l'évolution", "Change unit"), CellFormat.Text, l => l.Change is null ? null : l.Change.Kind switch
        {
            KpiChangeKind.Relative => "%",
            KpiChangeKind.Points => context.Text("points", "points"),
            _ => context.Text("écart", "difference"),
        }),
        new(context.Text("Code", "Code"), CellFormat.Text, l => l.Code),
    ];

    private static ReportColumn<MonthlySales>[] TrendColumns(ReportContext context, KpiReportData data)
    {
        var satisfaction = data.SatisfactionTrend.ToDictionary(m => m.Month, m => SatisfactionCalculator.Calculate(m.Facts, data.MinResponses));
        SatisfactionKpis Of(MonthlySales m) => satisfaction.GetValueOrDefault(m.Month) ?? SatisfactionCalculator.Calculate(SatisfactionFacts.Empty, data.MinResponses);
        return
        [
            new(context.Text("Mois", "Month"), CellFormat.Month, m => BusinessCalendar.MonthStart(m.Month)),
            .. TotalsColumns<MonthlySales>(context, m => m.Totals),
            new("NPS", CellFormat.Decimal1, m => Of(m).Nps),
            new(context.Text("Réponses NPS", "NPS responses"), CellFormat.Integer, m => Of(m).NpsResponses),
            new("CSAT", CellFormat.Percent, m => Of(m).Csat),
        ];
    }

    private static ReportColumn<T>[] TotalsColumns<T>(ReportContext context, Func<T, SalesTotals> totals) =>
    [
        new(context.Text("Commandes", "Orders"), CellFormat.Integer, r => totals(r).Orders),
        new(context.Text("Ventes brutes", "Gross sales"), CellFormat.Money, r => totals(r).GrossSales),
        new(context.Text("Retours", "Returns"), CellFormat.Money, r => totals(r).Returns),
        new(context.Text("Chiffre d'affaires net", "Net revenue"), CellFormat.Money, r => totals(r).NetRevenue),
        new(context.Text("Panier moyen", "Average basket"), CellFormat.Money, r => totals(r).AverageBasket),
        new(context.Text("Clients actifs", "Active customers"), CellFormat.Integer, r => totals(r).ActiveCustomers),
    ];

    private static ReportColumn<T>[] SatisfactionColumns<T>(ReportContext context, Func<T, SatisfactionKpis> kpis) =>
    [
        new(context.Text("Réponses NPS", "NPS responses"), CellFormat.Integer, r => kpis(r).NpsResponses),
        new("NPS", CellFormat.Decimal1, r => kpis(r).Nps),
        new(context.Text("Marge d'erreur (points)", "Margin of error (points)"), CellFormat.Decimal1, r => kpis(r).NpsMarginOfError),
        new(context.Text("Réponses CSAT", "CSAT responses"), CellFormat.Integer, r => kpis(r).CsatResponses),
        new("CSAT", CellFormat.Percent, r => kpis(r).Csat),
        new(context.Text("Satisfaction moyenne (1–5)", "Mean satisfaction (1–5)"), CellFormat.Decimal2, r => kpis(r).MeanSatisfaction),
        new(context.Text("Petit échantillon", "Small sample"), CellFormat.Text, r => kpis(r).IsNpsSmallSample || kpis(r).IsCsatSmallSample),
    ];

    private static List<ReportColumn<CohortRow>> CohortColumns(ReportContext context, CohortMatrix matrix)
    {
        var columns = new List<ReportColumn<CohortRow>>
        {
            new(context.Text("Cohorte", "Cohort"), CellFormat.Month, r => BusinessCalendar.MonthStart(r.CohortMonth)),
            new(context.Text("Clients", "Customers"), CellFormat.Integer, r => r.Customers),
        };
        for (var k = 0; k < matrix.MonthColumns; k++)
        {
            var offset = k;
            columns.Add(new($"M+{offset}", CellFormat.Percent, r => offset < r.Retention.Count ? r.Retention[offset] : null));
        }
        return columns;
    }
}

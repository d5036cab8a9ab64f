using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Surveys.Themes;

namespace CustomerInsight.Core.Reporting;

/// <summary>
/// The themes sheet of the executive KPI report: every theme's share of comments, NPS and CSAT against all
/// responses, NPS gap and impact, over the period, then by month, channel and RFM segment; the theme set's
/// version in the title block. Figures unrounded, formats round the display.
/// </summary>
public static class KpiThemeSheet
{
    /// <summary>One row: a scope (dimension and value) and one theme's figures in it.</summary>
    public sealed record Row(string Dimension, string Scope, string Theme, ThemeFigures Figures);

    public static int Write(ExcelReportWriter writer, ReportContext context, ThemeOverview themes, string period, IReadOnlyList<ReportFilter> filters)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(themes);
        var version = themes.Set.SavedAtUtc is { } at
            ? string.Format(context.Culture, context.Text("version {0} du {1} ({2})", "version {0} of {1} ({2})"), themes.Set.Version, context.Date(DateOnly.FromDateTime(at)), themes.Set.SavedBy)
            : context.Text("jeu par défaut (version 0)", "default set (version 0)");
        IReadOnlyList<ReportFilter> allFilters = [.. filters, new ReportFilter(context.Text("Thèmes", "Themes"), version)];
        return writer.AddTable(context.Text("Thèmes", "Themes"),
            new ReportTitle(context.Text("Thèmes des commentaires (impact = part × écart de NPS)", "Comment themes (impact = share × NPS gap)"), period, allFilters),
            Columns(context),
            Rows(context, themes));
    }

    /// <summary>The rows of the sheet: the period first (themes that pull NPS down the most first), then each month, channel and segment.</summary>
    public static IReadOnlyList<Row> Rows(ReportContext context, ThemeOverview themes)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(themes);
        string Name(ThemeFigures f) => themes.Set.Themes[f.Theme].Name(context.Culture);
        var rows = new List<Row>();
        void Add(string dimension, string scope, IReadOnlyList<ThemeFigures> figures) =>
            rows.AddRange(figures.Select(f => new Row(dimension, scope, Name(f), f)));
        Add(context.Text("Période", "Period"), context.Range(themes.Filter.Period.Start, themes.Filter.Period.LastDay), themes.Overall);
        foreach (var m in themes.ByMonth)
        {
            Add(context.Text("Mois", "Month"), BusinessCalendar.MonthStart(m.Key).ToString("yyyy-MM", context.Culture), m.Figures);
        }
        foreach (var c in themes.ByChannel)
        {
            Add(context.Text("Canal", "Channel"), context.Of(c.Key), c.Figures);
        }
        foreach (var s in themes.BySegment)
        {
            Add(context.Text("Segment RFM", "RFM segment"), context.Of(s.Key), s.Figures);
        }
        return rows;
    }

    private static ReportColumn<Row>[] Columns(ReportContext context) =>
    [
        new(context.Text("Dimension", "Dimension"), CellFormat.Text, r => r.Dimension),
        new(context.Text("Valeur", "Value"), CellFormat.Text, r => r.Scope),
        new(context.Text("Thème", "Theme"), CellFormat.Text, r => r.Theme),
        new(context.Text("Commentaires du thème", "Theme comments"), CellFormat.Integer, r => r.Figures.Mentions),
        new(context.Text("Commentaires", "Comments"), CellFormat.Integer, r => r.Figures.Comments),
        new(context.Text("Part des commentaires", "Share of comments"), CellFormat.Percent, r => r.Figures.Share),
        new(context.Text("NPS du thème", "Theme NPS"), CellFormat.Decimal1, r => r.Figures.Kpis.Nps),
        new(context.Text("Réponses NPS du thème", "Theme NPS responses"), CellFormat.Integer, r => r.Figures.Kpis.NpsResponses),
        new(context.Text("NPS de toutes les réponses", "NPS of all responses"), CellFormat.Decimal1, r => r.Figures.All.Nps),
        new(context.Text("Écart de NPS (points)", "NPS gap (points)"), CellFormat.Decimal1, r => r.Figures.NpsGap),
        new(context.Text("Impact (points)", "Impact (points)"), CellFormat.Decimal1, r => r.Figures.Impact),
        new(context.Text("CSAT du thème", "Theme CSAT"), CellFormat.Percent, r => r.Figures.Kpis.Csat),
        new(context.Text("CSAT de toutes les réponses", "CSAT of all responses"), CellFormat.Percent, r => r.Figures.All.Csat),
        new(context.Text("Petit échantillon", "Small sample"), CellFormat.Text, r => r.Figures.Kpis.IsNpsSmallSample || r.Figures.Kpis.IsCsatSmallSample),
    ];
}

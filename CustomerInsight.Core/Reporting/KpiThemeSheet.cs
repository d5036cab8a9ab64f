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
            ? string.Format(context.Culture, context.Text("Report.VersionOf"), themes.Set.Version, context.Date(DateOnly.FromDateTime(at)),
                themes.Set.SavedBy)
            : context.Text("Report.DefaultSetVersion0");
        IReadOnlyList<ReportFilter> allFilters = [.. filters, new ReportFilter(context.Text("Report.Themes"), version)];
        return writer.AddTable(context.Text("Report.Themes"),
            new ReportTitle(context.Text("Report.CommentThemesImpactShareNPSGap"), period, allFilters),
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
        Add(context.Text("Report.Period"), context.Range(themes.Filter.Period.Start, themes.Filter.Period.LastDay), themes.Overall);
        foreach (var m in themes.ByMonth)
        {
            Add(context.Text("Report.Month"), BusinessCalendar.MonthStart(m.Key).ToString("yyyy-MM", context.Culture), m.Figures);
        }
        foreach (var c in themes.ByChannel)
        {
            Add(context.Text("Report.Channel"), context.Of(c.Key), c.Figures);
        }
        foreach (var s in themes.BySegment)
        {
            Add(context.Text("Report.RFMSegment"), context.Of(s.Key), s.Figures);
        }
        return rows;
    }

    private static ReportColumn<Row>[] Columns(ReportContext context) =>
    [
        new(context.Text("Report.Dimension"), CellFormat.Text, r => r.Dimension),
        new(context.Text("Report.Value"), CellFormat.Text, r => r.Scope),
        new(context.Text("Report.Theme"), CellFormat.Text, r => r.Theme),
        new(context.Text("Report.ThemeComments"), CellFormat.Integer, r => r.Figures.Mentions),
        new(context.Text("Report.Comments"), CellFormat.Integer, r => r.Figures.Comments),
        new(context.Text("Report.ShareOfComments"), CellFormat.Percent, r => r.Figures.Share),
        new(context.Text("Report.ThemeNPS"), CellFormat.Decimal1, r => r.Figures.Kpis.Nps),
        new(context.Text("Report.ThemeNPSResponses"), CellFormat.Integer, r => r.Figures.Kpis.NpsResponses),
        new(context.Text("Report.NPSOfAllResponses"), CellFormat.Decimal1, r => r.Figures.All.Nps),
        new(context.Text("Report.NPSGapPoints"), CellFormat.Decimal1, r => r.Figures.NpsGap),
        new(context.Text("Report.ImpactPoints"), CellFormat.Decimal1, r => r.Figures.Impact),
        new(context.Text("Report.ThemeCSAT"), CellFormat.Percent, r => r.Figures.Kpis.Csat),
        new(context.Text("Report.CSATOfAllResponses"), CellFormat.Percent, r => r.Figures.All.Csat),
        new(context.Text("Report.SmallSample"), CellFormat.Text, r => r.Figures.Kpis.IsNpsSmallSample || r.Figures.Kpis.IsCsatSmallSample),
    ];
}

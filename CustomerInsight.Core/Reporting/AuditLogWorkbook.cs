namespace CustomerInsight.Core.Reporting;

/// <summary>One audit entry as the audit page words it (the page's texts, in the requester's language).</summary>
public sealed record AuditLogLine(DateTime AtUtc, string User, string Action, string ActionCode, string Target, string Details, int? RowCount);

/// <summary>The audit workbook's content: the worded entries and the filters they were read with (already worded).</summary>
public sealed record AuditLogReport(IReadOnlyList<AuditLogLine> Lines, IReadOnlyList<ReportFilter> Filters, string AuditFilters);

/// <summary>The audit log for admins: one sheet, one row per entry, newest first, times in the business time zone.</summary>
public static class AuditLogWorkbook
{
    public static int Write(ExcelReportWriter writer, ReportContext context, AuditLogReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var title = new ReportTitle(context.Text("Report.AuditLog"),
            context.Text("Report.TimesIn", context.Settings.TimeZone.Id), report.Filters);
        return writer.AddTable(context.Text("Report.AuditLog"), title,
            [
                new ReportColumn<AuditLogLine>(context.Text("Report.Time"), CellFormat.DateTime, l => context.ToLocal(l.AtUtc)),
                new(context.Text("Report.User"), CellFormat.Text, l => l.User),
                new(context.Text("Report.Action"), CellFormat.Text, l => l.Action),
                new(context.Text("Report.Target"), CellFormat.Text, l => l.Target),
                new(context.Text("Report.Details"), CellFormat.Text, l => l.Details),
                new(context.Text("Report.Rows"), CellFormat.Integer, l => l.RowCount),
                new(context.Text("Report.ActionCode"), CellFormat.Text, l => l.ActionCode),
            ],
            report.Lines);
    }
}

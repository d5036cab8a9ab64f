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
        var title = new ReportTitle(context.Text("Journal d'audit", "Audit log"),
            context.Text($"Heures de {context.Settings.TimeZone.Id}", $"Times in {context.Settings.TimeZone.Id}"), report.Filters);
        return writer.AddTable(context.Text("Journal d'audit", "Audit log"), title,
            [
                new ReportColumn<AuditLogLine>(context.Text("Date", "Time"), CellFormat.DateTime, l => context.ToLocal(l.AtUtc)),
                new(context.Text("Utilisateur", "User"), CellFormat.Text, l => l.User),
                new(context.Text("Action", "Action"), CellFormat.Text, l => l.Action),
                new(context.Text("Cible", "Target"), CellFormat.Text, l => l.Target),
                new(context.Text("Détails", "Details"), CellFormat.Text, l => l.Details),
                new(context.Text("Lignes", "Rows"), CellFormat.Integer, l => l.RowCount),
                new(context.Text("Code de l'action", "Action code"), CellFormat.Text, l => l.ActionCode),
            ],
            report.Lines);
    }
}

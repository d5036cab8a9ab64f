using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Reporting;
using CustomerInsight.Web.Components.Pages.Audit;

namespace CustomerInsight.Web.Endpoints;

/// <summary>Downloads of the privacy and audit pages, each behind the Admin policy on the server (the audit workbook is audited as an export).</summary>
public static class PrivacyEndpoints
{
    private static DateTime? Day(string text) =>
        IsoDate.ParseQuery(text) is { } day ? day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null;

    public static IEndpointRouteBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/exports/customers/{id:int}.json", async (int id, HttpContext context, CustomerFileJsonExport export) =>
            {
                using var buffer = new MemoryStream();
                if (await export.ExportAsync(buffer, id, context.User.Identity!.Name!, context.RequestAborted) is not { } result)
                {
                    return Results.NotFound();
                }
                context.Response.Headers.CacheControl = "no-store";
                return Results.File(buffer.ToArray(), "application/json", result.FileName);
            })
            .RequireAuthorization(Policies.Admin);

        endpoints.MapGet("/exports/audit.xlsx", async (HttpContext http, AuditQueries queries, AuditDescriber describer, ExcelExports exports,
                IStringLocalizer<PrivacyText> text, string? action, string? user, string? from, string? to, CancellationToken ct) =>
            {
                DateTime? fromUtc = null, toUtc = null;
                if ((from is not null && (fromUtc = Day(from)) is null) || (to is not null && (toUtc = Day(to)) is null) || fromUtc >= toUtc)
                {
                    return Results.BadRequest("from and to are days (yyyy-MM-dd), to after from.");
                }
                var filter = new AuditFilter(action, user, fromUtc, toUtc);
                var rows = await queries.GetAllAsync(filter, int.MaxValue, ct);
                var names = await queries.GetNamesAsync(rows, ct);
                var lines = rows.Select(r => describer.Line(r, names)).ToArray();
                List<ReportFilter> shown = [];
                if (!string.IsNullOrWhiteSpace(action))
                {
                    shown.Add(new ReportFilter(text["Action"], describer.Action(action.Trim())));
                }
                if (!string.IsNullOrWhiteSpace(user))
                {
                    shown.Add(new ReportFilter(text["User"], user.Trim()));
                }
                if (fromUtc is { } f)
                {
                    shown.Add(new ReportFilter(text["From"], DateOnly.FromDateTime(f).ToString("d", CultureInfo.CurrentCulture)));
                }
                if (toUtc is { } t)
                {
                    shown.Add(new ReportFilter(text["To"], DateOnly.FromDateTime(t).AddDays(-1).ToString("d", CultureInfo.CurrentCulture)));
                }
                var auditFilters = string.Join("; ", new[]
                {
                    string.IsNullOrWhiteSpace(action) ? null : $"action={action.Trim()}",
                    string.IsNullOrWhiteSpace(user) ? null : $"user={user.Trim()}",
                    from is null ? null : $"from={from}",
                    to is null ? null : $"to={to}",
                }.Where(p => p is not null).DefaultIfEmpty("all"));
                return await ExportEndpoints.FileAsync(http, async (stream, requester) =>
                    await exports.ExportAuditLogAsync(stream, new AuditLogReport(lines, shown, auditFilters), requester, ct), personal: false);
            })
            .RequireAuthorization(Policies.Admin);
        return endpoints;
    }
}

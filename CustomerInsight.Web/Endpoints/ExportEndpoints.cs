using System.Security.Claims;
using CustomerInsight.Core.Reporting;
using CustomerInsight.Core.Rfm;
using Microsoft.AspNetCore.Authorization;

namespace CustomerInsight.Web.Endpoints;

/// <summary>
/// The Excel downloads. Each endpoint requires its policy on the server (hiding a button is not
/// security); personal columns need the Admin role and an explicit <c>personal=true</c>, otherwise
/// the request is refused rather than silently narrowed. Every download is audited by <see cref="ExcelExports"/>.
/// </summary>
public static class ExportEndpoints
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/exports");

        group.MapGet("/kpi.xlsx", async (HttpContext http, ExcelExports exports, CustomerInsight.Core.Segments.SegmentationQueries segmentations,
            string? from, string? to, string? channel, string? segment, string? unit, string? compare, CancellationToken ct) =>
        {
            if (ParseDate(from) is not { } start || ParseDate(to) is not { } last || last < start)
            {
                return Results.BadRequest(
                    $"from and to are required dates (yyyy-MM-dd, {IsoDate.RangeText}), to (the last day, included) on or after from.");
            }
            if (ToPeriod(start, last.AddDays(1), unit) is not { } period)
            {
                return Results.BadRequest(
                    "unit is days, month, quarter, year, monthtodate, quartertodate or yeartodate, "
                    + "and from/to must be that calendar unit (to date).");
            }
            ComparisonMode mode;
            switch (compare)
            {
                case null or "" or "previous":
                    mode = ComparisonMode.Previous;
                    break;
                case "last-year":
                    mode = ComparisonMode.LastYear;
                    break;
                default:
                    return Results.BadRequest("compare is previous or last-year.");
            }
            Channel? filter = null;
            if (!string.IsNullOrEmpty(channel))
            {
                if (!Enum.TryParse<Channel>(channel, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                {
                    return Results.BadRequest("Unknown channel.");
                }
                filter = parsed;
            }
            RfmSegment? customers = null;
            CustomerInsight.Core.Segments.SegmentRef? custom = null;
            if (!string.IsNullOrEmpty(segment))
            {
                // An RFM segment code, or a custom segment's <segmentation>.<segment> (the dashboard's filter).
                if (CustomerInsight.Core.Segments.SegmentRef.TryParse(segment, out var reference))
                {
                    if (await segmentations.GetVersionAsync(reference.SegmentationKey, cancellationToken: ct) is not { } saved
                        || saved.Definition.Find(reference.SegmentKey) is null)
                    {
                        return Results.BadRequest("Unknown segment.");
                    }
                    custom = reference;
                }
                else if (RfmSegments.TryParseCode(segment, out var code))
                {
                    customers = code;
                }
                else
                {
                    return Results.BadRequest("Unknown RFM segment.");
                }
            }
            return await FileAsync(http, async (s, r) => await exports.ExportKpiAsync(s, period, mode, filter, customers, custom, r, ct),
                personal: false);
        }).RequireAuthorization(Policies.Export);

        group.MapGet("/rfm.xlsx", async (HttpContext http, ExcelExports exports, string? date, bool? personal, CancellationToken ct) =>
        {
            DateOnly? analysisDate = null;
            if (!string.IsNullOrEmpty(date))
            {
                if (ParseDate(date) is not { } parsed)
                {
                    return Results.BadRequest($"date must be yyyy-MM-dd ({IsoDate.RangeText}).");
                }
                analysisDate = parsed;
            }
            return await FileAsync(http, async (s, r) => await exports.ExportRfmAsync(s, analysisDate, r, ct), personal == true);
        }).RequireAuthorization(Policies.Export);

        // The value workbook holds one pseudonymous row per customer: analysts and admins (Export), never executives.
        group.MapGet("/clv.xlsx", async (HttpContext http, ExcelExports exports, ILogger<ExcelExports> logger, string? end, CancellationToken ct) =>
        {
            if (ParseDate(end) is not { } calibrationEnd)
            {
                return Results.BadRequest($"end must be yyyy-MM-dd ({IsoDate.RangeText}).");
            }
            try
            {
                return await FileAsync(http, async (s, r) => await exports.ExportClvAsync(s, calibrationEnd, null, r, ct), personal: false);
            }
            catch (Exception e) when (e is ArgumentException or ArithmeticException or InvalidOperationException)
            {
                logger.LogWarning(e, "The value workbook at {CalibrationEnd} could not be fitted", calibrationEnd);
                return Results.BadRequest("The value model cannot be fitted at this calibration end (too few customers).");
            }
        }).RequireAuthorization(Policies.Export);

        group.MapGet("/omoc/{projectId:int}.xlsx", async (HttpContext http, ExcelExports exports, IAuthorizationService authorization, int projectId,
            CancellationToken ct) =>
        {
            // The sociodynamic map sheet is left out of the workbook for a role outside its policy.
            var map = (await authorization.AuthorizeAsync(http.User, Policies.Sociodynamics)).Succeeded;
            return await FileAsync(http, (s, r) => exports.ExportOmocAsync(s, projectId, r, map, ct), personal: false);
        }).RequireAuthorization(Policies.OmocExport);

        group.MapGet("/customers/{customerId:int}.xlsx", (HttpContext http, ExcelExports exports, int customerId, bool? personal,
            CancellationToken ct) =>
            FileAsync(http, (s, r) => exports.ExportCustomerAsync(s, customerId, r, ct), personal == true))
            .RequireAuthorization(Policies.CustomerData);

        return endpoints;
    }

    /// <summary>A workbook download (see <see cref="DownloadAsync"/>).</summary>
    internal static Task<IResult> FileAsync(HttpContext http, Func<Stream, ReportRequester, Task<ExportResult?>> write, bool personal) =>
        DownloadAsync(http, async (stream, requester) => (await write(stream, requester))?.FileName, personal, ContentType);

    /// <summary>
    /// Every download of personal or customer figures: personal data only for an admin who asked for it (anyone else is
    /// refused, never silently narrowed); written to a temporary file deleted on close (a large file never sits in memory
    /// twice) and streamed, not cached. <paramref name="write"/> returns the file name offered, null when there is no such file.
    /// </summary>
    internal static async Task<IResult> DownloadAsync(HttpContext http, Func<Stream, ReportRequester, Task<string?>> write, bool personal,
        string contentType)
    {
        if (personal && !http.User.IsInRole(Roles.Admin))
        {
            return Results.Forbid();
        }
        var requester = new ReportRequester(
            http.User.FindFirstValue(ClaimTypes.Name) ?? http.User.Identity?.Name ?? "unknown",
            CultureInfo.CurrentUICulture,
            personal);
        var path = Path.Combine(Path.GetTempPath(), $"ci-export-{Guid.NewGuid():N}.tmp");
#pragma warning disable CA2000 // Disposed in finally unless handed to the response, which then owns it (stream set to null).
        FileStream? stream = new(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            if (await write(stream, requester) is not { } fileName)
            {
                return Results.NotFound();
            }
            stream.Position = 0;
            // Reports hold customer figures (personal data for admins): no copy in browser or proxy caches.
            http.Response.Headers.CacheControl = "no-store";
            var file = Results.File(stream, contentType, fileName);
            stream = null; // The response owns it now and disposes it once sent (the file is deleted on close).
            return file;
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync();
            }
        }
#pragma warning restore CA2000
    }

    /// <summary>[start, end) as a period of <paramref name="unit"/> (days when absent); null when it is not that whole calendar unit.</summary>
    private static Period? ToPeriod(DateOnly start, DateOnly end, string? unit)
    {
        if (string.IsNullOrEmpty(unit))
        {
            return Period.Range(start, end);
        }
        if (!Enum.TryParse<PeriodUnit>(unit, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(unit, out _))
        {
            return null;
        }
        var period = parsed switch
        {
            PeriodUnit.Month => Period.Month(start.Year, start.Month),
            PeriodUnit.Quarter => Period.Quarter(start.Year, ((start.Month - 1) / 3) + 1),
            PeriodUnit.Year => Period.Year(start.Year),
            PeriodUnit.MonthToDate or PeriodUnit.QuarterToDate or PeriodUnit.YearToDate => Period.ToDate(parsed, end.AddDays(-1)),
            _ => Period.Range(start, end),
        };
        return period.Start == start && period.End == end ? period : null;
    }

    private static DateOnly? ParseDate(string? text) => IsoDate.ParseQuery(text);
}

using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Segments;

namespace CustomerInsight.Web.Endpoints;

/// <summary>
/// The audience download of a custom segment (<see cref="AppUrls.Audience"/>:
/// <c>/exports/audience.csv|.xlsx?segment=…&amp;purpose=…</c>): the policy
/// <see cref="Policies.Segmentation"/> on the server, identities (<c>identities=true</c>) only for an admin (anyone else
/// is refused, never silently narrowed). <see cref="AudienceExport"/> audits every file.
/// </summary>
public static class AudienceEndpoints
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static IEndpointRouteBuilder MapAudienceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/exports/audience.{format}", async (HttpContext http, AudienceExport audience, string format, string? segment,
            string? purpose, bool? identities, CancellationToken ct) =>
        {
            AudienceFormat? kind = format switch
            {
                "csv" => AudienceFormat.Csv,
                "xlsx" => AudienceFormat.Xlsx,
                _ => null,
            };
            if (kind is not { } fileFormat)
            {
                return Results.NotFound();
            }
            if (!SegmentRef.TryParse(segment, out var reference))
            {
                return Results.BadRequest("segment is a custom segment id: {segmentation key}.{segment key}.");
            }
            if (!Enum.TryParse<ConsentPurpose>(purpose, ignoreCase: false, out var consentPurpose) || !Enum.IsDefined(consentPurpose)
                || int.TryParse(purpose, out _))
            {
                return Results.BadRequest($"purpose is one of: {string.Join(", ", Enum.GetNames<ConsentPurpose>())}.");
            }
            var contentType = fileFormat == AudienceFormat.Xlsx ? ExportEndpoints.ContentType : CsvContentType;
            return await ExportEndpoints.DownloadAsync(http, async (stream, requester) =>
                (await audience.WriteAsync(stream, reference, consentPurpose, fileFormat, requester, ct))?.FileName, identities == true, contentType);
        }).RequireAuthorization(Policies.Segmentation);
        return endpoints;
    }
}

using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Web.Security;

namespace CustomerInsight.Web.Components.Pages.Privacy;

/// <summary>Downloads of the privacy page, each behind the Admin policy on the server.</summary>
public static class PrivacyEndpoints
{
    public const string AuditAction = Cli.ExportCustomerJson.AuditAction;

    /// <summary>The route of the JSON customer file of the customer with this internal id.</summary>
    public static string JsonPath(int customerId) => $"/exports/customers/{customerId}.json";

    public static IEndpointRouteBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/exports/customers/{id:int}.json", async (int id, HttpContext context, CustomerFileQueries files, AuditLog audit, TimeProvider clock) =>
            {
                var file = await files.GetAsync(id, context.RequestAborted);
                if (file is null)
                {
                    return Results.NotFound();
                }
                await audit.WriteAsync(context.User.Identity!.Name!, AuditAction, target: $"customer:{id}", details: Cli.ExportCustomerJson.JsonAuditDetails(id), cancellationToken: context.RequestAborted);
                var bytes = CustomerFileJson.ToBytes(file, clock.GetUtcNow().UtcDateTime);
                context.Response.Headers.CacheControl = "no-store";
                return Results.File(bytes, "application/json", CustomerFileJson.FileName(file));
            })
            .RequireAuthorization(Policies.Admin);
        return endpoints;
    }
}

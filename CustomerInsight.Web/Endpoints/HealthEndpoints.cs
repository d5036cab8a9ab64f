using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerInsight.Web.Endpoints;

/// <summary>
/// What a reverse proxy or an orchestrator asks, anonymously: <c>/health/live</c> (the process answers) and
/// <c>/health/ready</c> (the database is reachable and migrated, and the node's first read of the customer activity is over,
/// <see cref="ActivityWarmupHealthCheck"/>: the node can take requests). 200 "Healthy" or 503 "Unhealthy".
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddInsightHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return endpoints;
    }
}

/// <summary>Healthy when the database answers and has every migration of its provider applied.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<InsightDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }
            var pending = (await InsightDatabase.PendingMigrationsAsync(db, cancellationToken)).Count;
            return pending == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"{pending} migrations are not applied.");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", e);
        }
    }
}

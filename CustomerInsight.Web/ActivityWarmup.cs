using CustomerInsight.Core.Value;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerInsight.Web;

/// <summary>
/// The web app's <see cref="CustomerActivityStore"/>: one snapshot of the customer counts' rows per data version, shared by every
/// page of the node, read at start and again as soon as a change is heard (here or from another node), so that the first visit
/// of a new period finds it in memory (bench/RESULTS.md: at 10 M order lines, 3–4 s to read, about 110 MB).
/// </summary>
public static class ActivityWarmup
{
    public static IServiceCollection AddActivityWarmup(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton(sp => new CustomerActivityStore(
            sp.GetRequiredService<IDbContextFactory<InsightDbContext>>(), sp.GetRequiredService<CurrentDataVersion>())));
        services.AddSingleton<ActivityWarmupService>();
        services.AddHostedService(sp => sp.GetRequiredService<ActivityWarmupService>());
        services.AddHealthChecks().AddCheck<ActivityWarmupHealthCheck>("customer activity", tags: [Endpoints.HealthEndpoints.ReadyTag]);
        services.AddHostedService<ValueWarmupService>();
        return services;
    }
}

/// <summary>Reads the store's snapshot once the app runs, and after every data change (never in the command line).</summary>
public sealed partial class ActivityWarmupService(CustomerActivityStore store, DataChangeNotifier notifier, ILogger<ActivityWarmupService> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource firstPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised after each pass, the read done or failed (tests wait on it).</summary>
    internal event Action? Warmed;

    /// <summary>Done once the first pass (at start) has read the snapshot or failed to.</summary>
    public Task FirstPass => firstPass.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var changed = new SemaphoreSlim(1);
        void OnChanged() => changed.Release();
        notifier.Changed += OnChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await changed.WaitAsync(stoppingToken);
                // Several changes heard during one read: one more read covers them all.
                while (changed.CurrentCount > 0)
                {
                    await changed.WaitAsync(stoppingToken);
                }
                try
                {
                    var (loads, started) = (store.Loads, System.Diagnostics.Stopwatch.GetTimestamp());
                    await store.WarmAsync(stoppingToken);
                    if (store.Loads != loads)
                    {
                        LogWarmed(logger, (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A page that needs the snapshot reads it again (and says what failed).
                    LogWarmupFailed(logger, e);
                }
                firstPass.TrySetResult();
                Warmed?.Invoke();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            notifier.Changed -= OnChanged;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer activity read into memory in {Milliseconds} ms.")]
    private static partial void LogWarmed(ILogger logger, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the customer activity ahead of the first page failed.")]
    private static partial void LogWarmupFailed(ILogger logger, Exception exception);
}

/// <summary>
/// Part of <c>/health/ready</c>: a node is ready once its first warm-up pass is over, so that a proxy sends it no page that would
/// wait for the snapshot's read (3–4 s at 10 M order lines). The check waits for that pass up to <paramref name="patience"/>
/// (default <see cref="DefaultPatience"/>); a pass that failed leaves the node ready (its pages read the snapshot themselves).
/// </summary>
public sealed class ActivityWarmupHealthCheck(ActivityWarmupService warmup, TimeSpan? patience = null) : IHealthCheck
{
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(10);

    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await warmup.FirstPass.WaitAsync(patience ?? DefaultPatience, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The customer activity is still being read into memory.");
        }
    }
}

/// <summary>
/// Gets the value models' code optimized once the app runs (<see cref="ClvCalculator.WarmUpAsync"/>), so that the first
/// visit of the value page after a start does not fit with unoptimized code (never in the command line).
/// </summary>
public sealed partial class ValueWarmupService(ILogger<ValueWarmupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ClvCalculator.WarmUpAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is ArithmeticException or ArgumentException or InvalidOperationException)
        {
            // Only the first value page after a start is slower for it: never a reason to stop the app.
            LogWarmUpFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming the value models up failed; the first value page will fit with unoptimized code.")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);
}

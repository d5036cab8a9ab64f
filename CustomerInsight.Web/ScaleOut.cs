using CustomerInsight.Core.Data;

namespace CustomerInsight.Web;

/// <summary>
/// What lets several web nodes serve one database (README: Running on several servers): the other nodes' data changes
/// reach this node's pages (<see cref="DataChangeWatcher"/>, run for the life of the web app).
/// </summary>
public static class ScaleOut
{
    public static IServiceCollection AddScaleOut(this IServiceCollection services)
    {
        services.AddSingleton<DataChangeWatcher>();
        services.AddHostedService<DataChangeWatcherService>();
        return services;
    }
}

/// <summary>Runs <see cref="DataChangeWatcher"/> while the web app runs (never in the command line).</summary>
public sealed class DataChangeWatcherService(DataChangeWatcher watcher) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => watcher.RunAsync(stoppingToken);
}

using Microsoft.AspNetCore.DataProtection;

namespace CustomerInsight.Web;

/// <summary>
/// What lets several web nodes serve one database (README: Running on several servers): one Data Protection key ring
/// in the database under one application name, so a cookie (or an antiforgery token) issued by one node is read by
/// every other; and the other nodes' data changes reach this node's pages (<see cref="DataChangeWatcher"/>, run for
/// the life of the web app).
/// </summary>
public static class ScaleOut
{
    /// <summary>
    /// The Data Protection application name: the same on every node whatever folder it runs from (the default is
    /// the content root path, which differs between servers).
    /// </summary>
    public const string ApplicationName = "CustomerInsight";

    public static IServiceCollection AddScaleOut(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<InsightDbContext>();
        services.AddSingleton<DataChangeWatcher>();
        services.AddHostedService<DataChangeWatcherService>();
        return services;
    }

    /// <summary>
    /// At start-up, once the keys' table exists: loads the key ring from the database, or creates its first key there
    /// (ASP.NET Core logs then that it is stored unencrypted: README), before the first request needs it.
    /// </summary>
    public static void PrepareKeyRing(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetService<IDataProtectionProvider>()?.CreateProtector(ApplicationName + ".Start").Protect([1]);
    }
}

/// <summary>Runs <see cref="DataChangeWatcher"/> while the web app runs (never in the command line).</summary>
public sealed class DataChangeWatcherService(DataChangeWatcher watcher) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => watcher.RunAsync(stoppingToken);
}

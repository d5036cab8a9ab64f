using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Data;

/// <summary>
/// The node's <see cref="DataVersion"/>, read once and shared by every cache key of the node (dashboard, themes, RFM scores,
/// segments, value) until a change is heard (<see cref="SharedRead{T}"/>): a dashboard's filter change then costs no
/// version read (it was seven queries per cache, twice per change).
/// </summary>
public sealed class CurrentDataVersion(IDbContextFactory<InsightDbContext> factory, DataChangeNotifier notifier, TimeProvider clock)
{
    private readonly SharedRead<DataVersion> shared = new(cancellationToken => DataVersion.ReadAsync(factory, cancellationToken), notifier, clock);

    public Task<DataVersion> GetAsync(CancellationToken cancellationToken = default) => shared.GetAsync(cancellationToken);

    /// <summary>The shared version, or a read of its own where the service was built without one (tests, the command line).</summary>
    public static Task<DataVersion> ReadAsync(CurrentDataVersion? shared, IDbContextFactory<InsightDbContext> factory,
        CancellationToken cancellationToken) =>
        shared?.GetAsync(cancellationToken) ?? DataVersion.ReadAsync(factory, cancellationToken);
}

using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Data;

/// <summary>
/// The <see cref="CustomerActivitySnapshot"/> the customer counts read. With the node's <see cref="CurrentDataVersion"/> (the web
/// app): one whole snapshot per data version, read once and shared by every page of the node, read again when the data change
/// (an import, an undo, an erasure, a merge, here or on another node); <see cref="WarmAsync"/> reads it ahead of the first
/// page. Without one (the command line, tests): each call reads a snapshot of its own, with only the orders it needs.
/// </summary>
public sealed class CustomerActivityStore(IDbContextFactory<InsightDbContext> factory, CurrentDataVersion? versions = null)
{
    private readonly Lock gate = new();
    private (DataVersion Version, Task<CustomerActivitySnapshot> Snapshot)? held;
    private int loads;

    /// <summary>How many whole snapshots this store has read (one per data version it was asked for).</summary>
    public int Loads => Volatile.Read(ref loads);

    /// <summary>A snapshot that holds at least the sale orders of <paramref name="orderSpans"/>.</summary>
    public async Task<CustomerActivitySnapshot> GetAsync(IReadOnlyList<(DateOnly From, DateOnly To)> orderSpans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderSpans);
        return versions is null
            ? await CustomerActivitySnapshot.LoadAsync(factory, orderSpans, cancellationToken)
            : await SharedAsync(cancellationToken);
    }

    /// <summary>Whether this store keeps one whole snapshot per data version (the web app) rather than reading one per call.</summary>
    public bool KeepsSnapshots => versions is not null;

    /// <summary>A snapshot of every order of every day: the current version's kept one, or one read for this call.</summary>
    public async Task<CustomerActivitySnapshot> GetWholeAsync(CancellationToken cancellationToken) =>
        versions is null ? await CustomerActivitySnapshot.LoadAsync(factory, null, cancellationToken) : await SharedAsync(cancellationToken);

    /// <summary>Reads the current version's snapshot if no read of it is held or running (the web app, at start and after a change).</summary>
    public Task WarmAsync(CancellationToken cancellationToken = default) =>
        versions is null ? Task.CompletedTask : SharedAsync(cancellationToken);

    private async Task<CustomerActivitySnapshot> SharedAsync(CancellationToken cancellationToken)
    {
        var version = await versions!.GetAsync(cancellationToken);
        Task<CustomerActivitySnapshot> snapshot;
        lock (gate)
        {
            if (held is not { } h || h.Version != version || h.Snapshot.IsFaulted || h.Snapshot.IsCanceled)
            {
                held = (version, LoadWholeAsync());
            }
            snapshot = held.Value.Snapshot;
        }
        return await snapshot.WaitAsync(cancellationToken);
    }

    private Task<CustomerActivitySnapshot> LoadWholeAsync()
    {
        Interlocked.Increment(ref loads);
        // Its reads run on the thread pool; never cancelled by one caller: others wait on the same read.
        return CustomerActivitySnapshot.LoadAsync(factory, null, CancellationToken.None);
    }
}

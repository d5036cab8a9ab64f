namespace CustomerInsight.Core.Data;

/// <summary>
/// Starts a database read on the thread pool. Microsoft.Data.Sqlite runs its "async" calls synchronously, so
/// reads started one after the other and awaited together (<c>Task.WhenAll</c>) would in fact run one after the
/// other, on the caller's thread: a Blazor circuit's, which then cannot send the page what is already computed.
/// Each read has its own context and connection (WAL readers do not block each other).
/// </summary>
public static class Concurrent
{
    public static Task<T> Read<T>(Func<Task<T>> read) => Task.Run(read);
}

namespace CustomerInsight.Web.Cli;

/// <summary>
/// Reports progress on the caller's thread, before the reporting call returns. <see cref="Progress{T}"/> posts to
/// the thread pool instead, so its last reports can run after the verb has returned and its output is closed.
/// </summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

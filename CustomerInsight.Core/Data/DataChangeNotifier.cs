namespace CustomerInsight.Core.Data;

/// <summary>
/// Tells open pages that the data changed (an import, an erasure or a purge committed), so
/// dashboards reload without a page refresh. A singleton: writers call <see cref="NotifyChanged"/>
/// after their transaction commits; readers subscribe to <see cref="Changed"/> and unsubscribe on dispose.
/// </summary>
public sealed class DataChangeNotifier
{
    /// <summary>Raised after a change committed. Handlers run on the caller's thread: marshal to the UI (InvokeAsync) and never block.</summary>
    public event Action? Changed;

    public void NotifyChanged()
    {
        var handlers = Changed;
        if (handlers is null)
        {
            return;
        }
        foreach (var handler in handlers.GetInvocationList().Cast<Action>())
        {
            // One failing page must not stop the others from hearing about the change.
            try
            {
                handler();
            }
            catch (Exception)
            {
                // A subscriber's failure is its own business: the writer has committed already.
            }
        }
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerInsight.Core.Data;

/// <summary>
/// Tells open pages that the data changed (an import, an erasure or a purge committed), so
/// dashboards reload without a page refresh. A singleton: writers call <see cref="NotifyChanged"/>
/// after their transaction commits; readers subscribe to <see cref="Changed"/> and unsubscribe on dispose.
/// </summary>
/// <remarks>A subscriber that throws is logged (as an error, with its exception) and the others are still called.</remarks>
public sealed partial class DataChangeNotifier(ILogger<DataChangeNotifier>? logger = null)
{
    private readonly ILogger logger = logger ?? (ILogger)NullLogger.Instance;

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
            catch (Exception e)
            {
                // The writer has committed already: the failure is the subscriber's, reported and not rethrown.
                LogSubscriberFailed(logger, e, handler.Method.DeclaringType?.FullName ?? handler.Method.Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A page listening for data changes failed to handle one ({Subscriber})")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception, string subscriber);
}

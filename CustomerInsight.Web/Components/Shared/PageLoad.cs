namespace CustomerInsight.Web.Components.Shared;

/// <summary>
/// The one way a page or panel outside the filtered pages (<see cref="FilteredPage"/>) loads its data with an error
/// message: a failure is logged with what was loading and its subject, and the caller shows its error text when this
/// returns false. A refused circuit action (<see cref="AccessDeniedException"/>) is not caught (CircuitAccess has
/// logged it and the page says so); a cancellation because the page went away is not a failure.
/// </summary>
public static class PageLoad
{
    /// <summary>Runs <paramref name="load"/>; false when it failed (logged as "<paramref name="what"/> failed").</summary>
    public static async Task<bool> TryAsync(ILogger logger, string what, Func<Task> load, object? subject = null, CancellationToken leaving = default)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(load);
        try
        {
            await load();
            return true;
        }
        catch (OperationCanceledException) when (leaving.IsCancellationRequested)
        {
            return true;
        }
        catch (Exception e) when (e is not AccessDeniedException and not OperationCanceledException)
        {
            logger.LogError(e, "{What} failed ({Subject})", what, subject);
            return false;
        }
    }
}

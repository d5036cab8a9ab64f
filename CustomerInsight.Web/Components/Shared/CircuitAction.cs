namespace CustomerInsight.Web.Components.Shared;

/// <summary>What a page shows when one of its actions does not complete: a refusal and a failure, in its own words.</summary>
public sealed record ActionFailureTexts(string Refused, string Failed);

/// <summary>
/// The one way a page runs a circuit action: the role is checked on the server (by the action service through
/// <see cref="CircuitAccess"/>, or here with a policy), then the action runs; a refusal (<see cref="AccessDeniedException"/>,
/// logged by CircuitAccess) shows the page's refusal text, any other failure is logged and shows its failure text, and a
/// cancellation is left to the caller. Pages never write their own catch blocks for this.
/// </summary>
public static class CircuitAction
{
    /// <summary>Runs <paramref name="action"/>; true when it completed, else <paramref name="show"/> got the text to show.</summary>
    /// <param name="what">What ran, for the log ("{what} failed").</param>
    /// <param name="known">Failures with a message of their own (an upload too large…): their text, logged as warnings; null for the others.</param>
    public static async Task<bool> RunAsync(ILogger logger, string what, Func<Task> action, Action<string> show, ActionFailureTexts texts,
        Func<Exception, string?>? known = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(show);
        ArgumentNullException.ThrowIfNull(texts);
        try
        {
            await action();
            return true;
        }
        catch (AccessDeniedException)
        {
            show(texts.Refused);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (known?.Invoke(e) is { } message)
            {
                logger.LogWarning(e, "{What} failed", what);
                show(message);
            }
            else
            {
                logger.LogError(e, "{What} failed", what);
                show(texts.Failed);
            }
        }
        return false;
    }

    /// <summary>
    /// Checks <paramref name="policy"/> for the circuit's user on the server, then runs <paramref name="action"/> with
    /// their name (for the audit log), as <see cref="RunAsync(ILogger, string, Func{Task}, Action{string}, ActionFailureTexts, Func{Exception, string?}?)"/>.
    /// </summary>
    public static Task<bool> RunAsync(this CircuitAccess access, string policy, ILogger logger, string what, Func<string, Task> action,
        Action<string> show, ActionFailureTexts texts)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(action);
        return RunAsync(logger, what, async () => await action(await access.RequireNameAsync(policy, what)), show, texts);
    }
}

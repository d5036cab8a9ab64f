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
    /// <param name="known">Failures with a message of their own (an upload too large…): their text, logged as warnings; null for the
    /// others.</param>
    public static async Task<bool> RunAsync(ILogger logger, string what, Func<Task> action, Action<string> show, ActionFailureTexts texts,
        Func<Exception, string?>? known = null)
    {
        ArgumentNullException.ThrowIfNull(show);
        ArgumentNullException.ThrowIfNull(texts);
        var (outcome, message) = await TryAsync(logger, what, action, known);
        if (outcome != Outcome.Completed)
        {
            show(outcome == Outcome.Refused ? texts.Refused : message ?? texts.Failed);
        }
        return outcome == Outcome.Completed;
    }

    /// <summary>
    /// Runs a command that answers with a result of its own, which a dialog shows (an OMOC save, a new account): as
    /// <see cref="RunAsync(ILogger, string, Func{Task}, Action{string}, ActionFailureTexts, Func{Exception, string?}?)"/>,
    /// with a refusal answered by <paramref name="refused"/> and any other failure logged and answered by <paramref name="failed"/>.
    /// </summary>
    public static async Task<TResult> RunAsync<TResult>(ILogger logger, string what, Func<Task<TResult>> command, TResult refused,
        TResult failed)
    {
        ArgumentNullException.ThrowIfNull(command);
        var result = failed;
        var (outcome, _) = await TryAsync(logger, what, async () => result = await command(), known: null);
        return outcome switch
        {
            Outcome.Completed => result,
            Outcome.Refused => refused,
            _ => failed,
        };
    }

    /// <summary>
    /// Checks <paramref name="policy"/> for the circuit's user on the server, then runs <paramref name="action"/> with
    /// their name (for the audit log), as
    /// <see cref="RunAsync(ILogger, string, Func{Task}, Action{string}, ActionFailureTexts, Func{Exception, string?}?)"/>.
    /// </summary>
    public static Task<bool> RunAsync(this CircuitAccess access, string policy, ILogger logger, string what, Func<string, Task> action,
        Action<string> show, ActionFailureTexts texts)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(action);
        return RunAsync(logger, what, async () => await action(await access.RequireNameAsync(policy, what)), show, texts);
    }

    private enum Outcome
    {
        Completed,
        Refused,
        Failed,
    }

    /// <summary>The one catch block: a refusal (logged by CircuitAccess), a failure logged here, a cancellation left to the caller.</summary>
    private static async Task<(Outcome Outcome, string? Known)> TryAsync(ILogger logger, string what, Func<Task> action,
        Func<Exception, string?>? known)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action();
            return (Outcome.Completed, null);
        }
        catch (AccessDeniedException)
        {
            return (Outcome.Refused, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var message = known?.Invoke(e);
            logger.Log(message is null ? LogLevel.Error : LogLevel.Warning, e, "{What} failed", what);
            return (Outcome.Failed, message);
        }
    }
}

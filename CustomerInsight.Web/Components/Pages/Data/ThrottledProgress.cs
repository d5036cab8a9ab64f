using CustomerInsight.Core.Importing;

namespace CustomerInsight.Web.Components.Pages.Data;

/// <summary>
/// Import progress for a UI: hands a report on at most once per <paramref name="interval"/> (a phase change
/// always), so a fast pipeline does not flood the circuit with renders. Called from the pipeline's thread.
/// </summary>
public sealed class ThrottledProgress(Func<ImportProgress, Task> onReport, TimeSpan interval, TimeProvider clock) : IProgress<ImportProgress>
{
    private readonly Lock gate = new();
    private long last;
    private ImportPhase? lastPhase;

    public void Report(ImportProgress value)
    {
        lock (gate)
        {
            var now = clock.GetTimestamp();
            if (lastPhase == value.Phase && clock.GetElapsedTime(last, now) < interval)
            {
                return;
            }
            last = now;
            lastPhase = value.Phase;
        }
        _ = onReport(value);
    }
}

using System.Diagnostics;

namespace CustomerInsight.Web.Cli;

/// <summary>
/// What <c>--timing</c> prints: the start-up (process start → configuration, services and database ready)
/// and the verb's own work, so that benchmarks can tell the .NET start-up from the work it does; then the steps
/// of that work a verb reported (<see cref="AddPhase"/>), one line each.
/// </summary>
public sealed class CliTiming
{
    private readonly DateTime processStartUtc;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<string> phases = [];
    private TimeSpan ready;

    private CliTiming(DateTime processStartUtc, bool enabled)
    {
        this.processStartUtc = processStartUtc;
        Enabled = enabled;
    }

    /// <summary>True with <c>--timing</c>: only then is anything printed.</summary>
    public bool Enabled { get; }

    public static CliTiming Start(bool enabled)
    {
        using var process = Process.GetCurrentProcess();
        return new CliTiming(process.StartTime.ToUniversalTime(), enabled);
    }

    public void Ready() => ready = clock.Elapsed;

    /// <summary>A step of the verb's work, printed after the totals.</summary>
    /// <param name="processor">The process's processor time meanwhile, when measured.</param>
    public void AddPhase(string name, TimeSpan elapsed, TimeSpan? processor = null, string detail = "") =>
        phases.Add(string.Create(CultureInfo.InvariantCulture, $"timing:   {name} {elapsed.TotalMilliseconds:F0} ms")
            + (processor is { } cpu ? string.Create(CultureInfo.InvariantCulture, $", CPU {cpu.TotalMilliseconds:F0} ms") : "")
            + (detail.Length > 0 ? $" ({detail})" : ""));

    public void Report(TextWriter error)
    {
        if (!Enabled)
        {
            return;
        }
        var beforeMain = DateTime.UtcNow - clock.Elapsed - processStartUtc;
        var startup = beforeMain + ready;
        var work = clock.Elapsed - ready;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timing: start-up {startup.TotalMilliseconds:F0} ms, work {work.TotalMilliseconds:F0} ms"));
        if (phases.Count > 0)
        {
            using var process = Process.GetCurrentProcess();
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"timing: processor time of the whole process {process.TotalProcessorTime.TotalMilliseconds:F0} ms; the work's steps:"));
        }
        foreach (var phase in phases)
        {
            error.WriteLine(phase);
        }
    }
}

using System.Diagnostics;
using System.Text;

namespace CustomerInsight.Web.Cli;

/// <summary>
/// What <c>--timing</c> prints: the start-up (process start → configuration, services and database ready)
/// and the verb's own work, so that benchmarks can tell the .NET start-up from the work it does; then the start-up's
/// steps (<see cref="StartupStep"/>) on one line; then the steps of that work a verb reported (<see cref="AddPhase"/>),
/// one line each.
/// </summary>
public sealed class CliTiming
{
    private readonly DateTime processStartUtc;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<string> phases = [];
    private readonly List<(string Name, TimeSpan End, TimeSpan Processor)> startupSteps = [];
    private readonly TimeSpan processorAtStart;
    private TimeSpan ready;

    private CliTiming(DateTime processStartUtc, TimeSpan processorAtStart, bool enabled)
    {
        this.processStartUtc = processStartUtc;
        this.processorAtStart = processorAtStart;
        Enabled = enabled;
    }

    /// <summary>True with <c>--timing</c>: only then is anything printed.</summary>
    public bool Enabled { get; }

    public static CliTiming Start(bool enabled)
    {
        if (!enabled)
        {
            return new CliTiming(default, default, enabled: false);
        }
        using var process = Process.GetCurrentProcess();
        return new CliTiming(process.StartTime.ToUniversalTime(), process.TotalProcessorTime, enabled: true);
    }

    /// <summary>A step of the start-up is over (the first one, <c>runtime</c>, is the time before <see cref="Start"/>).</summary>
    public void StartupStep(string name)
    {
        if (Enabled)
        {
            using var process = Process.GetCurrentProcess();
            startupSteps.Add((name, clock.Elapsed, process.TotalProcessorTime));
        }
    }

    public void Ready() => ready = clock.Elapsed;

    /// <summary>A step of the verb's work, printed after the totals.</summary>
    /// <param name="processor">The process's processor time meanwhile, when measured.</param>
    public void AddPhase(string name, TimeSpan elapsed, TimeSpan? processor = null, string detail = "") =>
        phases.Add(string.Create(CultureInfo.InvariantCulture, $"timing:   {name} {elapsed.TotalMilliseconds:F0} ms")
            + (processor is { } cpu ? string.Create(CultureInfo.InvariantCulture, $", CPU {cpu.TotalMilliseconds:F0} ms") : "")
            + (detail.Length > 0 ? $" ({detail})" : ""));

    /// <summary>One line: each start-up step's wall time and the process's processor time in it (the runtime's: before it).</summary>
    private string StartupSteps(TimeSpan beforeMain)
    {
        var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"timing: start-up steps: runtime {beforeMain.TotalMilliseconds:F0} ms (CPU {processorAtStart.TotalMilliseconds:F0})"));
        var (previous, previousProcessor) = (TimeSpan.Zero, processorAtStart);
        foreach (var (name, end, processor) in startupSteps)
        {
            line.Append(CultureInfo.InvariantCulture,
                $", {name} {(end - previous).TotalMilliseconds:F0} ms (CPU {(processor - previousProcessor).TotalMilliseconds:F0})");
            (previous, previousProcessor) = (end, processor);
        }
        return line.ToString();
    }

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
        error.WriteLine(StartupSteps(beforeMain));
        if (CustomerInsight.Core.Data.SqliteSetup.State is { } sqlite)
        {
            error.WriteLine("timing: SQLite " + sqlite);
        }
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

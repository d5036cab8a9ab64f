using System.Diagnostics;

namespace CustomerInsight.Web.Cli;

/// <summary>
/// What <c>--timing</c> prints: the start-up (process start → configuration, services and database ready)
/// and the verb's own work, so that benchmarks can tell the .NET start-up from the work it does.
/// </summary>
public sealed class CliTiming
{
    private readonly DateTime processStartUtc;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan ready;

    private CliTiming(DateTime processStartUtc) => this.processStartUtc = processStartUtc;

    public static CliTiming Start()
    {
        using var process = Process.GetCurrentProcess();
        return new CliTiming(process.StartTime.ToUniversalTime());
    }

    public void Ready() => ready = clock.Elapsed;

    public void Report(TextWriter error)
    {
        var beforeMain = DateTime.UtcNow - clock.Elapsed - processStartUtc;
        var startup = beforeMain + ready;
        var work = clock.Elapsed - ready;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timing: start-up {startup.TotalMilliseconds:F0} ms, work {work.TotalMilliseconds:F0} ms"));
    }
}

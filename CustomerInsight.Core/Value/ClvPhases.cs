using System.Diagnostics;

namespace CustomerInsight.Core.Value;

/// <summary>One step of a fit and the time it took (what the <c>clv</c> verb's <c>--timing</c> prints).</summary>
/// <param name="Processor">Processor time of the whole process meanwhile (all threads: more than the elapsed time on several cores).</param>
public readonly record struct ClvPhase(string Name, TimeSpan Elapsed, TimeSpan Processor, string Detail)
{
    /// <summary>"BG/NBD search 856 ms (CPU 1,602 ms; 391 likelihood evaluations)", for the log.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Name} {Elapsed.TotalMilliseconds:N0} ms (CPU {Processor.TotalMilliseconds:N0} ms{(Detail.Length > 0 ? "; " + Detail : "")})");
}

/// <summary>Measures a fit's steps one after the other: each <see cref="Mark"/> closes the step begun at the previous one.</summary>
public sealed class ClvPhases
{
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly List<ClvPhase> phases = [];
    private TimeSpan last;
    private TimeSpan lastProcessor = ProcessorTime();

    public IReadOnlyList<ClvPhase> Phases => phases;

    /// <summary>Ends the step <paramref name="name"/> (begun at the previous mark or at creation).</summary>
    public void Mark(string name, string detail = "")
    {
        var now = watch.Elapsed;
        var processor = ProcessorTime();
        phases.Add(new ClvPhase(name, now - last, processor - lastProcessor, detail));
        last = now;
        lastProcessor = processor;
    }

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}

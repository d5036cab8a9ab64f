using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace CustomerInsight.CircuitLoad;

/// <param name="ServerPid">The app's process: its resident memory is read from /proc before and after the circuits.</param>
public sealed record LoadSettings(Uri Url, int Circuits, TimeSpan Duration, TimeSpan Interval, string Email, string Password, int? ServerPid,
    string Path);

/// <summary>The last line of bench/circuits.sh (its fields are the issue's).</summary>
public sealed record LoadResult(int Circuits, double P95Ms, int Errors, double RssMbPerCircuit)
{
    public string ToJson() => JsonSerializer.Serialize(new { circuits = Circuits, p95Ms = Math.Round(P95Ms, 1), errors = Errors,
        rssMbPerCircuit = Math.Round(RssMbPerCircuit, 2) });
}

/// <summary>
/// N signed-in dashboard circuits held open together, each changing the channel filter every interval (first change
/// at a random offset, so changes are spread evenly), for the duration; measures each change to its rendered answer.
/// </summary>
public sealed class LoadTest(LoadSettings settings, TextWriter log)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly ConcurrentBag<double> latencies = [];
    private readonly ConcurrentQueue<string> errors = new();
    private long changeBatches;
    private long changeBytes;

    public async Task<LoadResult> RunAsync(CancellationToken cancellationToken)
    {
        // One circuit first, through every channel: start-up work (JIT, first queries, caches of each filter) is not
        // counted in the circuits' memory nor in the measured changes.
        await using (var warmUp = await OpenAsync(cancellationToken))
        {
            for (var i = 0; i < 6; i++)
            {
                await DashboardUser.ChangeChannelAsync(warmUp, null, cancellationToken);
            }
        }
        var baseline = ServerRssMb();
        Report($"warm-up done; server {baseline:0} MB resident");

        var clock = Stopwatch.StartNew();
        var circuits = new BlazorCircuit?[settings.Circuits];
        using (var starting = new SemaphoreSlim(Math.Max(2, Environment.ProcessorCount * 2)))
        {
            await Task.WhenAll(Enumerable.Range(0, settings.Circuits).Select(async i =>
            {
                await starting.WaitAsync(cancellationToken);
                try
                {
                    circuits[i] = await OpenAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    errors.Enqueue($"circuit {i} did not start: {e.Message}");
                }
                finally
                {
                    starting.Release();
                }
            }));
        }
        var opened = circuits.Count(c => c is not null);
        var rssOpen = ServerRssMb();
        Report($"{opened} circuits open in {clock.Elapsed.TotalSeconds:0} s; server {rssOpen:0} MB resident");

        var random = new Random(settings.Circuits);
        var offsets = circuits.Select(_ => random.NextDouble() * settings.Interval.TotalMilliseconds).ToArray();
        using var progress = new Timer(
            _ => Report($"{latencies.Count} changes, p95 {Percentile(latencies.ToArray(), 0.95):0} ms, {errors.Count} errors"),
            null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        var runEnd = DateTime.UtcNow + settings.Duration;
        var (serverCpuBefore, clientCpuBefore) = (ServerCpuMs(), Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds);
        await Task.WhenAll(circuits.Select((circuit, i) => circuit is null ? Task.CompletedTask : DriveAsync(circuit, i, offsets[i], runEnd,
            cancellationToken)));
        var rssEnd = ServerRssMb();
        var (serverCpu, clientCpu) = (ServerCpuMs() - serverCpuBefore,
            Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds - clientCpuBefore);
        foreach (var circuit in circuits.OfType<BlazorCircuit>())
        {
            foreach (var error in circuit.Errors)
            {
                errors.Enqueue(error);
            }
        }
        await Task.WhenAll(circuits.OfType<BlazorCircuit>().Select(c => c.DisposeAsync().AsTask()));

        var values = latencies.ToArray();
        Report($"{values.Length} filter changes: median {Percentile(values, 0.5):0} ms, p95 {Percentile(values, 0.95):0} ms, "
            + $"max {(values.Length > 0 ? values.Max() : 0):0} ms; "
            + $"server {baseline:0} MB before the circuits, {rssOpen:0} MB with them open, {rssEnd:0} MB at the end");
        if (values.Length > 0)
        {
            Report($"per change (opening the list included): {(double)changeBatches / values.Length:0.0} render batches, "
                + $"{changeBytes / values.Length / 1024.0:0.0} KB, "
                + $"server CPU {serverCpu / values.Length:0.0} ms, this client's CPU {clientCpu / values.Length:0.0} ms");
        }
        foreach (var error in errors.Take(10))
        {
            Report("error: " + error);
        }
        var perCircuit = baseline is { } before && rssEnd is { } after && settings.Circuits > 0 ? (after - before) / settings.Circuits : double.NaN;
        return new LoadResult(settings.Circuits, Percentile(values, 0.95), errors.Count, perCircuit);
    }

    private async Task DriveAsync(BlazorCircuit circuit, int index, double offsetMs, DateTime runEnd, CancellationToken cancellationToken)
    {
        var next = DateTime.UtcNow.AddMilliseconds(offsetMs);
        while (next < runEnd)
        {
            var wait = next - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
            try
            {
                var (batchesBefore, bytesBefore) = (circuit.Batches, circuit.BatchBytes);
                var took = await DashboardUser.ChangeChannelAsync(circuit, null, cancellationToken);
                latencies.Add(took.TotalMilliseconds);
                Interlocked.Add(ref changeBatches, circuit.Batches - batchesBefore);
                Interlocked.Add(ref changeBytes, circuit.BatchBytes - bytesBefore);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                errors.Enqueue($"circuit {index}: {e.Message}");
            }
            next += settings.Interval;
        }
    }

    private async Task<BlazorCircuit> OpenAsync(CancellationToken cancellationToken)
    {
        var circuit = new BlazorCircuit(settings.Url);
        try
        {
            await circuit.SignInAsync(settings.Email, settings.Password, cancellationToken);
            await circuit.StartAsync(settings.Path, DashboardUser.IsReady, StartTimeout, cancellationToken);
            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    private double? ServerRssMb()
    {
        if (settings.ServerPid is not { } pid)
        {
            return null;
        }
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>The app's user + system CPU time so far (ms), from /proc (NaN without its pid).</summary>
    private double ServerCpuMs()
    {
        if (settings.ServerPid is not { } pid)
        {
            return double.NaN;
        }
        // Fields 14 and 15 of /proc/PID/stat (after the command name in parentheses), in clock ticks (100 per second).
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    private void Report(string message)
    {
        lock (log)
        {
            log.WriteLine($"   {DateTime.UtcNow:HH:mm:ss} {message}");
        }
    }

    /// <summary>The nearest-rank percentile (0 without values).</summary>
    public static double Percentile(double[] values, double fraction)
    {
        if (values.Length == 0)
        {
            return 0;
        }
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerInsight.Core.Privacy;

namespace CustomerInsight.Web.Cli;

/// <summary><c>purge --dry-run</c> / <c>purge --confirm</c>: the retention purge of <c>Privacy:RetentionMonths</c>.</summary>
public sealed class PurgeVerb(RetentionPurge purge, IOptions<PrivacyOptions> options) : ICliVerb
{
    public string Name => "purge";
    public string Summary => "retention purge: --dry-run lists, --confirm anonymises idle customers";
    public string Usage => """
        usage: purge --dry-run [--json] | --confirm

        Customers whose last activity is older than Privacy:RetentionMonths are due. Last activity:
        the latest order (sale or cancellation), survey answer, consent record, or creation date as
        the source file gave it (CreatedAt); the time an import ran is never an activity.
        --dry-run prints their count and a sample of internal ids (--json: { "cutoff": "yyyy-MM-dd",
        "customers": N }); --confirm anonymises them all in one transaction (as erase does), audited.
        Ctrl+C cancels and changes nothing.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, [], ["dry-run", "confirm", "json"]);
        if (arguments.Positionals.Count > 0)
        {
            throw new CliInputException($"purge takes no positional value: \"{arguments.Positionals[0]}\".");
        }
        if (arguments.Has("dry-run") == arguments.Has("confirm"))
        {
            throw new CliInputException("Give exactly one of --dry-run and --confirm.");
        }
        if (arguments.Has("json") && !arguments.Has("dry-run"))
        {
            throw new CliInputException("--json goes with --dry-run.");
        }
        var months = options.Value.RetentionMonths;
        if (arguments.Has("dry-run"))
        {
            var candidates = await purge.FindAsync(months, 20, cancellationToken);
            if (arguments.Has("json"))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(new PurgeDryRunJson(DateOnly.FromDateTime(candidates.CutoffUtc),
                    candidates.Count)));
                return 0;
            }
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Retention {months} months (idle since before {candidates.CutoffUtc:yyyy-MM-dd}): ")
                + string.Create(CultureInfo.InvariantCulture, $"{candidates.Count} customer(s) would be anonymised."));
            foreach (var sample in candidates.Sample)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  customer {sample.CustomerId}, last activity {(sample.LastActivityUtc is { } last ? last.ToString("yyyy-MM-dd",
                    CultureInfo.InvariantCulture) : "none")}"));
            }
            return 0;
        }
        var progress = new SynchronousProgress<RetentionProgress>(p =>
        {
            if (p.Total > 0)
            {
                console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{p.Done}/{p.Total}"));
            }
        });
        var done = await purge.PurgeAsync(months, CliUser.Name, progress, cancellationToken);
        await console.Error.WriteLineAsync();
        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{done} customer(s) anonymised (retention {months} months)."));
        return 0;
    }
}

/// <summary>The <c>purge --dry-run --json</c> object (interfaces.md).</summary>
internal sealed record PurgeDryRunJson(
    [property: JsonPropertyName("cutoff")] DateOnly Cutoff,
    [property: JsonPropertyName("customers")] int Customers);

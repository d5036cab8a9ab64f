using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerInsight.Core.Unify;

namespace CustomerInsight.Web.Cli;

/// <summary><c>unify --dry-run [--json]</c> / <c>unify --confirm</c> / <c>unify --undo ID</c>: match groups of metrics.md and their merge.</summary>
public sealed class UnifyVerb(UnifyQueries queries, UnifyCommands commands) : ICliVerb
{
    public string Name => "unify";
    public string Summary => "reconciliation: --dry-run lists match groups, --confirm merges them all, --undo ID undoes a merge";
    public string Usage => """
        usage: unify --dry-run [--json] | --confirm | --undo MERGE_ID

        Match rules (metrics.md): same normalised e-mail, same normalised phone, or same normalised first name,
        last name and postal code. Customers linked directly or through others form a match group; erased
        customers never match.
        --dry-run prints the groups, the customers in them and the pairs each rule links (--json:
        { "groups": N, "customers": N, "byRule": { "email": N, "phone": N, "nameAndPostalCode": N } }).
        --confirm merges every group in one transaction, audited (unify.merge): each group keeps its smallest
        customer id and every source id, and gets every order, survey answer and consent record.
        --undo MERGE_ID undoes one merge (its id is printed by --confirm and shown on the Good data page),
        audited (unify.undo); exit 2 if unknown, already undone, erased since, or followed by a later merge of
        the same customer (undo that one first).
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, ["undo"], ["dry-run", "confirm", "json"]);
        if (arguments.Positionals.Count > 0)
        {
            throw new CliInputException($"unify takes no positional value: \"{arguments.Positionals[0]}\".");
        }
        var undo = arguments.Get("undo");
        if ((arguments.Has("dry-run") ? 1 : 0) + (arguments.Has("confirm") ? 1 : 0) + (undo is null ? 0 : 1) != 1)
        {
            throw new CliInputException("Give exactly one of --dry-run, --confirm and --undo MERGE_ID.");
        }
        if (arguments.Has("json") && !arguments.Has("dry-run"))
        {
            throw new CliInputException("--json goes with --dry-run.");
        }
        if (undo is not null)
        {
            if (!int.TryParse(undo, NumberStyles.None, CultureInfo.InvariantCulture, out var mergeId))
            {
                throw new CliInputException($"--undo expects a merge id (a whole number), not \"{undo}\".");
            }
            var result = await commands.UndoAsync(mergeId, CliUser.Name, cancellationToken);
            return result.Outcome switch
            {
                MergeUndoOutcome.Undone => await WriteAsync(console, $"Merge {mergeId} undone: {result.Customers} source record(s) are separate customers again."),
                MergeUndoOutcome.UnknownMerge => throw new CliInputException($"No merge {mergeId}."),
                MergeUndoOutcome.AlreadyUndone => throw new CliInputException($"Merge {mergeId} is already undone."),
                MergeUndoOutcome.Erased => throw new CliInputException($"Merge {mergeId} cannot be undone: the unified customer was erased."),
                _ => throw new CliInputException($"Merge {mergeId} cannot be undone: a later merge changed the same customer; undo it first."),
            };
        }
        if (arguments.Has("dry-run"))
        {
            var found = await queries.FindGroupsAsync(cancellationToken);
            var json = new UnifyDryRunJson(found.Groups.Count, found.Customers, new UnifyByRuleJson(
                found.PairsByRule[MatchRule.Email], found.PairsByRule[MatchRule.Phone], found.PairsByRule[MatchRule.NameAndPostalCode]));
            if (arguments.Has("json"))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(json));
                return 0;
            }
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{json.Groups} match group(s), {json.Customers} customer(s) in them would be merged into {json.Groups}."));
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Pairs linked: e-mail {json.ByRule.Email}, phone {json.ByRule.Phone}, name and postal code {json.ByRule.NameAndPostalCode}."));
            return 0;
        }
        var merged = await commands.MergeAllAsync(CliUser.Name, cancellationToken);
        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{merged.Groups} group(s) merged: {merged.Customers} customer(s) became {merged.Groups}."));
        if (merged.MergeIds.Count > 0)
        {
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Merge ids {merged.MergeIds[0]}–{merged.MergeIds[^1]} (unify --undo ID undoes one)."));
        }
        return 0;
    }

    private static async Task<int> WriteAsync(CliConsole console, string line)
    {
        await console.Out.WriteLineAsync(line);
        return 0;
    }
}

/// <summary>The <c>unify --dry-run --json</c> object (interfaces.md).</summary>
internal sealed record UnifyDryRunJson(
    [property: JsonPropertyName("groups")] int Groups,
    [property: JsonPropertyName("customers")] int Customers,
    [property: JsonPropertyName("byRule")] UnifyByRuleJson ByRule);

internal sealed record UnifyByRuleJson(
    [property: JsonPropertyName("email")] long Email,
    [property: JsonPropertyName("phone")] long Phone,
    [property: JsonPropertyName("nameAndPostalCode")] long NameAndPostalCode);

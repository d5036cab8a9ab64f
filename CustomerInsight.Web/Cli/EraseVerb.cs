using CustomerInsight.Core.Privacy;

namespace CustomerInsight.Web.Cli;

/// <summary><c>erase --customer ID</c>: erasure (anonymisation) of one customer by source customer id.</summary>
public sealed class EraseVerb(CustomerErasure erasure) : ICliVerb
{
    public string Name => "erase";
    public string Summary => "erase (anonymise) one customer by source customer id";
    public string Usage => """
        usage: erase --customer ID

        Removes every personal field and survey comment of the customer, replaces its source id by a
        pseudonym and removes its consents' proof references; orders and scores stay as anonymous
        figures. Audited; the database file and its WAL are checkpointed afterwards.
        Exit code 2 when no customer has this source id.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, ["customer"], []);
        if (arguments.Positionals.Count > 0)
        {
            throw new CliInputException($"erase takes no positional value: \"{arguments.Positionals[0]}\".");
        }
        var sourceId = arguments.Required("customer").Trim();
        var result = await erasure.EraseBySourceIdAsync(sourceId, CliUser.Name, cancellationToken);
        switch (result.Outcome)
        {
            case ErasureOutcome.UnknownCustomer:
                throw new CliInputException($"No customer has the source id \"{sourceId}\" (an erased customer is known by its pseudonym only).");
            case ErasureOutcome.AlreadyErased:
                await console.Out.WriteLineAsync($"Customer {result.CustomerId} was already erased ({result.Pseudonym}).");
                return 0;
            default:
                await console.Out.WriteLineAsync($"Customer {result.CustomerId} erased; pseudonym {result.Pseudonym}.");
                if (!result.Checkpointed)
                {
                    await console.Error.WriteLineAsync(
                        "Warning: another process kept the WAL from being truncated; it is written back at its next checkpoint.");
                }
                return 0;
        }
    }
}

/// <summary>The name the command line writes in the audit log.</summary>
internal static class CliUser
{
    public static string Name => "cli:" + Environment.UserName;
}

using System.Text.Json;
using CustomerInsight.Core.Importing;

namespace CustomerInsight.Web.Cli;

/// <summary><c>undo-import --batch ID [--json]</c>: undoes one import (what it created), all or nothing, audited.</summary>
public sealed class UndoImportVerb(ImportUndo undo) : ICliVerb
{
    public string Name => "undo-import";
    public string Summary => "undo one import: remove what it created (its batch id is in the import report and history)";
    public string Usage => """
        usage: undo-import --batch ID [--json]

        Removes what import batch ID created: its orders and their lines, its survey responses, its consent
        records, and the customers it created that have nothing else left (a customer with data from another
        import, or updated by another import, stays; erased customers stay). Customers it updated keep the
        update. One transaction, audited as import.undo; the figures return to what they were without it.
        --json prints { "batchId", "orders", "orderLines", "responses", "consents", "customers" } (removed).
        Exit code 2 when no import has this id, when it was already undone, or when it was rejected (it wrote nothing).
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, ["batch"], ["json"]);
        if (arguments.Positionals.Count > 0)
        {
            throw new CliInputException($"undo-import takes no positional value: \"{arguments.Positionals[0]}\".");
        }
        var text = arguments.Required("batch");
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var batchId) || batchId <= 0)
        {
            throw new CliInputException($"Option --batch: \"{text}\" is not an import batch id (a positive whole number).");
        }
        var error = console.Error;
        var result = await undo.UndoAsync(batchId, CliUser.Name,
            () => error.WriteLine("Another import or process is writing to the database: waiting for it to finish…"), cancellationToken);
        switch (result.Outcome)
        {
            case UndoOutcome.UnknownBatch:
                throw new CliInputException($"No import has the batch id {batchId}.");
            case UndoOutcome.AlreadyUndone:
                throw new CliInputException($"Import batch {batchId} was already undone.");
            case UndoOutcome.NothingToUndo:
                throw new CliInputException($"Import batch {batchId} was rejected: it wrote nothing, there is nothing to undo.");
        }
        if (arguments.Has("json"))
        {
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(new
            {
                batchId = result.BatchId,
                orders = result.Orders,
                orderLines = result.OrderLines,
                responses = result.Responses,
                consents = result.Consents,
                customers = result.Customers,
            }));
        }
        else
        {
            var c = CultureInfo.InvariantCulture;
            await console.Out.WriteLineAsync(string.Create(c,
                $"Import batch {batchId} undone: removed {result.Orders} orders ({result.OrderLines} lines), ")
                + string.Create(c, $"{result.Responses} survey responses, {result.Consents} consents, {result.Customers} customers."));
        }
        return 0;
    }
}

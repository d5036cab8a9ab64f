using System.Data.Common;
using System.Text.Json.Nodes;
using CustomerInsight.Core.Importing;

namespace CustomerInsight.Core.Privacy;

/// <summary>
/// Removes the values of erased customers from the stored import reports (<c>ImportBatches.ReportJson</c>): a
/// rejected row's message or found value may quote a name, an e-mail or an id. Every string of the report is
/// searched for the values as whole words (not inside a longer word or number) and each occurrence is replaced
/// by <see cref="Mask"/>; the report keeps its rows, columns and messages otherwise.
/// </summary>
internal static class ImportReportScrubber
{
    public const string Mask = "[…]";

    /// <summary>Values longer than this never occur in a report (fields are at most 254 characters).</summary>
    private const int MaxValueLength = 256;

    /// <summary>Adds one personal value to scrub, and the local part of an e-mail (reports may cut an address short).</summary>
    public static void AddValue(HashSet<string> values, string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length < 2 || trimmed.Length > MaxValueLength)
        {
            return;
        }
        values.Add(trimmed);
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (at >= 3)
        {
            values.Add(trimmed[..at]);
        }
    }

    /// <summary>Rewrites, in the caller's transaction, every report that holds one of <paramref name="values"/>; returns how many.</summary>
    public static async Task<int> ScrubAsync(DbConnection connection, DbTransaction transaction, IReadOnlySet<string> values,
        CancellationToken cancellationToken)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        var changed = new List<(int Id, string Json)>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = """SELECT "Id", "ReportJson" FROM "ImportBatches" WHERE "ReportJson" IS NOT NULL""";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (Scrub(reader.GetString(1), values) is { } json)
                {
                    changed.Add((reader.GetInt32(0), json));
                }
            }
        }
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = """UPDATE "ImportBatches" SET "ReportJson" = @json WHERE "Id" = @id""";
        var jsonParameter = update.CreateParameter();
        jsonParameter.ParameterName = "@json";
        var idParameter = update.CreateParameter();
        idParameter.ParameterName = "@id";
        update.Parameters.Add(jsonParameter);
        update.Parameters.Add(idParameter);
        foreach (var (id, json) in changed)
        {
            jsonParameter.Value = json;
            idParameter.Value = id;
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        return changed.Count;
    }

    /// <summary>The report without the values, or null when it held none of them (or is not JSON).</summary>
    public static string? Scrub(string reportJson, IReadOnlySet<string> values)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(reportJson);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        return root is not null && ScrubNode(root, values) ? root.ToJsonString(ImportReport.JsonOptions) : null;
    }

    private static bool ScrubNode(JsonNode node, IReadOnlySet<string> values)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        if (ScrubText(text, values) is { } scrubbed)
                        {
                            obj[key] = scrubbed;
                            changed = true;
                        }
                    }
                    else if (child is not null)
                    {
                        changed |= ScrubNode(child, values);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        if (ScrubText(text, values) is { } scrubbed)
                        {
                            array[i] = scrubbed;
                            changed = true;
                        }
                    }
                    else if (array[i] is { } child)
                    {
                        changed |= ScrubNode(child, values);
                    }
                }
                break;
        }
        return changed;
    }

    /// <summary>
    /// The text with every whole-word occurrence of a value masked (longest first), or null when none occurs.
    /// A cut is allowed where it does not split a run of letters and digits.
    /// </summary>
    internal static string? ScrubText(string text, IReadOnlySet<string> values)
    {
        var cuts = new List<int>();
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == 0 || i == text.Length || !char.IsLetterOrDigit(text[i - 1]) || !char.IsLetterOrDigit(text[i]))
            {
                cuts.Add(i);
            }
        }
        var result = new System.Text.StringBuilder();
        var position = 0;
        var found = false;
        for (var c = 0; c < cuts.Count; c++)
        {
            var start = cuts[c];
            if (start < position)
            {
                continue;
            }
            var end = -1;
            for (var e = c + 1; e < cuts.Count && cuts[e] - start <= MaxValueLength; e++)
            {
                if (values.Contains(text.Substring(start, cuts[e] - start)))
                {
                    end = cuts[e];
                }
            }
            if (end < 0)
            {
                continue;
            }
            result.Append(text, position, start - position).Append(Mask);
            position = end;
            found = true;
        }
        return found ? result.Append(text, position, text.Length - position).ToString() : null;
    }
}

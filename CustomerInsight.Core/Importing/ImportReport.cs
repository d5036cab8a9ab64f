using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerInsight.Core.Text;

namespace CustomerInsight.Core.Importing;

/// <summary>
/// One problem found in the file: where (row as a spreadsheet numbers it: the header is row 1, the first data row
/// row 2, empty rows count, a CSV value with a line break inside quotes stays in its row;
/// column as named in the file's header) and what: a stable <see cref="Code"/> and its <see cref="Args"/>, whose words
/// the web project resolves (<see cref="Text"/>). <see cref="Message"/> is the English text, filled by
/// <see cref="ImportReport.WithMessages"/> for the JSON report.
/// </summary>
public sealed record ImportIssue(
    [property: JsonPropertyName("row")] int Row,
    [property: JsonPropertyName("column")] string? Column,
    [property: JsonPropertyName("code"), JsonPropertyOrder(1)] string Code,
    [property: JsonPropertyName("args"), JsonPropertyOrder(1)] IReadOnlyList<string> Args)
{
    [JsonPropertyName("message")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }

    /// <summary>The problem as a text to resolve in the reader's language.</summary>
    [JsonIgnore] public LocalizedText Text => ImportMessages.Text(Code, Args);

    public static ImportIssue Create(int row, string? column, string code, params string[] args) => new(row, column, code, args);
}

/// <summary>Entities written by an import.</summary>
public sealed record EntityCounts(
    [property: JsonPropertyName("created")] int Created,
    [property: JsonPropertyName("updated")] int Updated)
{
    public static EntityCounts None { get; } = new(0, 0);
}

/// <summary>
/// The import report (interfaces.md, <c>import --json</c>). Every row read is counted exactly once:
/// on success <c>rowsRead = rowsImported + duplicateRows + Σ skipped</c>. Skipped reasons and issue
/// messages are stable codes (see <see cref="ImportMessages"/>).
/// </summary>
public sealed record ImportReport
{
    [JsonPropertyName("fileName")] public required string FileName { get; init; }
    [JsonPropertyName("format")] public required string Format { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("batchId")] public int? BatchId { get; init; }

    /// <summary>The currency the file's amounts were declared in (ISO 4217): the database's, or the file was refused.</summary>
    [JsonPropertyName("currency")] public string? Currency { get; init; }
    [JsonPropertyName("rowsRead")] public int RowsRead { get; init; }
    [JsonPropertyName("rowsImported")] public int RowsImported { get; init; }
    [JsonPropertyName("duplicateRows")] public int DuplicateRows { get; init; }
    [JsonPropertyName("skipped")] public IReadOnlyDictionary<string, int> Skipped { get; init; } = new Dictionary<string, int>();
    [JsonPropertyName("rejected")] public IReadOnlyList<ImportIssue> Rejected { get; init; } = [];

    /// <summary>The file's columns that the format does not read, as named in its header (their values are not imported).</summary>
    [JsonPropertyName("ignoredColumns")] public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>All rejected rows (file-level problems count as one); <see cref="Rejected"/> keeps the first 100.</summary>
    [JsonPropertyName("rejectedCount")] public int RejectedCount { get; init; }

    [JsonPropertyName("orders")] public EntityCounts Orders { get; init; } = EntityCounts.None;
    [JsonPropertyName("customers")] public EntityCounts Customers { get; init; } = EntityCounts.None;
    [JsonPropertyName("responses")] public EntityCounts Responses { get; init; } = EntityCounts.None;
    [JsonPropertyName("consents")] public EntityCounts Consents { get; init; } = EntityCounts.None;

    /// <summary>Imported rows with a remark that did not stop them (e.g. a survey whose order is not in the database).</summary>
    [JsonPropertyName("notes")] public IReadOnlyDictionary<string, int> Notes { get; init; } = new Dictionary<string, int>();

    [JsonIgnore] public bool Succeeded => Status == StatusSucceeded;

    public const string StatusSucceeded = "succeeded";
    public const string StatusRejected = "rejected";

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = false,
        // Generated at build time: a command-line import does not build the report's serialization by reflection (tens of
        // milliseconds of a short process); anything else still by reflection.
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(ImportReportJsonContext.Default,
            new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
    };

    /// <summary>The report with each listed issue's <see cref="ImportIssue.Message"/> in English, as the JSON report gives it.</summary>
    public ImportReport WithMessages(ITextResolver texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return this with { Rejected = Rejected.Select(i => i with { Message = texts.Resolve(i.Text, English) }).ToList() };
    }

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public string ToJson(bool indented = false) =>
        JsonSerializer.Serialize(this, indented ? new JsonSerializerOptions(JsonOptions) { WriteIndented = true } : JsonOptions);
}

public enum ImportPhase
{
    Reading,
    Writing,
    Done,

    /// <summary>The file is read and checked; another writer (an import, another process) holds the database: waiting for it.</summary>
    Waiting,
}

/// <summary>Progress of a running import; <see cref="Fraction"/> is the share of the file read (0–1) when known.</summary>
public readonly record struct ImportProgress(ImportPhase Phase, int RowsProcessed, double? Fraction);

/// <summary>The import report's JSON, generated at build time (<see cref="ImportReport.JsonOptions"/>).</summary>
[JsonSerializable(typeof(ImportReport))]
internal sealed partial class ImportReportJsonContext : JsonSerializerContext;

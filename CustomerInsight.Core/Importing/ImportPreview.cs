using CustomerInsight.Core.Importing.Reading;

namespace CustomerInsight.Core.Importing;

/// <summary>A file column and the format column it feeds (null: ignored).</summary>
public sealed record ColumnMapping(string FileColumn, string? FormatColumn);

/// <summary>
/// What the pipeline sees in a file before importing it: the container, encoding, separator, the format
/// (given or detected from the header), the column mapping and the first rows as text.
/// <see cref="Issues"/> holds file-level problems (unreadable file, missing columns…).
/// </summary>
public sealed record ImportPreview(
    string FileName,
    ImportFileKind? FileKind,
    string? Encoding,
    string? Separator,
    ImportFormat? Format,
    bool FormatDetected,
    IReadOnlyList<string> Header,
    IReadOnlyList<ColumnMapping> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<ImportIssue> Issues)
{
    /// <summary>The file's columns that the chosen format does not read (shown, and listed in the report).</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    public bool CanImport => Format is not null && Issues.Count == 0;
}

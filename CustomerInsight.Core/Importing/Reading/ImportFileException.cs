namespace CustomerInsight.Core.Importing.Reading;

/// <summary>A problem with the whole file (not one row): it ends reading and rejects the file.</summary>
internal sealed class ImportFileException(ImportIssue issue) : Exception(issue.Text.ToString())
{
    public ImportIssue Issue { get; } = issue;

    public static ImportFileException Create(int row, string? column, string code, params string[] args) =>
        new(ImportIssue.Create(row, column, code, args));
}

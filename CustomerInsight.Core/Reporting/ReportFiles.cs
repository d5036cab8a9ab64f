namespace CustomerInsight.Core.Reporting;

/// <summary>
/// Writes a report to a file path for the command line (<c>kpi --out</c>, <c>rfm --out</c>,
/// <c>export-customer --out</c>): into a temporary file beside it, moved over the target only once
/// complete, so a failed or cancelled export never leaves a half-written workbook. When the export
/// returns null (e.g. an unknown customer) nothing is written and an existing file is left alone.
/// </summary>
/// <example><c>await ReportFiles.WriteAsync(path, (s, ct) => exports.ExportRfmAsync(s, date, requester, ct), ct);</c></example>
public static class ReportFiles
{
    public static async Task<ExportResult?> WriteAsync(string path, Func<Stream, CancellationToken, Task<ExportResult?>> write,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            ExportResult? result;
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.Asynchronous))
            {
                result = await write(stream, cancellationToken);
            }
            if (result is not null)
            {
                File.Move(temporary, full, overwrite: true);
            }
            return result;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

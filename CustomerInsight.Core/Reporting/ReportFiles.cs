namespace CustomerInsight.Core.Reporting;

/// <summary>
/// Writes a report to a file path for the command line (<c>kpi --out</c>, <c>rfm --out</c>,
/// <c>export-customer --out</c>): into a temporary file beside it, moved over the target only once
/// complete, so a failed or cancelled export never leaves a half-written workbook.
/// </summary>
public static class ReportFiles
{
    public static async Task<T> WriteAsync<T>(string path, Func<Stream, CancellationToken, Task<T>> write, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            T result;
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                result = await write(stream, cancellationToken);
            }
            File.Move(temporary, full, overwrite: true);
            return result;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

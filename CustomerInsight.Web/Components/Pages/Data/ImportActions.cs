using CustomerInsight.Core.Importing;
using Microsoft.AspNetCore.Components.Forms;

namespace CustomerInsight.Web.Components.Pages.Data;

/// <summary>A file uploaded into this circuit, stored in a temporary file until imported or replaced.</summary>
public sealed record UploadedFile(string Path, string FileName, long Size);

/// <summary>
/// What the Data page does on the server: store an upload, preview it, import it, list the history.
/// Every action re-checks <see cref="Policies.Import"/> against the circuit's user (<see cref="CircuitAccess"/>) (the page attribute
/// guards navigation; a circuit event must not be trusted on its own). One per circuit (scoped):
/// it deletes its temporary file once imported, when replaced and when the circuit ends.
/// </summary>
public sealed class ImportActions(
    ImportPipeline pipeline,
    ImportHistoryQueries history,
    ImportUndo undo,
    DatabaseCurrency databaseCurrency,
    DataChangeNotifier notifier,
    CircuitAccess access,
    IOptions<ImportOptions> uploadOptions,
    ILogger<ImportActions> logger) : IDisposable
{
    private UploadedFile? current;

    public long MaxUploadBytes => uploadOptions.Value.MaxUploadBytes;

    /// <summary>The database's reporting currency: every import's amounts must be in it.</summary>
    public string DatabaseCurrency => databaseCurrency.Code;

    /// <summary>The currencies the Data page offers: the database's first, then the common ones.</summary>
    public IReadOnlyList<string> Currencies => [.. new[] { DatabaseCurrency, "EUR", "GBP", "USD", "CHF" }.Distinct(StringComparer.Ordinal)];

    /// <summary>The currency a file of this format is in unless the user says otherwise (online-retail: GBP).</summary>
    public string DefaultCurrency(ImportFormat format) => format.DefaultCurrency(DatabaseCurrency);

    /// <summary>Streams the browser's file to a temporary file (never whole in memory); refuses files over the limit.</summary>
    public async Task<UploadedFile> SaveUploadAsync(IBrowserFile file, CancellationToken cancellationToken = default)
    {
        await RequireImportAsync();
        if (file.Size > MaxUploadBytes)
        {
            throw new UploadTooLargeException(file.Size, MaxUploadBytes);
        }
        Discard();
        var extension = file.Name.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase) ? ".csv.gz" : Path.GetExtension(file.Name);
        var path = Path.Combine(Path.GetTempPath(), "ci-upload-" + Guid.NewGuid().ToString("N") + extension);
        try
        {
            await using var source = file.OpenReadStream(MaxUploadBytes, cancellationToken);
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await source.CopyToAsync(target, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        current = new UploadedFile(path, Path.GetFileName(file.Name), file.Size);
        return current;
    }

    /// <summary>Detected shape, format (null: guess it) and first rows of the uploaded file.</summary>
    public async Task<ImportPreview> PreviewAsync(UploadedFile file, ImportFormat? format, CancellationToken cancellationToken = default)
    {
        await RequireImportAsync();
        return await pipeline.PreviewAsync(file.Path, file.FileName, format, 10, cancellationToken);
    }

    /// <summary>Imports the uploaded file, its amounts in the format's default currency.</summary>
    public Task<ImportReport> ImportAsync(UploadedFile file, ImportFormat format, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken) =>
        ImportAsync(file, format, null, progress, cancellationToken);

    /// <summary>Imports the uploaded file (off the circuit's thread), its amounts declared in <paramref name="currency"/>; a cancellation writes
    /// nothing.</summary>
    public async Task<ImportReport> ImportAsync(UploadedFile file, ImportFormat format, string? currency, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var user = await RequireImportAsync();
        var userName = user.Identity?.Name ?? "unknown";
        // The pipeline runs the import off the circuit's thread itself.
        var report = await pipeline.ImportAsync(file.Path, file.FileName, format, currency, userName, progress, cancellationToken);
        if (report.Succeeded)
        {
            // Open dashboards refresh themselves with the new data.
            notifier.NotifyChanged();
            // The data are in the database: the uploaded copy (personal data, often) does not wait for the circuit's end.
            if (current?.Path == file.Path)
            {
                Discard();
            }
        }
        logger.LogInformation("Import of {FileName} as {Format} by {User}: {Status}, {Rows} rows read", file.FileName, format.Code(), userName,
            report.Status, report.RowsRead);
        return report;
    }

    /// <summary>Undoes one import of the history (the import policy: analysts and admins), audited; open dashboards refresh.</summary>
    /// <param name="waiting">Called once when another writer holds the database and the undo waits for it.</param>
    public async Task<UndoResult> UndoAsync(int batchId, Action? waiting = null, CancellationToken cancellationToken = default)
    {
        var user = await RequireImportAsync();
        var userName = user.Identity?.Name ?? "unknown";
        var result = await Task.Run(() => undo.UndoAsync(batchId, userName, waiting, cancellationToken), cancellationToken);
        if (result.Succeeded)
        {
            notifier.NotifyChanged();
        }
        logger.LogInformation("Undo of import batch {BatchId} by {User}: {Outcome}", batchId, userName, result.Outcome);
        return result;
    }

    public async Task<IReadOnlyList<ImportHistoryEntry>> HistoryAsync(CancellationToken cancellationToken = default)
    {
        await RequireImportAsync();
        return await history.LatestAsync(50, cancellationToken);
    }

    private Task<System.Security.Claims.ClaimsPrincipal> RequireImportAsync([System.Runtime.CompilerServices.CallerMemberName] string action = "") =>
        access.RequireAsync(Policies.Import, action);

    private void Discard()
    {
        if (current is not null)
        {
            File.Delete(current.Path);
            current = null;
        }
    }

    public void Dispose() => Discard();
}

/// <summary>The browser's file is over <c>Import:MaxUploadMegabytes</c>.</summary>
public sealed class UploadTooLargeException(long size, long limit) : Exception($"The file has {size} bytes; the limit is {limit}.")
{
    public long Size { get; } = size;
    public long Limit { get; } = limit;
}

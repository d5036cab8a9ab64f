using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Importing.Formats;
using CustomerInsight.Core.Importing.Reading;
using CustomerInsight.Core.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerInsight.Core.Importing;

/// <summary>
/// The one import pipeline: open (CSV, CSV.GZ, XLSX; by content) → detect encoding and separator → map
/// columns by name → read and check every row through the format's mapper, without the database → then, in one
/// short transaction, resolve the rows against the database and write everything, or nothing. Reading a large file
/// takes most of an import's time and holds no lock: other writers (an audit entry, another import) wait only for
/// the write phase. A rejected file leaves the data untouched and is recorded as a rejected batch; a cancelled
/// import rolls back and records nothing. The file's amounts are in a declared currency, which must be the database's.
/// </summary>
public sealed class ImportPipeline(
    IDbContextFactory<InsightDbContext> contextFactory,
    BusinessCalendar calendar,
    AuditLog auditLog,
    TimeProvider clock,
    IOptions<ImportOptions>? options = null,
    DatabaseCurrency? databaseCurrency = null,
    DataChangeNotifier? notifier = null)
{
    public const string AuditAction = "import";

    private readonly ImportOptions options = options?.Value ?? new ImportOptions();
    private readonly DatabaseCurrency currencies = databaseCurrency ?? new DatabaseCurrency(contextFactory, DatabaseCurrency.DefaultCode);

    /// <summary>Detection and the first rows, without touching the database. <paramref name="format"/> null: guessed from the header.</summary>
    public Task<ImportPreview> PreviewAsync(string path, string fileName, ImportFormat? format = null, int maxRows = 10,
        CancellationToken cancellationToken = default)
    {
        return Task.Run(() => Preview(path, fileName, format, maxRows), cancellationToken);
    }

    /// <summary>Imports the file at <paramref name="path"/>, its amounts in the format's default currency.</summary>
    public Task<ImportReport> ImportAsync(string path, string fileName, ImportFormat format, string userName,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportAsync(path, fileName, format, null, userName, progress, cancellationToken);

    /// <summary>Imports the file at <paramref name="path"/>; <paramref name="fileName"/> is the name shown in reports.</summary>
    /// <param name="currency">The currency of the file's amounts (ISO 4217); null: the format's default (<see
    /// cref="ImportFormats.DefaultCurrency"/>).</param>
    public async Task<ImportReport> ImportAsync(string path, string fileName, ImportFormat format, string? currency, string userName,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        // The whole import is CPU- and disk-bound: keep it off the caller's thread (a Blazor circuit stays responsive).
        return await Task.Run(() => RunAsync(path, fileName, format, userName, currency, progress, cancellationToken), cancellationToken);
    }

    private async Task<ImportReport> RunAsync(string path, string fileName, ImportFormat format, string userName, string? currency,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow().UtcDateTime;
        var mapper = FormatMapper.Create(format);
        var session = new ImportSession(calendar, startedAt, options.MaxRejectedListed);
        var reportingCurrency = await currencies.GetAsync(cancellationToken);
        var declared = currency is null ? format.DefaultCurrency(reportingCurrency) : ImportFormats.NormaliseCurrency(currency) ?? currency.Trim();
        try
        {
            if (!string.Equals(declared, reportingCurrency, StringComparison.Ordinal))
            {
                // Amounts in another currency would be summed with the database's as if they were the same money.
                throw ImportFileException.Create(0, null, ImportMessages.CurrencyMismatch, declared, reportingCurrency);
            }

            // 1. Read and check the whole file, without the database (no lock: the longest part of a large import).
            var shape = FileSniffer.Detect(path);
            session.FrenchStyle = shape.Separator == ';';
            ColumnMap map;
            using (var reader = Open(path, shape))
            {
                map = MapHeader(reader, mapper);
                // The file is unpacked, split and decoded on another core while its rows are checked on this one.
                using var ahead = new ReadAheadReader(reader);
                ReadRows(ahead, map, mapper, session, progress, cancellationToken);
            }
            if (session.RowsRead == 0)
            {
                session.Reject(ImportIssue.Create(1, null, ImportMessages.FileNoData));
            }

            // 2. Resolve against the database and write, in one transaction. A file already rejected is still checked
            // against the database (unknown customers…) so its report lists everything, but in a transaction that only reads.
            var checkOnly = session.HasRejections;
            ImportReport rejected;
            await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
            // Its rows refer to rows it writes or reads in its transaction, and it deletes no row that others refer to (only sales
            // summary rows): no parent look-up per row.
            await using (var writer = await BulkWriter.BeginAsync(db,
                () => progress?.Report(new ImportProgress(ImportPhase.Waiting, session.RowsRead, null)), checkOnly,
                referencesByConstruction: true, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(ImportPhase.Writing, session.RowsRead, 0));
                ImportBatch? batch = null;
                if (!checkOnly)
                {
                    batch = new ImportBatch
                    {
                        StartedAtUtc = startedAt,
                        UserName = userName,
                        FileName = Shorten(fileName, 260),
                        Format = format.Code(),
                        Currency = declared,
                        Status = ImportStatus.Succeeded,
                    };
                    batch.Id = ImportBatchRows.Insert(writer, batch);
                }
                if (!checkOnly)
                {
                    writer.DeferIndexesOfEmptyTables(options.WriteCacheMegabytes);
                }
                session.Attach(db, writer, batch?.Id ?? 0);
                await mapper.PrepareAsync(session, cancellationToken);
                await mapper.FinishAsync(session, progress, cancellationToken);
                await writer.FlushAsync(cancellationToken);
                if (batch is not null && !session.HasRejections)
                {
                    var report = BuildReport(session, fileName, format, declared, ImportReport.StatusSucceeded, batch.Id)
                        with { IgnoredColumns = map.Unknown };
                    batch.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
                    batch.RowsRead = report.RowsRead;
                    batch.RowsImported = report.RowsImported;
                    batch.DuplicateRows = report.DuplicateRows;
                    batch.ReportJson = report.ToJson();
                    await ImportBatchRows.FinishAsync(writer, batch, cancellationToken);
                    ImportBatchRows.Insert(writer, auditLog.NewEntry(userName, AuditAction, $"batch {batch.Id}",
                        $"{format.Code()}: {Shorten(fileName, 200)}", report.RowsImported));
                    // The sales summaries of this import's orders, in its transaction.
                    await SalesSummaries.AddBatchAsync(writer, session.SalesSummaries, cancellationToken);
                    // The other nodes hear of it at the commit (this node's pages: the caller, after it).
                    await notifier.SignalChangeAsync(db, cancellationToken);
                    await writer.CommitAsync(cancellationToken);
                    progress?.Report(new ImportProgress(ImportPhase.Done, report.RowsRead, 1));
                    return report;
                }
                // Leaving the block disposes the writer without commit: everything written so far is rolled back.
                rejected = BuildReport(session, fileName, format, declared, ImportReport.StatusRejected, null) with { IgnoredColumns = map.Unknown };
            }
            return await StoreRejectedAsync(rejected, startedAt, userName, cancellationToken);
        }
        catch (ImportFileException ex)
        {
            var report = new ImportReport
            {
                FileName = fileName,
                Format = format.Code(),
                Currency = declared,
                Status = ImportReport.StatusRejected,
                RowsRead = session.RowsRead,
                Rejected = [ex.Issue],
                RejectedCount = 1,
            };
            return await StoreRejectedAsync(report, startedAt, userName, cancellationToken);
        }
    }

    private void ReadRows(TabularReader reader, ColumnMap map, FormatMapper mapper, ImportSession session,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var row = new RowContext(reader, map, session);
        var columns = reader.Header.Count;
        var every = Math.Max(1, options.ProgressEveryRows);
        while (reader.Read())
        {
            session.RowsRead++;
            if (session.RowsRead % every == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(ImportPhase.Reading, session.RowsRead, reader.Fraction));
            }
            row.Start();
            if (reader.RowProblem is { } problem)
            {
                session.Reject(ImportIssue.Create(reader.Row,
                    problem.Field >= 0 && problem.Field < columns ? reader.Header[problem.Field].Trim() : null,
                    problem.Code, problem.Args));
                continue;
            }
            if (reader.FieldCount != columns && !ExtraFieldsAreEmpty(reader, columns))
            {
                session.Reject(ImportIssue.Create(reader.Row, null, ImportMessages.RowFieldCount,
                    reader.FieldCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    columns.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                continue;
            }
            mapper.ReadRow(row);
        }
    }

    /// <summary>Spreadsheets often write trailing separators; empty extra fields are harmless.</summary>
    private static bool ExtraFieldsAreEmpty(TabularReader reader, int columns)
    {
        if (reader.FieldCount < columns)
        {
            return false;
        }
        for (var i = columns; i < reader.FieldCount; i++)
        {
            if (!string.IsNullOrWhiteSpace(reader[i]))
            {
                return false;
            }
        }
        return true;
    }

    private TabularReader Open(string path, FileShape shape) =>
        shape.Kind == ImportFileKind.Xlsx ? new XlsxTabularReader(path, options.MaxXlsxUncompressedBytes) : new CsvTabularReader(path, shape);

    /// <summary>
    /// Maps the header; a missing column is a file error, a header found lower down is named, and a file whose
    /// columns are all another format's is refused (an online-retail file imported as customers).
    /// </summary>
    private static ColumnMap MapHeader(TabularReader reader, FormatMapper mapper)
    {
        var map = ColumnMap.Build(reader.Header, mapper.Columns);
        var issues = map.Issues.Concat(mapper.CheckHeader(map)).Concat(OtherFormat(reader.Header, mapper.Format, map)).ToList();
        if (issues.Count == 0)
        {
            return map;
        }
        if (map.Issues.Any(i => i.Code is ImportMessages.HeaderMissingColumn or ImportMessages.HeaderNoKnownColumn))
        {
            for (var scanned = 0; scanned < 30 && reader.Read(); scanned++)
            {
                var cells = Enumerable.Range(0, reader.RawFieldCount).Select(i => reader[i]).ToList();
                if (ColumnMap.LooksLikeHeader(cells, mapper.Columns))
                {
                    throw ImportFileException.Create(1, null, ImportMessages.HeaderWrongRow,
                        reader.Row.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
        throw new ImportFileException(issues[0]);
    }

    private static ImportReport BuildReport(ImportSession session, string fileName, ImportFormat format, string currency, string status,
        int? batchId) => new()
    {
        FileName = fileName,
        Format = format.Code(),
        Currency = currency,
        Status = status,
        BatchId = batchId,
        RowsRead = session.RowsRead,
        RowsImported = status == ImportReport.StatusSucceeded ? session.RowsImported : 0,
        DuplicateRows = session.DuplicateRows,
        Skipped = new SortedDictionary<string, int>(session.Skipped, StringComparer.Ordinal),
        // Row order: the checks of the values (while reading) and against the database (after) found them apart.
        Rejected = [.. session.Issues.OrderBy(i => i.Row)],
        RejectedCount = session.RejectedCount,
        Orders = status == ImportReport.StatusSucceeded ? new EntityCounts(session.OrdersCreated, 0) : EntityCounts.None,
        Customers = status == ImportReport.StatusSucceeded ? new EntityCounts(session.CustomersCreated, session.CustomersUpdated) : EntityCounts.None,
        Responses = status == ImportReport.StatusSucceeded ? new EntityCounts(session.ResponsesCreated, 0) : EntityCounts.None,
        Consents = status == ImportReport.StatusSucceeded ? new EntityCounts(session.ConsentsCreated, 0) : EntityCounts.None,
        Notes = new SortedDictionary<string, int>(session.Notes, StringComparer.Ordinal),
    };

    /// <summary>A rejected file is recorded on its own (with its report and an audit entry); no data is written.</summary>
    private async Task<ImportReport> StoreRejectedAsync(ImportReport report, DateTime startedAt, string userName, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(CancellationToken.None);
        var batch = new ImportBatch
        {
            StartedAtUtc = startedAt,
            FinishedAtUtc = clock.GetUtcNow().UtcDateTime,
            UserName = userName,
            FileName = Shorten(report.FileName, 260),
            Format = report.Format,
            Currency = report.Currency is { Length: <= 3 } code ? code : null,
            Status = ImportStatus.Rejected,
            RowsRead = report.RowsRead,
            RejectedRows = report.RejectedCount,
        };
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(CancellationToken.None);
        report = report with { BatchId = batch.Id };
        batch.ReportJson = report.ToJson();
        db.AuditEntries.Add(auditLog.NewEntry(userName, AuditAction + ".rejected", $"batch {batch.Id}",
            $"{report.Format}: {Shorten(report.FileName, 200)}", report.RejectedCount));
        await db.SaveChangesAsync(CancellationToken.None);
        _ = cancellationToken;
        return report;
    }

    private ImportPreview Preview(string path, string fileName, ImportFormat? format, int maxRows)
    {
        FileShape? shape = null;
        try
        {
            shape = FileSniffer.Detect(path);
            using var reader = Open(path, shape);
            var header = reader.Header.ToList();
            var detected = format is null;
            var chosen = format ?? Guess(header);
            var issues = new List<ImportIssue>();
            var mapping = header.Select(h => new ColumnMapping(h, null)).ToList();
            IReadOnlyList<string> ignored = [];
            if (chosen is { } f)
            {
                var mapper = FormatMapper.Create(f);
                var map = ColumnMap.Build(header, mapper.Columns);
                issues.AddRange(map.Issues);
                issues.AddRange(mapper.CheckHeader(map));
                issues.AddRange(OtherFormat(header, f, map));
                ignored = map.Unknown;
                for (var c = 0; c < map.Indexes.Length; c++)
                {
                    if (map.Indexes[c] >= 0)
                    {
                        mapping[map.Indexes[c]] = new ColumnMapping(header[map.Indexes[c]], mapper.Columns[c].Name);
                    }
                }
            }
            var rows = new List<IReadOnlyList<string>>();
            while (rows.Count < maxRows && reader.Read())
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader[i])]);
            }
            return new ImportPreview(fileName, shape.Kind, shape.Encoding?.WebName, shape.Separator?.ToString(), chosen,
                detected && chosen is not null,
                header, mapping, rows, issues) { IgnoredColumns = ignored };
        }
        catch (ImportFileException ex)
        {
            return new ImportPreview(fileName, shape?.Kind, shape?.Encoding?.WebName, shape?.Separator?.ToString(), format, false, [], [], [],
                [ex.Issue]);
        }
    }

    /// <summary>
    /// The file has every required column of another format, and that format reads every column this one reads and
    /// more: the file is of that format (the columns this one would read are only those the two share).
    /// </summary>
    private static IEnumerable<ImportIssue> OtherFormat(IReadOnlyList<string> header, ImportFormat format, ColumnMap map)
    {
        if (map.Matched == 0)
        {
            yield break;
        }
        var used = map.Indexes.Where(i => i >= 0).ToHashSet();
        foreach (var other in ImportFormats.All.Where(f => f != format))
        {
            var otherMap = ColumnMap.Build(header, FormatMapper.Create(other).Columns);
            var otherUsed = otherMap.Indexes.Where(i => i >= 0).ToHashSet();
            if (otherMap.Issues.Count == 0 && otherUsed.Count > used.Count && used.IsSubsetOf(otherUsed))
            {
                var theirs = string.Join(", ", otherUsed.Except(used).Order().Select(i => header[i].Trim()));
                yield return ImportIssue.Create(1, null, ImportMessages.HeaderOtherFormat, other.Code(), format.Code(), theirs);
                yield break;
            }
        }
    }

    /// <summary>The format whose required columns are all present and which uses the most columns of the file.</summary>
    private static ImportFormat? Guess(IReadOnlyList<string> header) =>
        ImportFormats.All
            .Select(f => (Format: f, Map: ColumnMap.Build(header, FormatMapper.Create(f).Columns)))
            .Where(x => x.Map.Issues.Count == 0)
            .OrderByDescending(x => x.Map.Matched)
            .Select(x => (ImportFormat?)x.Format)
            .FirstOrDefault();

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];
}

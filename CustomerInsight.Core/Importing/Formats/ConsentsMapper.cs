using CustomerInsight.Core.Data;
using CustomerInsight.Core.Importing.Reading;
using CustomerInsight.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Importing.Formats;

/// <summary>
/// Consent records, appended to each customer's history (never overwriting it). An identical record
/// (customer, purpose, status, time) counts once, in the file and against the database. The customer
/// must be known.
/// </summary>
internal sealed class ConsentsMapper : FormatMapper
{
    private const int CustomerId = 0, Purpose = 1, Status = 2, RecordedAt = 3, SourceColumn = 4, ProofReference = 5;

    private static readonly ColumnDef[] Definition =
    [
        new("CustomerId", true),
        new("Purpose", true),
        new("Status", true),
        new("RecordedAt", true),
        new("Source", false),
        new("ProofReference", false),
    ];

    private readonly record struct ConsentKey(int CustomerId, ConsentPurpose Purpose, ConsentStatus Status, long Ticks);

    private HashSet<ConsentKey> existing = [];
    private readonly HashSet<ConsentKey> seen = [];

    public override ImportFormat Format => ImportFormat.Consents;

    public override IReadOnlyList<ColumnDef> Columns => Definition;

    public override async Task PrepareAsync(ImportSession session, CancellationToken cancellationToken)
    {
        await session.LoadCustomersAsync(cancellationToken);
        existing = [];
        await foreach (var c in session.Db.ConsentRecords.AsNoTracking()
            .Select(c => new { c.CustomerId, c.Purpose, c.Status, c.RecordedAtUtc }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            existing.Add(new ConsentKey(c.CustomerId, c.Purpose, c.Status, c.RecordedAtUtc.Ticks));
        }
    }

    private sealed record ConsentRow(int Row, string CustomerId, ConsentPurpose Purpose, ConsentStatus Status, DateTime Utc, string? Source,
        string? Proof);

    private readonly List<ConsentRow> rows = [];
    private string? customerColumnName;

    /// <summary>Checks the row's values and keeps it; its customer is looked up once the file is read.</summary>
    public override void ReadRow(RowContext row)
    {
        customerColumnName ??= row.Map.FileNames[CustomerId];
        row.TryVisibleText(CustomerId, required: true, 64, out var customerId);
        row.TryEnum<ConsentPurpose>(Purpose, required: true, out var purpose);
        row.TryEnum<ConsentStatus>(Status, required: true, out var status);
        row.TryInstant(RecordedAt, required: true, out var utc);
        row.TryText(SourceColumn, required: false, 100, out var source);
        row.TryText(ProofReference, required: false, 200, out var proof);
        if (!row.Rejected)
        {
            rows.Add(new ConsentRow(row.Row, customerId!, purpose!.Value, status!.Value, utc!.Value, source, proof));
        }
    }

    /// <summary>In the write transaction: unknown customers rejected, erased and known records skipped, the rest appended.</summary>
    public override Task FinishAsync(ImportSession session, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            Write(session, row);
        }
        return Task.CompletedTask;
    }

    private void Write(ImportSession session, ConsentRow row)
    {
        if (!session.Customers.TryGetValue(row.CustomerId, out var customer))
        {
            session.Reject(ImportIssue.Create(row.Row, customerColumnName, ImportMessages.CustomerUnknown));
        }
        if (session.HasRejections)
        {
            return;
        }
        if (customer!.Erased)
        {
            session.Skip(ImportMessages.SkipErasedCustomer);
            return;
        }
        var key = new ConsentKey(customer.Id, row.Purpose, row.Status, row.Utc.Ticks);
        if (existing.Contains(key))
        {
            session.Skip(ImportMessages.SkipAlreadyImported);
            return;
        }
        if (!seen.Add(key))
        {
            session.DuplicateRows++;
            return;
        }
        session.Writer.Insert(new ConsentRecord
        {
            CustomerId = customer.Id,
            Purpose = key.Purpose,
            Status = key.Status,
            RecordedAtUtc = row.Utc,
            Source = row.Source ?? "import",
            ProofReference = row.Proof,
            ImportBatchId = session.BatchId,
        });
        session.ConsentsCreated++;
        session.RowsImported++;
    }
}

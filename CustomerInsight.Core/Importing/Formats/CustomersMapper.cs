using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Importing.Reading;

namespace CustomerInsight.Core.Importing.Formats;

/// <summary>
/// Customers, upserted by CustomerId (the source id). On update only the columns present in the file
/// are written (an empty cell clears the field). Erased customers are skipped, never brought back.
/// Rows are checked as they are read and kept; they are written once the whole file is known to be clean.
/// A new customer records the import that created it; an update by another import clears that (the
/// customer then survives an undo of the import that created it).
/// </summary>
internal sealed class CustomersMapper : FormatMapper
{
    private const int CustomerId = 0, FirstName = 1, LastName = 2, Email = 3, Phone = 4, PostalCode = 5, City = 6, Country = 7, CreatedAt = 8;

    private static readonly ColumnDef[] Definition =
    [
        new("CustomerId", true),
        new("FirstName", false),
        new("LastName", false),
        new("Email", false),
        new("Phone", false),
        new("PostalCode", false),
        new("City", false),
        new("Country", false),
        new("CreatedAt", false),
    ];

    private static readonly (int Column, string DbColumn, int MaxLength)[] Fields =
    [
        (FirstName, "FirstName", 100), (LastName, "LastName", 100), (Email, "Email", 254), (Phone, "Phone", 40),
        (PostalCode, "PostalCode", 20), (City, "City", 100), (Country, "Country", 100),
    ];

    private sealed record CustomerRow(string SourceId, string?[] Values, DateTime? CreatedAt);

    private readonly HashSet<int> updated = [];
    private readonly List<CustomerRow> rows = [];
    private (int Column, string DbColumn, int MaxLength)[]? present;
    private bool hasCreatedAt;

    public override ImportFormat Format => ImportFormat.Customers;

    public override IReadOnlyList<ColumnDef> Columns => Definition;

    public override Task PrepareAsync(ImportSession session, CancellationToken cancellationToken) => session.LoadCustomersAsync(cancellationToken);

    public override void ReadRow(RowContext row)
    {
        if (present is null)
        {
            present = [.. Fields.Where(f => row.Map.Has(f.Column))];
            hasCreatedAt = row.Map.Has(CreatedAt);
        }
        row.TryVisibleText(CustomerId, required: true, 64, out var sourceId);
        var values = new string?[Fields.Length];
        for (var i = 0; i < Fields.Length; i++)
        {
            row.TryVisibleText(Fields[i].Column, required: false, Fields[i].MaxLength, out values[i]);
        }
        row.TryInstant(CreatedAt, required: false, out var createdAt);
        if (!row.Rejected && !row.Session.HasRejections)
        {
            rows.Add(new CustomerRow(sourceId!, values, createdAt));
        }
    }

    public override Task FinishAsync(ImportSession session, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (session.HasRejections)
        {
            return Task.CompletedTask;
        }
        var fields = present ?? [];
        var sets = fields.Select((f, i) => $"\"{f.DbColumn}\" = @p{i}").ToList();
        if (hasCreatedAt)
        {
            var createdAtParameter = sets.Count;
            sets.Add($"\"CreatedAtUtc\" = COALESCE(@p{createdAtParameter}, \"CreatedAtUtc\"), "
                + $"\"SourceCreatedAtUtc\" = COALESCE(@p{createdAtParameter}, \"SourceCreatedAtUtc\")");
        }
        PreparedStatement? update = null;
        if (sets.Count > 0)
        {
            // Another import's customer, updated by this one, is no longer only that import's: its undo keeps it.
            var batch = sets.Count;
            sets.Add($"\"ImportBatchId\" = CASE WHEN \"ImportBatchId\" = @p{batch} THEN @p{batch} END");
            update = session.Writer.Prepare($"UPDATE \"Customers\" SET {string.Join(", ", sets)} WHERE \"Id\" = @p{batch + 1}", batch + 2);
        }
        var written = 0;
        foreach (var row in rows)
        {
            session.Customers.TryGetValue(row.SourceId, out var existing);
            if (existing is { Erased: true })
            {
                session.Skip(ImportMessages.SkipErasedCustomer);
                continue;
            }
            var values = row.Values;
            if (existing is null)
            {
                var entry = session.AddWrittenCustomer(row.SourceId);
                session.Writer.Insert(new Customer
                {
                    Id = entry.Id,
                    SourceId = row.SourceId,
                    FirstName = values[0],
                    LastName = values[1],
                    Email = values[2],
                    Phone = values[3],
                    PostalCode = values[4],
                    City = values[5],
                    Country = values[6],
                    CreatedAtUtc = row.CreatedAt ?? session.NowUtc,
                    SourceCreatedAtUtc = row.CreatedAt,
                    ImportBatchId = session.BatchId,
                });
            }
            else if (update is not null)
            {
                var parameters = new List<object?>();
                foreach (var field in fields)
                {
                    parameters.Add(values[Array.FindIndex(Fields, f => f.Column == field.Column)]);
                }
                if (hasCreatedAt)
                {
                    parameters.Add(row.CreatedAt);
                }
                parameters.Add(session.BatchId);
                parameters.Add(existing.Id);
                session.Writer.GrowCacheForLiveIndexes();
                update.Execute([.. parameters]);
                if (!existing.IsNew && updated.Add(existing.Id))
                {
                    session.CustomersUpdated++;
                }
            }
            session.RowsImported++;
            if (++written % 20_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(ImportPhase.Writing, written, (double)written / rows.Count));
            }
        }
        return Task.CompletedTask;
    }
}

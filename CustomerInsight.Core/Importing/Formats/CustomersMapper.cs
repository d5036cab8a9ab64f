using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Importing.Reading;

namespace CustomerInsight.Core.Importing.Formats;

/// <summary>
/// Customers, upserted by CustomerId (the source id). On update only the columns present in the file
/// are written (an empty cell clears the field). Erased customers are skipped, never brought back.
/// Rows are written as they are read while the file is clean, so memory does not grow with the file.
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

    private readonly HashSet<int> updated = [];
    private PreparedStatement? update;
    private (int Column, string DbColumn, int MaxLength)[] present = [];
    private bool hasCreatedAt;

    public override ImportFormat Format => ImportFormat.Customers;

    public override IReadOnlyList<ColumnDef> Columns => Definition;

    public override Task PrepareAsync(ImportSession session, CancellationToken cancellationToken) => session.LoadCustomersAsync(cancellationToken);

    public override void ReadRow(RowContext row)
    {
        if (update is null)
        {
            present = [.. Fields.Where(f => row.Map.Has(f.Column))];
            hasCreatedAt = row.Map.Has(CreatedAt);
            var sets = present.Select((f, i) => $"\"{f.DbColumn}\" = @p{i}").ToList();
            if (hasCreatedAt)
            {
                sets.Add($"\"CreatedAtUtc\" = COALESCE(@p{sets.Count}, \"CreatedAtUtc\")");
            }
            var parameterCount = sets.Count;
            update = sets.Count == 0 ? null : row.Session.Writer.Prepare(
                $"UPDATE \"Customers\" SET {string.Join(", ", sets)} WHERE \"Id\" = @p{parameterCount}", parameterCount + 1);
        }

        row.TryVisibleText(CustomerId, required: true, 64, out var sourceId);
        var values = new string?[Fields.Length];
        for (var i = 0; i < Fields.Length; i++)
        {
            row.TryVisibleText(Fields[i].Column, required: false, Fields[i].MaxLength, out values[i]);
        }
        row.TryInstant(CreatedAt, required: false, out var createdAt);
        var session = row.Session;
        if (row.Rejected || session.HasRejections)
        {
            return;
        }

        session.Customers.TryGetValue(sourceId!, out var existing);
        if (existing is { Erased: true })
        {
            session.Skip(ImportMessages.SkipErasedCustomer);
            return;
        }
        if (existing is null)
        {
            var entry = session.AddWrittenCustomer(sourceId!);
            session.Writer.Insert(new Customer
            {
                Id = entry.Id,
                SourceId = sourceId!,
                FirstName = values[0],
                LastName = values[1],
                Email = values[2],
                Phone = values[3],
                PostalCode = values[4],
                City = values[5],
                Country = values[6],
                CreatedAtUtc = createdAt ?? session.NowUtc,
            });
        }
        else if (update is not null)
        {
            var parameters = new List<object?>();
            foreach (var field in present)
            {
                parameters.Add(values[Array.FindIndex(Fields, f => f.Column == field.Column)]);
            }
            if (hasCreatedAt)
            {
                parameters.Add(createdAt);
            }
            parameters.Add(existing.Id);
            update.Execute([.. parameters]);
            if (!existing.IsNew && updated.Add(existing.Id))
            {
                session.CustomersUpdated++;
            }
        }
        session.RowsImported++;
    }

    public override Task FinishAsync(ImportSession session, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) => Task.CompletedTask;
}

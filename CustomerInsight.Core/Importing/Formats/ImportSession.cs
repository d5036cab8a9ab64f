using CustomerInsight.Core.Data;
using CustomerInsight.Core.Sales;

namespace CustomerInsight.Core.Importing.Formats;

/// <summary>A customer as the import knows it: its database id, and whether it is erased or new in this import.</summary>
internal sealed class CustomerEntry(int id, bool erased, bool isNew)
{
    public int Id { get; } = id;
    public bool Erased { get; } = erased;
    public bool IsNew { get; } = isNew;
    public string? Country { get; set; }
}

/// <summary>
/// Customers by source id. An erased customer's source id is a pseudonym; its original id is only known as a
/// keyed hash (<see cref="Privacy.ErasedSourceIds"/>), so a miss is checked against those hashes: an old file
/// naming the customer finds it erased (and skips it) instead of creating it again.
/// </summary>
internal sealed class CustomerDirectory
{
    private readonly Dictionary<string, CustomerEntry> bySourceId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CustomerEntry> byErasedHash = new(StringComparer.Ordinal);

    public byte[]? ErasedKey { get; set; }
    public bool HasErasedHashes => byErasedHash.Count > 0;

    private readonly HashSet<int> erasedIds = [];

    public CustomerEntry this[string sourceId]
    {
        set
        {
            bySourceId[sourceId] = value;
            if (value.Erased)
            {
                erasedIds.Add(value.Id);
            }
        }
    }

    /// <summary>Whether the customer with this database id is erased (a customer an order names, say).</summary>
    public bool IsErased(int id) => erasedIds.Contains(id);

    public void AddErasedHash(string hash, CustomerEntry entry) => byErasedHash[hash] = entry;

    /// <summary>The known customers by database id (each once).</summary>
    public Dictionary<int, CustomerEntry> EntriesById()
    {
        var byId = new Dictionary<int, CustomerEntry>();
        foreach (var entry in bySourceId.Values)
        {
            byId.TryAdd(entry.Id, entry);
        }
        foreach (var entry in byErasedHash.Values)
        {
            byId.TryAdd(entry.Id, entry);
        }
        return byId;
    }

    public bool TryGetValue(string sourceId, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out CustomerEntry entry)
    {
        if (bySourceId.TryGetValue(sourceId, out entry))
        {
            return true;
        }
        if (ErasedKey is not null && byErasedHash.TryGetValue(Privacy.ErasedSourceIds.Hash(ErasedKey, sourceId), out entry))
        {
            // Remembered so the next rows of this customer skip the hash.
            bySourceId[sourceId] = entry;
            return true;
        }
        return false;
    }
}

/// <summary>
/// The state of one import: the counters of the report, the rejected rows, and, once the file has been read
/// (<see cref="Attach"/>), the open transaction and the keys loaded once from the database (customers by source id).
/// </summary>
internal sealed class ImportSession(BusinessCalendar calendar, DateTime nowUtc, int maxIssues)
{
    private readonly List<ImportIssue> issues = [];
    private readonly List<(string SourceId, CustomerEntry Entry)> newCustomers = [];
    private CustomerDirectory? customers;
    private int nextCustomerId;
    private InsightDbContext? db;
    private BulkWriter? writer;

    public InsightDbContext Db => db ?? throw new InvalidOperationException("The file is still being read: no database yet.");
    public BulkWriter Writer => writer ?? throw new InvalidOperationException("The file is still being read: no database yet.");
    public BusinessCalendar Calendar { get; } = calendar;
    public DateTime NowUtc { get; } = nowUtc;
    public int BatchId { get; private set; }

    /// <summary>The write phase: the file has been read and checked; this transaction resolves and writes it.</summary>
    public void Attach(InsightDbContext context, BulkWriter bulkWriter, int batchId)
    {
        db = context;
        writer = bulkWriter;
        BatchId = batchId;
    }

    /// <summary>With <c>;</c>: decimal comma and day-first dates.</summary>
    public bool FrenchStyle { get; set; }

    public int RowsRead { get; set; }
    public int RowsImported { get; set; }
    public int DuplicateRows { get; set; }
    public Dictionary<string, int> Skipped { get; } = [];
    public Dictionary<string, int> Notes { get; } = [];
    public int RejectedCount { get; private set; }
    public IReadOnlyList<ImportIssue> Issues => issues;
    public bool HasRejections => RejectedCount > 0;

    public int OrdersCreated { get; set; }

    /// <summary>The sales summary rows of the orders written (<see cref="Data.SalesSummaries.AddBatchAsync"/>).</summary>
    public SalesSummaryBatch SalesSummaries { get; } = new();
    public int CustomersCreated { get; set; }
    public int CustomersUpdated { get; set; }
    public int ResponsesCreated { get; set; }
    public int ConsentsCreated { get; set; }

    /// <summary>The values of the first column (a text) of a query run in the import's transaction.</summary>
    public async Task<HashSet<string>> LoadKeysAsync(string sql, object? parameter, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await Data.SqlReads.ForEachRowAsync(Writer.Connection, Writer.Transaction, sql, parameter is null ? [] : [("@p0", parameter)],
            row => keys.Add(row.Text(0)!), cancellationToken);
        return keys;
    }

    public CustomerDirectory Customers => customers ?? throw new InvalidOperationException("Customers not loaded.");

    /// <summary>A rejected row (or file problem): counted always, listed up to the limit.</summary>
    public void Reject(ImportIssue issue)
    {
        RejectedCount++;
        if (issues.Count < maxIssues)
        {
            issues.Add(issue);
        }
    }

    public void Skip(string reason, int rows = 1)
    {
        if (rows > 0)
        {
            Skipped[reason] = Skipped.GetValueOrDefault(reason) + rows;
        }
    }

    public void Note(string note) => Notes[note] = Notes.GetValueOrDefault(note) + 1;

    public async Task LoadCustomersAsync(CancellationToken cancellationToken)
    {
        customers = new CustomerDirectory();
        // Plain SQL rather than a LINQ query: the first LINQ query of a process costs a compilation.
        // The erased customers first (few; an erased customer's hash of its original source id is set with its erasure), then
        // every customer's id and source id from the source-id index alone, natively on SQLite: a million customers in 0.9–1.1 s
        // instead of 1.8–2.4 s through the whole rows and the ADO.NET reader (bench/RESULTS.md).
        var erased = new Dictionary<int, string?>();
        await Data.SqlReads.ForEachRowAsync(Writer.Connection, Writer.Transaction,
            "SELECT \"Id\", \"ErasedSourceIdHash\" FROM \"Customers\" WHERE \"ErasedAtUtc\" IS NOT NULL", [],
            row => erased[(int)row.Int64(0)] = row.Text(1), cancellationToken);
        var directory = customers;
        await Data.SqlReads.ForEachRowAsync(Writer.Connection, Writer.Transaction, "SELECT \"Id\", \"SourceId\" FROM \"Customers\"", [], row =>
        {
            var id = (int)row.Int64(0);
            var isErased = erased.TryGetValue(id, out var hash);
            var entry = new CustomerEntry(id, isErased, isNew: false);
            directory[row.Text(1)!] = entry;
            if (hash is not null)
            {
                directory.AddErasedHash(hash, entry);
            }
        }, cancellationToken);
        await using var command = Writer.Connection.CreateCommand();
        command.Transaction = Writer.Transaction;
        await LoadMergedSourcesAsync(command, customers, cancellationToken);
        if (customers.HasErasedHashes)
        {
            command.CommandText = "SELECT \"Value\" FROM \"AppSecrets\" WHERE \"Name\" = '" + AppSecret.CustomerKey + "'";
            customers.ErasedKey = await command.ExecuteScalarAsync(cancellationToken) as byte[];
        }
        nextCustomerId = (int)await Writer.NextIdAsync("Customers", cancellationToken);
        // Ids of merged records stay reserved: undoing the merge gives them back.
        command.CommandText = "SELECT COALESCE(MAX(\"OriginalCustomerId\"), 0) + 1 FROM \"CustomerMergeSources\"";
        nextCustomerId = Math.Max(nextCustomerId, Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The source ids of records merged into another customer (active merges, metrics.md) lead to that unified
    /// customer, following merges of merges; an erased unified customer's records are known by their keyed hash.
    /// </summary>
    private static async Task LoadMergedSourcesAsync(System.Data.Common.DbCommand command, CustomerDirectory customers,
        CancellationToken cancellationToken)
    {
        command.CommandText = """
            SELECT s."OriginalCustomerId", m."CustomerId", s."SourceId", s."ErasedSourceIdHash"
            FROM "CustomerMergeSources" AS s JOIN "CustomerMerges" AS m ON m."Id" = s."MergeId"
            WHERE m."UndoneAtUtc" IS NULL AND s."OriginalCustomerId" <> m."CustomerId"
            """;
        var rows = new List<(int From, int To, string SourceId, string? Hash)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }
        if (rows.Count == 0)
        {
            return;
        }
        var mergedInto = rows.ToDictionary(r => r.From, r => r.To);
        var byId = customers.EntriesById();
        foreach (var row in rows)
        {
            var to = row.To;
            for (var hops = 0; mergedInto.TryGetValue(to, out var next) && hops < mergedInto.Count; hops++)
            {
                to = next;
            }
            if (!byId.TryGetValue(to, out var entry))
            {
                continue;
            }
            if (row.Hash is not null)
            {
                customers.AddErasedHash(row.Hash, entry);
            }
            else
            {
                customers[row.SourceId] = entry;
            }
        }
    }

    /// <summary>The customer with this source id, created (bare, written later by <see cref="WriteNewCustomers"/>) when unknown.</summary>
    public CustomerEntry GetOrAddCustomer(string sourceId, string? country)
    {
        if (!customers!.TryGetValue(sourceId, out var entry))
        {
            entry = new CustomerEntry(nextCustomerId++, erased: false, isNew: true) { Country = country };
            customers[sourceId] = entry;
            newCustomers.Add((sourceId, entry));
        }
        return entry;
    }

    /// <summary>Registers a customer written right away by the caller (customers format).</summary>
    public CustomerEntry AddWrittenCustomer(string sourceId)
    {
        var entry = new CustomerEntry(nextCustomerId++, erased: false, isNew: true);
        customers![sourceId] = entry;
        CustomersCreated++;
        return entry;
    }

    /// <summary>Writes the bare customers created by order rows (before their orders, for the foreign key).</summary>
    public void WriteNewCustomers()
    {
        foreach (var (sourceId, entry) in newCustomers)
        {
            Writer.Insert(new Customers.Customer { Id = entry.Id, SourceId = sourceId, Country = entry.Country, CreatedAtUtc = NowUtc,
                ImportBatchId = BatchId });
        }
        CustomersCreated += newCustomers.Count;
        newCustomers.Clear();
    }
}

using System.Globalization;
using System.Runtime.InteropServices;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Sales;

namespace CustomerInsight.Core.Importing.Formats;

/// <summary>
/// Groups order lines into orders across the whole file (an order's lines need not be adjacent), in a
/// compact form: one small struct per line in one array, chained per order, with product codes,
/// descriptions and countries interned. The file is read without the database; once it is read,
/// <see cref="Resolve"/> recognises the orders already in the database (same source and number) and skips them,
/// which makes a re-import change nothing, and finds or creates their customers.
/// </summary>
internal sealed class OrderAccumulator(string source, bool dropExactDuplicates)
{
    // 24 bytes a line: what is written. The line's time and country only matter to find exact duplicates (LineExtra).
    private struct Line
    {
        public int Next;

        /// <summary>The catalogue entry (product code and description) in <see cref="products"/>.</summary>
        public int Product;
        public int Quantity;
        public long UnitPriceMilli;
    }

    private struct LineExtra
    {
        public long UtcTicks;
        public int Country;
    }

    private readonly record struct LineKey(int Product, int Country, int Quantity, long UnitPriceMilli, long UtcTicks);

    // A struct in chunks rather than an object per order: millions of orders, no header each. 64 bytes: the customer's id
    // and country as numbers of the string pool, the channel, kind and reason to skip in a byte each (80 bytes as strings
    // and enums, 63 MB more at 10 M lines).
    private struct OrderState
    {
        public string Key;
        public CustomerEntry? Customer;
        public long MinUtcTicks;
        public long RunningAmountMilli;
        public int First;
        public int Last;
        public int LineCount;
        public int FirstRow;
        public int CustomerSourceId;
        public int Country;
        public byte Channel;
        public byte Kind;
        public Skip Skip;
    }

    private enum Skip : byte
    {
        None,
        AlreadyImported,
        ErasedCustomer,

        /// <summary>A sale whose kept lines total 0 or less (an adjustment): found and reported by the write.</summary>
        ZeroOrNegative,
    }

    private static string SkipMessage(Skip skip) => skip == Skip.AlreadyImported ? ImportMessages.SkipAlreadyImported : ImportMessages.SkipErasedCustomer;

    private string? Pooled(int id) => id < 0 ? null : strings[id];

    private string? CustomerIdOf(in OrderState order) => order.CustomerSourceId < 0 ? null : customerIds[order.CustomerSourceId];

    private readonly Dictionary<string, int> orders = new(StringComparer.Ordinal);
    private string? previousKey;
    private int previousIndex;
    // Two pools: the catalogue's few thousand texts (product codes, descriptions, countries), looked up on every line, stay
    // in a small table of their own, in the processor's cache; the customers' ids (up to millions) in another.
    private readonly StringPool strings = new();
    private readonly StringPool customerIds = new();
    // The file's catalogue entries: (product code, description) as two numbers of the string pool, one number per pair.
    private readonly Dictionary<(int Code, int Description), int> productIndexes = [];
    private readonly List<(int Code, int Description)> products = [];
    private ProductCatalogue? catalogue;
    private HashSet<string> existing = [];
    // Lines and orders in chunks of equal size: ten million lines need no array of that size, nor its copies as it grows.
    private const int ChunkBits = 16;
    private const int ChunkMask = (1 << ChunkBits) - 1;
    private readonly List<Line[]?> chunks = [];
    private readonly List<LineExtra[]?> extraChunks = [];
    private readonly List<OrderState[]?> orderChunks = [];
    // Per chunk of lines: the largest order index with a line in it (the write frees a chunk once that order is written).
    private readonly List<int> lastOrderOfChunk = [];
    private int lineCount;
    private int orderCount;

    private ref Line At(int index) => ref chunks[index >> ChunkBits]![index & ChunkMask];

    private ref LineExtra ExtraAt(int index) => ref extraChunks[index >> ChunkBits]![index & ChunkMask];

    private ref OrderState Order(int index) => ref orderChunks[index >> ChunkBits]![index & ChunkMask];

    public async Task PrepareAsync(ImportSession session, CancellationToken cancellationToken)
    {
        // The file is read: orders are found by index from now on. Millions of keys need not stay in a dictionary too.
        orders.Clear();
        orders.TrimExcess();
        previousKey = null;
        if (lineCount >= LargeImportLines)
        {
            // Given back before the customers and the database's pages fill memory again (little is allocated from now on:
            // the runtime would not collect it by itself). Again when half the lines are written, and once they all are.
            ReleaseMemory();
        }
        await session.LoadCustomersAsync(cancellationToken);
        catalogue = await ProductCatalogue.LoadAsync(session.Writer, cancellationToken);
        existing = await session.LoadKeysAsync("SELECT \"SourceOrderId\" FROM \"Orders\" WHERE \"Source\" = @p0", source, cancellationToken);
    }

    /// <summary>Adds one valid line; records a rejection when it contradicts earlier lines of its order.</summary>
    public void Add(RowContext row, int orderColumn, int customerColumn, string orderKey, string? customerSourceId, Channel channel, OrderKind kind,
        string productCode, string? description, int quantity, long unitPriceMilli, DateTime utc, string? country)
    {
        // An order's lines mostly follow one another: the previous line's order is tried before the dictionary (millions of keys,
        // a look-up far in memory each).
        int index;
        if (string.Equals(orderKey, previousKey, StringComparison.Ordinal))
        {
            index = previousIndex;
        }
        else
        {
            // One look-up whether the order is new or not (millions of new keys).
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(orders, orderKey, out var known);
            if (known)
            {
                index = slot;
            }
            else
            {
                index = orderCount++;
                slot = index;
                if ((index & ChunkMask) == 0)
                {
                    orderChunks.Add(new OrderState[ChunkMask + 1]);
                }
                // The customer's id and country held once, not once per order (millions of orders, a million customers).
                Order(index) = new OrderState
                {
                    Key = orderKey, CustomerSourceId = customerSourceId is null ? -1 : customerIds.Intern(customerSourceId),
                    Country = country is null ? -1 : strings.Intern(country), Channel = (byte)channel, Kind = (byte)kind,
                    FirstRow = row.Row, First = -1, Last = -1, MinUtcTicks = long.MaxValue,
                };
            }
        }
        previousKey = orderKey;
        previousIndex = index;
        if (lineCount == PresizeAfterLines)
        {
            PresizeOrders(row.Fraction);
        }
        ref var order = ref Order(index);
        if (!string.Equals(CustomerIdOf(order), customerSourceId, StringComparison.Ordinal))
        {
            row.Reject(customerColumn, ImportMessages.OrderCustomerConflict, orderKey);
            return;
        }
        if ((Channel)order.Channel != channel)
        {
            row.Reject(-1, ImportMessages.OrderChannelConflict, orderKey, ((Channel)order.Channel).ToString(), channel.ToString());
            return;
        }
        if ((OrderKind)order.Kind != kind)
        {
            row.Reject(orderColumn, ImportMessages.OrderKindConflict, orderKey, ((OrderKind)order.Kind).ToString(), kind.ToString());
            return;
        }

        var amount = Money.LineAmountMilli(quantity, unitPriceMilli);
        order.RunningAmountMilli = checked(order.RunningAmountMilli + amount);

        if ((lineCount & ChunkMask) == 0)
        {
            chunks.Add(new Line[ChunkMask + 1]);
            lastOrderOfChunk.Add(index);
            if (dropExactDuplicates)
            {
                extraChunks.Add(new LineExtra[ChunkMask + 1]);
            }
        }
        lastOrderOfChunk[^1] = Math.Max(lastOrderOfChunk[^1], index);
        ref var line = ref At(lineCount);
        line.Next = -1;
        line.Product = ProductOf(strings.Intern(productCode), description is null ? -1 : strings.Intern(description));
        line.Quantity = quantity;
        line.UnitPriceMilli = unitPriceMilli;
        if (dropExactDuplicates)
        {
            ref var extra = ref ExtraAt(lineCount);
            extra.UtcTicks = utc.Ticks;
            extra.Country = country is null ? -1 : strings.Intern(country);
        }
        if (order.Last < 0)
        {
            order.First = lineCount;
        }
        else
        {
            At(order.Last).Next = lineCount;
        }
        order.Last = lineCount;
        order.MinUtcTicks = Math.Min(order.MinUtcTicks, utc.Ticks);
        order.LineCount++;
        lineCount++;
    }

    /// <summary>The number of the catalogue entry (code, description) of the file, given their numbers in the string pool.</summary>
    private int ProductOf(int code, int description)
    {
        // By the pair (its hash mixes both; a long's XORs its halves, and the pool gives a code and its description
        // neighbouring numbers: all in a few buckets).
        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(productIndexes, (code, description), out var known);
        if (!known)
        {
            index = products.Count;
            products.Add((code, description));
        }
        return index;
    }

    /// <summary>Lines read before the orders' dictionary is sized for the whole file (<see cref="PresizeOrders"/>).</summary>
    private const int PresizeAfterLines = 1 << 18;

    /// <summary>
    /// Sizes the orders' dictionary for the whole file, from the orders of its first lines and the share of the file they are:
    /// millions of orders otherwise grow it by doubling, each time hashing every key again (0.85 s of the mapping thread, which
    /// paces the read, at 10 M lines; bench/RESULTS.md). The share read is ahead of the lines handed over (the reader reads
    /// ahead), so the estimate is low rather than high; 10 % more covers that.
    /// </summary>
    private void PresizeOrders(double? fraction)
    {
        if (fraction is not (> 0 and < 1) || orderCount == 0)
        {
            return;
        }
        var estimate = orderCount / fraction.Value * 1.1;
        orders.EnsureCapacity((int)Math.Min(estimate, MaxPresizedOrders));
    }

    /// <summary>The most orders <see cref="PresizeOrders"/> makes room for.</summary>
    private const int MaxPresizedOrders = 32_000_000;

    /// <summary>
    /// Against the database (in the write transaction): orders already imported and orders of erased customers are
    /// skipped (all their lines); the others get their customer, created (bare) when unknown, in order of first appearance.
    /// </summary>
    public void Resolve(ImportSession session)
    {
        // Each customer looked up once, by the first of their orders (a new customer takes its country), not once per order:
        // 0.8 M customers rather than 4 M orders at 10 M lines.
        var customers = new CustomerEntry?[customerIds.Count];
        for (var index = 0; index < orderCount; index++)
        {
            ref var order = ref Order(index);
            if (existing.Contains(order.Key))
            {
                order.Skip = Skip.AlreadyImported;
            }
            else if (order.CustomerSourceId >= 0)
            {
                ref var customer = ref customers[order.CustomerSourceId];
                if (customer is null)
                {
                    var customerSourceId = customerIds[order.CustomerSourceId];
                    session.Customers.TryGetValue(customerSourceId, out var known);
                    customer = known ?? session.GetOrAddCustomer(customerSourceId, Pooled(order.Country));
                }
                if (customer.Erased)
                {
                    order.Skip = Skip.ErasedCustomer;
                }
                else
                {
                    order.Customer = customer;
                }
            }
            if (order.Skip != Skip.None)
            {
                session.Skip(SkipMessage(order.Skip), order.LineCount);
            }
        }
        existing = [];
    }

    /// <summary>Whole-order rules: a cancellation must total less than zero.</summary>
    public void Validate(ImportSession session, string orderColumnName)
    {
        for (var index = 0; index < orderCount; index++)
        {
            ref var order = ref Order(index);
            if (order.Skip == Skip.None && (OrderKind)order.Kind == OrderKind.Cancellation && order.RunningAmountMilli >= 0)
            {
                session.Reject(ImportIssue.Create(order.FirstRow, orderColumnName, ImportMessages.OrderCancellationNotNegative, order.Key,
                    Money.FromMilli(order.RunningAmountMilli).ToString(CultureInfo.InvariantCulture)));
            }
        }
    }

    /// <summary>Writes customers, then orders and lines; sales totalling 0 or less are adjustments, skipped.</summary>
    public async Task WriteAsync(ImportSession session, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        session.WriteNewCustomers();
        var writer = session.Writer;
        var firstId = await writer.NextIdAsync("Orders", cancellationToken);
        var seen = new HashSet<LineKey>();
        var kept = new List<int>();
        var large = lineCount >= LargeImportLines;

        // 1. The orders (each with the amount of the lines it keeps) and their sales summaries; 2. their lines. One table
        // after the other: on SQLite the orders go in full multi-row INSERTs (not a part of one before each batch of lines)
        // and the page cache holds one table's new pages at a time (bench/RESULTS.md: 2–3 s less at 10 M lines).
        // The sales summaries are summed on the other core while this one writes (see SalesSummaryFeed).
        await using var summaries = new SalesSummaryFeed(session.SalesSummaries);
        // The database's id of each catalogue entry a written line has (0: none has it yet); entries new to the database are
        // written between the orders and the lines.
        var productIds = new int[products.Count];
        var orderRows = writer.OrderRows();
        var sourceUtf8 = System.Text.Encoding.UTF8.GetBytes(source);
        var nextId = firstId;
        for (var index = 0; index < orderCount; index++)
        {
            ref var order = ref Order(index);
            if (order.Skip != Skip.None)
            {
                continue;
            }
            var amount = KeptLines(ref order, seen, kept, session);
            if ((OrderKind)order.Kind == OrderKind.Sale && amount <= 0)
            {
                session.Skip(ImportMessages.SkipZeroOrNegative, kept.Count);
                order.Skip = Skip.ZeroOrNegative;
                continue;
            }
            var utc = new DateTime(order.MinUtcTicks, DateTimeKind.Utc);
            var date = session.Calendar.BusinessDateOf(utc);
            WriteOrder(orderRows, nextId++, sourceUtf8, ref order, utc, date, amount, session.BatchId);
            foreach (var i in kept)
            {
                var product = At(i).Product;
                ref var id = ref productIds[product];
                if (id == 0)
                {
                    var (code, description) = products[product];
                    id = catalogue!.IdOf(strings[code], Pooled(description));
                }
            }
            summaries.Add(order.Customer?.Id, date, BusinessCalendar.MonthKey(date), (Channel)order.Channel, (OrderKind)order.Kind, amount);
            session.RowsImported += kept.Count;
            session.OrdersCreated++;
            ReportWriting(index, 0, session, progress, cancellationToken);
        }

        // Before the lines that refer to them (on PostgreSQL each table's rows go by COPY, checked as they arrive).
        catalogue!.WriteAdded(writer);
        await writer.FlushAsync(cancellationToken);
        var lineRows = writer.OrderLineRows();
        nextId = firstId;
        var freedLines = 0;
        for (var index = 0; index < orderCount; index++)
        {
            // The lines and orders already written are let go as the write moves on (hundreds of MB at 10 M lines): a
            // collection during the write can take them back while the database's page cache fills.
            if ((index & ChunkMask) == 0 && index > 0)
            {
                orderChunks[(index >> ChunkBits) - 1] = null;
            }
            for (; freedLines < chunks.Count - 1 && lastOrderOfChunk[freedLines] < index; freedLines++)
            {
                chunks[freedLines] = null;
                if (dropExactDuplicates)
                {
                    extraChunks[freedLines] = null;
                }
                if (large && freedLines == chunks.Count / 2)
                {
                    // Half the lines written: their memory goes back before the database's page cache has filled.
                    ReleaseMemory();
                }
            }
            ref var order = ref Order(index);
            if (order.Skip != Skip.None)
            {
                continue;
            }
            KeptLines(ref order, seen, kept, session: null);
            var id = nextId++;
            foreach (var i in kept)
            {
                ref var l = ref At(i);
                lineRows.Set(0, id);
                lineRows.Set(1, productIds[l.Product]);
                lineRows.Set(2, l.Quantity);
                lineRows.Set(3, l.UnitPriceMilli);
                lineRows.Set(4, Money.LineAmountMilli(l.Quantity, l.UnitPriceMilli));
                lineRows.Run();
            }
            ReportWriting(index, 1, session, progress, cancellationToken);
        }
        await summaries.CompleteAsync();
        // Written: the lines and orders held since the file was read can go before the commit builds the indexes.
        chunks.Clear();
        extraChunks.Clear();
        lastOrderOfChunk.Clear();
        orderChunks.Clear();
        orders.Clear();
        orders.TrimExcess();
        previousKey = null;
        lineCount = 0;
        orderCount = 0;
        if (large)
        {
            ReleaseMemory();
        }
    }

    /// <summary>
    /// The lines an order keeps (in <paramref name="kept"/>: all of them, or the first of exact duplicates when they are dropped)
    /// and their amount. The same each time it is asked; duplicates are counted into <paramref name="session"/> when given.
    /// </summary>
    private long KeptLines(ref OrderState order, HashSet<LineKey> seen, List<int> kept, ImportSession? session)
    {
        seen.Clear();
        kept.Clear();
        long amount = 0;
        for (var i = order.First; i >= 0; i = At(i).Next)
        {
            ref var l = ref At(i);
            if (dropExactDuplicates && !seen.Add(Key(i)))
            {
                if (session is not null)
                {
                    session.DuplicateRows++;
                }
                continue;
            }
            kept.Add(i);
            amount += Money.LineAmountMilli(l.Quantity, l.UnitPriceMilli);
        }
        return amount;
    }

    /// <summary>Every 5,000 orders of a pass (0: the orders, 1: their lines): the share written, and a chance to cancel.</summary>
    private void ReportWriting(int index, int pass, ImportSession session, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (index % 5000 == 4999)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new ImportProgress(ImportPhase.Writing, session.RowsImported, (pass + (double)(index + 1) / orderCount) / 2));
        }
    }

    /// <summary>Lines from which an import collects the memory it lets go (bench/RESULTS.md: the peak of 10 M lines).</summary>
    private const int LargeImportLines = 2_000_000;

    private static void ReleaseMemory() => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    private LineKey Key(int index)
    {
        ref var line = ref At(index);
        ref var extra = ref ExtraAt(index);
        return new LineKey(line.Product, extra.Country, line.Quantity, line.UnitPriceMilli, extra.UtcTicks);
    }

    private static void WriteOrder(RowInserter rows, long id, byte[] sourceUtf8, ref OrderState order, DateTime utc, DateOnly date, long amount,
        int batchId)
    {
        rows.Set(0, id);
        rows.SetUtf8(1, sourceUtf8);
        rows.Set(2, order.Key);
        if (order.Customer is { } customer)
        {
            rows.Set(3, customer.Id);
        }
        else
        {
            rows.SetNull(3);
        }
        rows.Set(4, utc);
        rows.Set(5, date);
        rows.Set(6, BusinessCalendar.MonthKey(date));
        rows.Set(7, order.Channel);
        rows.Set(8, order.Kind);
        rows.Set(9, amount);
        rows.Set(10, batchId);
        rows.Run();
    }

    /// <summary>Interns repeated texts (product codes, descriptions, countries, customer ids) so each is held once.</summary>
    private sealed class StringPool
    {
        private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
        private readonly List<string> values = [];

        public string this[int id] => values[id];

        public int Count => values.Count;

        public int Intern(string value)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, value, out var known);
            if (!known)
            {
                id = values.Count;
                values.Add(value);
            }
            return id;
        }
    }
}

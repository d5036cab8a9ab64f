using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Sales;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Data;

/// <summary>
/// What the customer counts of any period are built from, held in memory as columns: every customer × year row, every
/// customer's first sale date (the customer summary), and the identified orders of every day or of given spans only, by day: the
/// sale orders (customer, day, channel, amount) and the others (returns, cancellations: customer, day, channel, amount); with
/// every day, the consent records too (<see cref="ConsentSnapshot"/>). Customers are numbered densely (slots, ascending ids) so a
/// <see cref="CustomerActivityTally"/> is an array. Read in plain statements side by side (integers only, natively on SQLite;
/// <see cref="SqlReads.ForEachIntegerRowAsync"/>); immutable once read, so every page of a node can share one
/// (<see cref="CustomerActivityStore"/>).
/// </summary>
/// <remarks>
/// At 1 M customers and 10 M order lines: 1.5 M customer × year rows, 1 M first sales, 3.7 M sale orders, 0.1 M returns, about
/// 160 MB of arrays (50 MB of it the sale orders a second time, by customer: <see cref="SalesOf"/>). A new period's counts, RFM
/// at any date and the value models' purchases then scan arrays instead of reading a million rows from the database
/// (bench/RESULTS.md).
/// </remarks>
public sealed class CustomerActivitySnapshot
{
    private const int NoSale = int.MaxValue;
    private static readonly int ChannelCount = Enum.GetValues<Channel>().Length;

    private readonly int[] ids;
    // Customer × year rows.
    private readonly int[] yearSlots;
    private readonly short[] years;
    private readonly short[] months;
    private readonly short[] repeatMonths;
    private readonly long[] channelMonths;
    private readonly long[] channelRepeatMonths;
    // The day number of each slot's first sale order ever (NoSale: none).
    private readonly int[] firstSaleDays;
    // Sale orders by day: those of day firstDay + d are at [dayStarts[d], dayStarts[d + 1]).
    private readonly int firstDay;
    private readonly int[] dayStarts;
    private readonly int[] orderSlots;
    private readonly byte[] orderChannels;
    private readonly long[] orderAmounts;
    // The other orders (returns, cancellations), by day.
    private readonly int[] returnSlots;
    private readonly int[] returnDays;
    private readonly long[] returnAmounts;
    private readonly byte[] returnChannels;
    // The same sale orders by customer, in a snapshot of every day.
    private readonly SaleOrdersByCustomer? byCustomer;
    private readonly IReadOnlyList<(DateOnly From, DateOnly To)>? orderSpans;
    private readonly ConsentSnapshot? consents;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<int[], bool[]> kept = [];

    private CustomerActivitySnapshot(int[] ids, int[] yearSlots, short[] years, short[] months, short[] repeatMonths, long[] channelMonths,
        long[] channelRepeatMonths, int[] firstSaleDays, int firstDay, int[] dayStarts, int[] orderSlots, byte[] orderChannels,
        long[] orderAmounts, (int[] Slots, int[] Days, long[] Amounts, byte[] Channels) returns,
        IReadOnlyList<(DateOnly From, DateOnly To)>? orderSpans, ConsentSnapshot? consents)
    {
        this.consents = consents;
        (this.ids, this.yearSlots, this.years, this.months, this.repeatMonths, this.channelMonths, this.channelRepeatMonths) =
            (ids, yearSlots, years, months, repeatMonths, channelMonths, channelRepeatMonths);
        (this.firstSaleDays, this.firstDay, this.dayStarts, this.orderSlots, this.orderChannels, this.orderAmounts, this.orderSpans) =
            (firstSaleDays, firstDay, dayStarts, orderSlots, orderChannels, orderAmounts, orderSpans);
        (returnSlots, returnDays, returnAmounts, returnChannels) = returns;
        byCustomer = orderSpans is null ? SaleOrdersByCustomer.Of(ids.Length, firstDay, dayStarts, orderSlots, orderChannels, orderAmounts)
            : null;
    }

    /// <summary>The customers (slots) of the snapshot: every customer with an order.</summary>
    public int Customers => ids.Length;

    /// <summary>The sale orders held: every identified one, or those of <see cref="LoadAsync"/>'s spans.</summary>
    public long Orders => orderSlots.Length;

    /// <summary>The other orders held (returns, cancellations).</summary>
    public long Returns => returnSlots.Length;

    /// <summary>The consent records of the customers not erased: held by a snapshot of every day only.</summary>
    public ConsentSnapshot Consents => consents
        ?? throw new InvalidOperationException("This snapshot of some days' orders holds no consent records.");

    /// <summary>The customer id of a slot.</summary>
    public int IdOf(int slot) => ids[slot];

    /// <summary>The latest day with an identified sale order, null without one (a snapshot of every day only).</summary>
    public DateOnly? LatestSaleDate
    {
        get
        {
            RequireOrders(DateOnly.MinValue, DateOnly.MaxValue);
            return orderSlots.Length == 0 ? null : DateOnly.FromDayNumber(firstDay + dayStarts.Length - 2);
        }
    }

    /// <summary>The sale orders of a slot's customer in day order (a snapshot of every day holds them by customer too).</summary>
    public CustomerSaleOrders SalesOf(int slot) => (byCustomer
        ?? throw new InvalidOperationException("This snapshot of some days' orders holds no orders by customer.")).Of(slot);

    /// <summary>
    /// Reads a snapshot: every customer × year row and first sale; the identified orders of <paramref name="orderSpans"/>
    /// (<c>[From, To)</c> each), or of every day when null, and then the consent records too (<see cref="Consents"/>). The reads
    /// run side by side, each on a context of its own, each into typed columns.
    /// </summary>
    public static async Task<CustomerActivitySnapshot> LoadAsync(IDbContextFactory<InsightDbContext> factory,
        IReadOnlyList<(DateOnly From, DateOnly To)>? orderSpans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var yearRows = new YearRows();
        var firstSales = new FirstSaleRows();
        var orders = new OrderRows();
        // On the thread pool, as Concurrent.Read does: SQLite's "async" reads run synchronously.
        var consents = orderSpans is null ? Task.Run(() => ConsentSnapshot.LoadAsync(factory, cancellationToken), cancellationToken) : null;
        await Task.WhenAll(
            Task.Run(() => ReadAsync(factory, _ => [("""
                SELECT "CustomerId", "Year", "Months", "RepeatMonths", "ChannelMonths", "ChannelRepeatMonths" FROM "CustomerYears"
                """, [])], yearRows.Add, cancellationToken), cancellationToken),
            Task.Run(() => ReadAsync(factory, provider => [($"""
                SELECT "CustomerId", {provider.DayNumber("\"FirstSaleDate\"")} FROM "CustomerSales" WHERE "FirstSaleDate" IS NOT NULL
                """, [])], firstSales.Add, cancellationToken), cancellationToken),
            Task.Run(() => ReadAsync(factory, provider =>
            {
                var select = $"""
                    SELECT "CustomerId", {provider.DayNumber("\"BusinessDate\"")}, "Channel", "Kind", "AmountMilli" FROM "Orders"
                    WHERE "CustomerId" IS NOT NULL
                    """;
                return orderSpans is null
                    ? [(select, [])]
                    : [.. orderSpans.Select(s => ($"""{select} AND "BusinessDate" >= @from AND "BusinessDate" < @to""",
                        ((string, object?)[])[("@from", s.From), ("@to", s.To)]))];
            }, orders.Add, cancellationToken), cancellationToken));
        return Build(yearRows, firstSales, orders, orderSpans, consents is null ? null : await consents);
    }

    /// <summary>Reads some statements of integer columns, on a context of their own, a row at a time into <paramref name="row"/>.</summary>
    private static async Task ReadAsync(IDbContextFactory<InsightDbContext> factory,
        Func<DatabaseProvider, IEnumerable<(string Sql, (string Name, object? Value)[] Parameters)>> statements, SqlReads.IntegerRow row,
        CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        foreach (var (sql, parameters) in statements(DatabaseProvider.Of(db.Database)))
        {
            await SqlReads.ForEachIntegerRowAsync(db, sql, parameters, row, cancellationToken);
        }
    }

    private static CustomerActivitySnapshot Build(YearRows yearRows, FirstSaleRows firstSales, OrderRows orders,
        IReadOnlyList<(DateOnly From, DateOnly To)>? orderSpans, ConsentSnapshot? consents)
    {
        // Dense slots, ascending ids: a map from id to slot (ids are database keys, a few per customer ever created at most), one
        // for every customer with an order (returns only too: a set's order totals count them).
        var yearIds = yearRows.Ids.ToArray();
        var firstSaleIds = firstSales.Ids.ToArray();
        var orderIds = orders.Ids.ToArray();
        var kinds = orders.Kinds.ToArray();
        var maxId = Math.Max(Max(yearIds), Math.Max(Max(firstSaleIds), Max(orderIds)));
        var slotOf = new int[maxId + 1];
        foreach (var column in new[] { yearIds, firstSaleIds, orderIds })
        {
            foreach (var id in column)
            {
                slotOf[id] = 1;
            }
        }
        var ids = new List<int>();
        for (var id = 0; id <= maxId; id++)
        {
            if (slotOf[id] != 0)
            {
                slotOf[id] = ids.Count;
                ids.Add(id);
            }
        }

        // Customer × year rows in the order read (a tally adds them in any order): their ids become slots in place.
        for (var i = 0; i < yearIds.Length; i++)
        {
            yearIds[i] = slotOf[yearIds[i]];
        }

        var firstSaleDays = new int[ids.Count];
        Array.Fill(firstSaleDays, NoSale);
        var saleDays = firstSales.Days.ToArray();
        for (var i = 0; i < firstSaleIds.Length; i++)
        {
            firstSaleDays[slotOf[firstSaleIds[i]]] = saleDays[i];
        }

        // Sale orders by day: a counting sort on the day number, over every day from the first order's to the last's.
        var orderDays = orders.Days.ToArray();
        var channels = orders.Channels.ToArray();
        var amounts = orders.Amounts.ToArray();
        var (firstDay, lastDay, sales, others) = (int.MaxValue, int.MinValue, 0, 0);
        for (var i = 0; i < orderIds.Length; i++)
        {
            if (kinds[i] == (byte)OrderKind.Sale)
            {
                (firstDay, lastDay, sales) = (Math.Min(firstDay, orderDays[i]), Math.Max(lastDay, orderDays[i]), sales + 1);
            }
            else
            {
                others++;
            }
        }
        var days = sales == 0 ? 0 : lastDay - firstDay + 1;
        firstDay = sales == 0 ? 0 : firstDay;
        var dayStarts = new int[days + 1];
        for (var i = 0; i < orderIds.Length; i++)
        {
            if (kinds[i] == (byte)OrderKind.Sale)
            {
                dayStarts[orderDays[i] - firstDay + 1]++;
            }
        }
        for (var d = 0; d < days; d++)
        {
            dayStarts[d + 1] += dayStarts[d];
        }
        var next = dayStarts[..^1];
        var orderSlots = new int[sales];
        var orderChannels = new byte[sales];
        var orderAmounts = new long[sales];
        var returns = (Slots: new int[others], Days: new int[others], Amounts: new long[others], Channels: new byte[others]);
        var r = 0;
        for (var i = 0; i < orderIds.Length; i++)
        {
            if (kinds[i] == (byte)OrderKind.Sale)
            {
                var at = next[orderDays[i] - firstDay]++;
                (orderSlots[at], orderChannels[at], orderAmounts[at]) = (slotOf[orderIds[i]], channels[i], amounts[i]);
            }
            else
            {
                (returns.Slots[r], returns.Days[r], returns.Amounts[r], returns.Channels[r]) =
                    (slotOf[orderIds[i]], orderDays[i], amounts[i], channels[i]);
                r++;
            }
        }
        // The returns by day too: few (a thirtieth of the sales at 10 M lines), sorted through a permutation.
        var byDay = Enumerable.Range(0, others).ToArray();
        Array.Sort(returns.Days.ToArray(), byDay);
        returns = (Array.ConvertAll(byDay, i => returns.Slots[i]), Array.ConvertAll(byDay, i => returns.Days[i]),
            Array.ConvertAll(byDay, i => returns.Amounts[i]), Array.ConvertAll(byDay, i => returns.Channels[i]));
        return new CustomerActivitySnapshot([.. ids], yearIds, yearRows.Years.ToArray(), yearRows.Months.ToArray(),
            yearRows.RepeatMonths.ToArray(), yearRows.ChannelMonths.ToArray(), yearRows.ChannelRepeatMonths.ToArray(), firstSaleDays,
            firstDay, dayStarts, orderSlots, orderChannels, orderAmounts, returns, orderSpans, consents);
    }

    private static int Max(int[] values) => values.Length == 0 ? 0 : values.Max();

    /// <summary>
    /// A new tally of <paramref name="windows"/> (and <paramref name="marks"/> marks) over this snapshot's customers, filled with
    /// their customer × year rows and the sale orders of their edge days; only the customers of <paramref name="keep"/> when given
    /// (<see cref="Keep"/>).
    /// </summary>
    public CustomerActivityTally Tally(IReadOnlyList<ActivityWindow> windows, int marks, bool[]? keep)
    {
        var tally = new CustomerActivityTally(windows, ids.Length, marks);
        var lastYear = tally.LastYear;
        var firstYear = tally.FirstYear ?? int.MinValue;
        for (var i = 0; i < yearSlots.Length; i++)
        {
            var slot = yearSlots[i];
            if (years[i] >= firstYear && years[i] <= lastYear && (keep is null || keep[slot]))
            {
                tally.AddYear(slot, years[i], months[i], repeatMonths[i], channelMonths[i], channelRepeatMonths[i]);
            }
        }
        // The windows counting an order of a day and channel, worked out once a day rather than once an order.
        var windowsOf = new int[ChannelCount];
        foreach (var (from, to) in tally.EdgeDays())
        {
            ForEachSaleDay(from, to, (day, slots, channels, _) =>
            {
                var date = DateOnly.FromDayNumber(day);
                for (var c = 0; c < windowsOf.Length; c++)
                {
                    windowsOf[c] = tally.WindowsCounting(date, (Channel)c);
                }
                for (var i = 0; i < slots.Length; i++)
                {
                    if (keep is null || keep[slots[i]])
                    {
                        tally.AddOrder(slots[i], windowsOf[channels[i]]);
                    }
                }
            });
        }
        return tally;
    }

    /// <summary>One day's sale orders: their customers' slots, channels and amounts in thousandths, side by side.</summary>
    public delegate void SaleDay(int dayNumber, ReadOnlySpan<int> slots, ReadOnlySpan<byte> channels, ReadOnlySpan<long> amountsMilli);

    /// <summary>One other order (a return, a cancellation): its day, its customer's slot, its channel and its amount in thousandths.</summary>
    public delegate void OtherOrder(int dayNumber, int slot, Channel channel, long amountMilli);

    /// <summary>The sale orders of <c>[from, to)</c>, a day at a time in ascending order (days without one skipped).</summary>
    public void ForEachSaleDay(DateOnly from, DateOnly to, SaleDay visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        RequireOrders(from, to);
        var fromDay = Math.Max(from.DayNumber, firstDay);
        var toDay = Math.Min(to.DayNumber, firstDay + dayStarts.Length - 1);
        for (var day = fromDay; day < toDay; day++)
        {
            var (start, end) = (dayStarts[day - firstDay], dayStarts[day - firstDay + 1]);
            if (end > start)
            {
                visit(day, orderSlots.AsSpan(start, end - start), orderChannels.AsSpan(start, end - start),
                    orderAmounts.AsSpan(start, end - start));
            }
        }
    }

    /// <summary>The other orders (returns, cancellations) of <c>[from, to)</c>, by day.</summary>
    public void ForEachReturn(DateOnly from, DateOnly to, OtherOrder visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        RequireOrders(from, to);
        for (var r = LowerBound(returnDays, from.DayNumber); r < returnDays.Length && returnDays[r] < to.DayNumber; r++)
        {
            visit(returnDays[r], returnSlots[r], (Channel)returnChannels[r], returnAmounts[r]);
        }
    }

    /// <summary>
    /// The order figures of the customers of <paramref name="keep"/> over <c>[from, to)</c> in <paramref name="buckets"/> buckets:
    /// each order (sale or return) goes to the bucket <paramref name="bucketOf"/> gives its day number and channel, or to none (a
    /// negative bucket). Each bucket: sale orders, their amount and the returns' amount, in thousandths.
    /// </summary>
    public (long SaleOrders, long GrossMilli, long ReturnsMilli)[] OrderTotals(DateOnly from, DateOnly to, bool[] keep, int buckets,
        Func<int, Channel, int> bucketOf)
    {
        ArgumentNullException.ThrowIfNull(keep);
        ArgumentNullException.ThrowIfNull(bucketOf);
        var totals = new (long SaleOrders, long GrossMilli, long ReturnsMilli)[buckets];
        // A day's bucket per channel, asked once a day rather than once an order.
        var bucketOfChannel = new int[ChannelCount];
        ForEachSaleDay(from, to, (day, slots, channels, amounts) =>
        {
            for (var c = 0; c < bucketOfChannel.Length; c++)
            {
                bucketOfChannel[c] = bucketOf(day, (Channel)c);
            }
            for (var i = 0; i < slots.Length; i++)
            {
                if (keep[slots[i]] && bucketOfChannel[channels[i]] is var b and >= 0)
                {
                    totals[b].SaleOrders++;
                    totals[b].GrossMilli += amounts[i];
                }
            }
        });
        ForEachReturn(from, to, (day, slot, channel, amount) =>
        {
            if (keep[slot] && bucketOf(day, channel) is var b and >= 0)
            {
                totals[b].ReturnsMilli += amount;
            }
        });
        return totals;
    }

    /// <summary>The first position of a sorted array whose value is not below <paramref name="value"/>.</summary>
    private static int LowerBound(int[] sorted, int value)
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            (low, high) = sorted[middle] < value ? (middle + 1, high) : (low, middle);
        }
        return low;
    }

    /// <summary>Marks <paramref name="mark"/> the customers whose first sale order ever (any channel) is in <c>[from, to)</c>.</summary>
    public void MarkFirstSales(CustomerActivityTally tally, DateOnly from, DateOnly to, int mark, bool[]? keep)
    {
        ArgumentNullException.ThrowIfNull(tally);
        for (var slot = 0; slot < firstSaleDays.Length; slot++)
        {
            var day = firstSaleDays[slot];
            if (day >= from.DayNumber && day < to.DayNumber && (keep is null || keep[slot]))
            {
                tally.Mark(slot, mark);
            }
        }
    }

    /// <summary>
    /// Marks <paramref name="mark"/> the customers with a sale order of <paramref name="channel"/> (any channel when null) before
    /// 1 January of <paramref name="year"/>: with a channel the earlier customer × year rows with its bits, without one the first
    /// sale dates.
    /// </summary>
    public void MarkEarlierCustomers(CustomerActivityTally tally, int year, Channel? channel, int mark, bool[]? keep)
    {
        ArgumentNullException.ThrowIfNull(tally);
        if (channel is { } c)
        {
            var bits = 0xFFFL << CustomerYear.ChannelShift(c);
            for (var i = 0; i < yearSlots.Length; i++)
            {
                var slot = yearSlots[i];
                if (years[i] < year && (channelMonths[i] & bits) != 0 && (keep is null || keep[slot]))
                {
                    tally.Mark(slot, mark);
                }
            }
            return;
        }
        var before = new DateOnly(year, 1, 1).DayNumber;
        for (var slot = 0; slot < firstSaleDays.Length; slot++)
        {
            if (firstSaleDays[slot] < before && (keep is null || keep[slot]))
            {
                tally.Mark(slot, mark);
            }
        }
    }

    /// <summary>
    /// The distinct customers with a sale order (of <paramref name="channel"/> if any) in each month (yyyymm) of
    /// <c>[fromMonth, toMonth]</c>: a customer × year row has one bit per month, so each counts a customer once.
    /// </summary>
    public Dictionary<int, long> ActivePerMonth(int fromMonth, int toMonth, Channel? channel, bool[]? keep)
    {
        var (firstYear, lastYear) = (fromMonth / 100, toMonth / 100);
        var shift = channel is { } c ? CustomerYear.ChannelShift(c) : -1;
        var counts = new long[(lastYear - firstYear + 1) * 12];
        for (var i = 0; i < yearSlots.Length; i++)
        {
            if (years[i] >= firstYear && years[i] <= lastYear && (keep is null || keep[yearSlots[i]]))
            {
                var bits = shift < 0 ? months[i] : (int)(channelMonths[i] >> shift) & 0xFFF;
                for (; bits != 0; bits &= bits - 1)
                {
                    counts[((years[i] - firstYear) * 12) + System.Numerics.BitOperations.TrailingZeroCount(bits)]++;
                }
            }
        }
        var active = new Dictionary<int, long>();
        for (var at = 0; at < counts.Length; at++)
        {
            var key = ((firstYear + (at / 12)) * 100) + (at % 12) + 1;
            if (key >= fromMonth && key <= toMonth && counts[at] > 0)
            {
                active[key] = counts[at];
            }
        }
        return active;
    }

    /// <summary>
    /// The cohorts (first sale month, yyyymm) of <c>[fromMonth, toMonth]</c>: their customers, and their distinct customers with a
    /// sale order (any channel) in each month up to <paramref name="toMonth"/>, by cohort then month.
    /// </summary>
    public (SortedDictionary<int, long> Sizes, SortedDictionary<(int Cohort, int Month), long> Activity) Cohorts(int fromMonth, int toMonth,
        bool[]? keep)
    {
        var sizes = new SortedDictionary<int, long>();
        var cohortOf = new int[ids.Length];
        for (var slot = 0; slot < firstSaleDays.Length; slot++)
        {
            if (firstSaleDays[slot] == NoSale || (keep is not null && !keep[slot]))
            {
                continue;
            }
            var first = DateOnly.FromDayNumber(firstSaleDays[slot]);
            var cohort = (first.Year * 100) + first.Month;
            if (cohort >= fromMonth && cohort <= toMonth)
            {
                cohortOf[slot] = cohort;
                sizes[cohort] = sizes.GetValueOrDefault(cohort) + 1;
            }
        }
        var activity = new SortedDictionary<(int Cohort, int Month), long>();
        for (var i = 0; i < yearSlots.Length; i++)
        {
            var cohort = cohortOf[yearSlots[i]];
            if (cohort == 0 || years[i] < fromMonth / 100 || years[i] > toMonth / 100)
            {
                continue;
            }
            for (var bits = (int)months[i]; bits != 0; bits &= bits - 1)
            {
                var month = (years[i] * 100) + System.Numerics.BitOperations.TrailingZeroCount(bits) + 1;
                if (month <= toMonth)
                {
                    activity[(cohort, month)] = activity.GetValueOrDefault((cohort, month)) + 1;
                }
            }
        }
        return (sizes, activity);
    }

    /// <summary>
    /// The slots of <paramref name="customerIds"/> as flags; null for everyone. One per array (the reads of a dashboard view all take
    /// its segment's), not to be changed by the caller.
    /// </summary>
    public bool[]? Keep(int[]? customerIds) => customerIds is null ? null : kept.GetValue(customerIds, set =>
    {
        var members = CustomerIdSet.Of(set);
        var keep = new bool[ids.Length];
        for (var slot = 0; slot < ids.Length; slot++)
        {
            keep[slot] = members.Contains(ids[slot]);
        }
        return keep;
    });

    private void RequireOrders(DateOnly from, DateOnly to)
    {
        if (orderSpans is not null && !orderSpans.Any(s => s.From <= from && to <= s.To))
        {
            throw new InvalidOperationException(from == DateOnly.MinValue
                ? $"This snapshot holds no orders of every day before {to:yyyy-MM-dd}."
                : $"This snapshot holds no orders of [{from:yyyy-MM-dd}, {to:yyyy-MM-dd}).");
        }
    }

    /// <summary>A column as it is read: an array that doubles as it fills.</summary>
    private sealed class Column<T>
    {
        private T[] items = new T[1 << 12];
        private int count;

        public void Add(T item)
        {
            if (count == items.Length)
            {
                Array.Resize(ref items, items.Length * 2);
            }
            items[count++] = item;
        }

        /// <summary>The values read, in an array of their number.</summary>
        public T[] ToArray() => items.AsSpan(0, count).ToArray();
    }

    /// <summary>Customer × year rows as they are read.</summary>
    private sealed class YearRows
    {
        public Column<int> Ids { get; } = new();
        public Column<short> Years { get; } = new();
        public Column<short> Months { get; } = new();
        public Column<short> RepeatMonths { get; } = new();
        public Column<long> ChannelMonths { get; } = new();
        public Column<long> ChannelRepeatMonths { get; } = new();

        public void Add(ReadOnlySpan<long> row)
        {
            Ids.Add((int)row[0]);
            Years.Add((short)row[1]);
            Months.Add((short)row[2]);
            RepeatMonths.Add((short)row[3]);
            ChannelMonths.Add(row[4]);
            ChannelRepeatMonths.Add(row[5]);
        }
    }

    /// <summary>First sale dates (day numbers) as they are read.</summary>
    private sealed class FirstSaleRows
    {
        public Column<int> Ids { get; } = new();
        public Column<int> Days { get; } = new();

        public void Add(ReadOnlySpan<long> row)
        {
            Ids.Add((int)row[0]);
            Days.Add((int)row[1]);
        }
    }

    /// <summary>Orders (customer, day number, channel, kind, amount in thousandths) as they are read.</summary>
    private sealed class OrderRows
    {
        public Column<int> Ids { get; } = new();
        public Column<int> Days { get; } = new();
        public Column<byte> Channels { get; } = new();
        public Column<byte> Kinds { get; } = new();
        public Column<long> Amounts { get; } = new();

        public void Add(ReadOnlySpan<long> row)
        {
            Ids.Add((int)row[0]);
            Days.Add((int)row[1]);
            Channels.Add((byte)row[2]);
            Kinds.Add((byte)row[3]);
            Amounts.Add(row[4]);
        }
    }
}

namespace CustomerInsight.Core.Sales;

/// <summary>
/// The sales summary rows of a set of new orders, summed in memory as an import writes them: the rows
/// <see cref="Data.SalesSummaries"/>' SQL computes from the orders (day × channel, customer, customer × month, customer ×
/// year), each sequence in key order. Into empty summaries they are written as they are; into existing ones they merge
/// exactly without reading the orders again: counts and amounts add up, first and last dates are the earlier and the later,
/// channel masks and month bits are ORs, and a month has two or more sales when either side had two, or both had one.
/// </summary>
public sealed class SalesSummaryBatch
{
    private readonly Dictionary<(DateOnly Date, Channel Channel), SalesDay> days = [];
    // Customer rows by id, in chunks of 4,096 ids made as ids come (ids are dense): no hashing per order, and the rows come out in id
    // order without a sort (a million customers at 10 M order lines).
    private readonly List<CustomerSales?[]?> customerChunks = [];
    private const int ChunkBits = 12;
    // One key per sale order with a customer: customer id << 23 | yyyymm << 3 | channel (sorted, the sale orders by customer and month).
    private readonly List<long> sales = [];
    private bool sorted = true;

    private const int MonthShift = 3;
    private const int CustomerShift = 23;

    /// <summary>Orders added.</summary>
    public int Orders { get; private set; }

    /// <summary>Adds one new order.</summary>
    public void Add(int? customerId, DateOnly date, int month, Channel channel, OrderKind kind, long amountMilli)
    {
        Orders++;
        var isSale = kind == OrderKind.Sale;
        if (!days.TryGetValue((date, channel), out var day))
        {
            day = new SalesDay { BusinessDate = date, Channel = channel, BusinessMonth = month };
            days.Add((date, channel), day);
        }
        if (isSale)
        {
            day.SaleOrders++;
            day.IdentifiedSaleOrders += customerId is null ? 0 : 1;
            day.GrossMilli += amountMilli;
        }
        else
        {
            day.CancellationOrders++;
            day.ReturnsMilli += amountMilli;
        }
        if (customerId is not { } id)
        {
            return;
        }
        ref var slot = ref CustomerSlot(id);
        var customer = slot ??= new CustomerSales { CustomerId = id, FirstOrderDate = date, LastOrderDate = date };
        customer.FirstOrderDate = Min(customer.FirstOrderDate, date);
        customer.LastOrderDate = Max(customer.LastOrderDate, date);
        customer.NetMilli += amountMilli;
        if (isSale)
        {
            customer.SaleOrders++;
            customer.FirstSaleDate = customer.FirstSaleDate is { } first ? Min(first, date) : date;
            customer.FirstSaleMonth = BusinessCalendar.MonthKey(customer.FirstSaleDate.Value);
            customer.LastSaleDate = customer.LastSaleDate is { } last ? Max(last, date) : date;
            sales.Add(((long)id << CustomerShift) | ((long)month << MonthShift) | (long)channel);
            sorted = false;
        }
    }

    private ref CustomerSales? CustomerSlot(int id)
    {
        var chunk = id >> ChunkBits;
        while (customerChunks.Count <= chunk)
        {
            customerChunks.Add(null);
        }
        var rows = customerChunks[chunk] ??= new CustomerSales?[1 << ChunkBits];
        return ref rows[id & ((1 << ChunkBits) - 1)];
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => b < a ? b : a;

    private static DateOnly Max(DateOnly a, DateOnly b) => b > a ? b : a;

    /// <summary>Day × channel rows, by date then channel.</summary>
    public IEnumerable<SalesDay> Days => days.Values.OrderBy(d => d.BusinessDate).ThenBy(d => d.Channel);

    /// <summary>Customer rows, by customer id.</summary>
    public IEnumerable<CustomerSales> Customers
    {
        get
        {
            foreach (var rows in customerChunks)
            {
                foreach (var customer in rows ?? [])
                {
                    if (customer is not null)
                    {
                        yield return customer;
                    }
                }
            }
        }
    }

    /// <summary>Customer × year rows, by customer then year: the month bits as <see cref="CustomerYear"/> defines them.</summary>
    public IEnumerable<CustomerYear> Years()
    {
        CustomerYear? year = null;
        foreach (var group in SaleMonths())
        {
            if (year is null || year.CustomerId != group.Customer || year.Year != group.Month / 100)
            {
                if (year is not null)
                {
                    yield return year;
                }
                year = new CustomerYear { CustomerId = group.Customer, Year = group.Month / 100 };
            }
            var bit = 1 << (group.Month % 100 - 1);
            year.Months |= bit;
            year.RepeatMonths |= group.Orders >= 2 ? bit : 0;
            foreach (var channel in Enum.GetValues<Channel>())
            {
                var count = group.ByChannel[(int)channel];
                var channelBit = (long)bit << CustomerYear.ChannelShift(channel);
                year.ChannelMonths |= count >= 1 ? channelBit : 0;
                year.ChannelRepeatMonths |= count >= 2 ? channelBit : 0;
            }
        }
        if (year is not null)
        {
            yield return year;
        }
    }

    private sealed class MonthGroup
    {
        public int Customer;
        public int Month;
        public int Orders;
        public readonly int[] ByChannel = new int[Enum.GetValues<Channel>().Length];
    }

    /// <summary>The sale orders grouped by customer and month (one group object, reused: read it before the next).</summary>
    private IEnumerable<MonthGroup> SaleMonths()
    {
        if (!sorted)
        {
            sales.Sort();
            sorted = true;
        }
        var group = new MonthGroup();
        for (var i = 0; i < sales.Count;)
        {
            var key = sales[i] >> MonthShift;
            group.Customer = (int)(key >> (CustomerShift - MonthShift));
            group.Month = (int)(key & ((1L << (CustomerShift - MonthShift)) - 1));
            group.Orders = 0;
            Array.Clear(group.ByChannel);
            for (; i < sales.Count && sales[i] >> MonthShift == key; i++)
            {
                var channel = (Channel)(sales[i] & ((1 << MonthShift) - 1));
                group.Orders++;
                group.ByChannel[(int)channel]++;
            }
            yield return group;
        }
    }
}

namespace CustomerInsight.Core.Sales;

/// <summary>
/// One business day × channel with at least one order: the order counts and amounts every period total is summed from
/// (a year is at most 366 × 5 rows instead of a million orders). Kept equal to the orders by <see cref="Data.SalesSummaries"/>.
/// </summary>
public class SalesDay
{
    public DateOnly BusinessDate { get; set; }
    public Channel Channel { get; set; }
    public int BusinessMonth { get; set; }
    public long SaleOrders { get; set; }

    /// <summary>Sale orders with a customer (purchase frequency's numerator).</summary>
    public long IdentifiedSaleOrders { get; set; }

    /// <summary>Sum of the sale orders' amounts, in thousandths.</summary>
    public long GrossMilli { get; set; }

    public long CancellationOrders { get; set; }

    /// <summary>Sum of the cancellations' amounts (negative), in thousandths.</summary>
    public long ReturnsMilli { get; set; }
}

/// <summary>
/// One identified customer with at least one order, over all their orders (every channel): first and last dates, sale orders
/// and net revenue. New customers, cohorts and RFM (every customer whose last order is before the analysis date) read it.
/// </summary>
public class CustomerSales
{
    public int CustomerId { get; set; }
    public DateOnly FirstOrderDate { get; set; }
    public DateOnly LastOrderDate { get; set; }

    /// <summary>Null when the customer has cancellations only.</summary>
    public DateOnly? FirstSaleDate { get; set; }

    /// <summary>The cohort (yyyymm of <see cref="FirstSaleDate"/>).</summary>
    public int? FirstSaleMonth { get; set; }

    public DateOnly? LastSaleDate { get; set; }
    public long SaleOrders { get; set; }

    /// <summary>Sale and cancellation amounts, in thousandths (RFM's monetary).</summary>
    public long NetMilli { get; set; }
}

/// <summary>
/// One identified customer × calendar year with at least one sale order, its months as bit masks (bit m − 1 for month m):
/// months with a sale order, months with two or more; per channel the same at bit 12 × channel + m − 1. The customer counts
/// of any period (active, new, repeat, retained, lapsed, per channel) are bit tests over these rows for the period's whole
/// months plus the sale orders of its partial months (<see cref="Analytics.CustomerActivityTally"/>).
/// </summary>
public class CustomerYear
{
    public int CustomerId { get; set; }
    public int Year { get; set; }
    public int Months { get; set; }
    public int RepeatMonths { get; set; }
    public long ChannelMonths { get; set; }
    public long ChannelRepeatMonths { get; set; }

    /// <summary>The bit of a month (1–12) of one channel in <see cref="ChannelMonths"/> and <see cref="ChannelRepeatMonths"/>.</summary>
    public static int ChannelShift(Channel channel) => 12 * (int)channel;
}

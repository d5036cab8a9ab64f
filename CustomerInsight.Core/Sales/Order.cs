using CustomerInsight.Core.Customers;

namespace CustomerInsight.Core.Sales;

/// <summary>One sales document (an invoice). Adjustments are never stored.</summary>
public class Order
{
    public long Id { get; set; }

    /// <summary>Where the order came from (e.g. <c>online-retail</c>, <c>order-lines</c>, <c>demo</c>).</summary>
    public required string Source { get; set; }

    /// <summary>The invoice or order number in its source; unique with <see cref="Source"/>.</summary>
    public required string SourceOrderId { get; set; }

    public int? CustomerId { get; set; }
    public Customer? Customer { get; set; }

    /// <summary>The instant of the order, in UTC.</summary>
    public DateTime OrderedAtUtc { get; set; }

    /// <summary>The day of the order in the business time zone, computed once when written.</summary>
    public DateOnly BusinessDate { get; set; }

    /// <summary>Year × 100 + month of <see cref="BusinessDate"/>, for grouping by month in SQL.</summary>
    public int BusinessMonth { get; set; }

    public Channel Channel { get; set; }
    public OrderKind Kind { get; set; }

    /// <summary>Sum of the line amounts, in thousandths (negative for a cancellation).</summary>
    public long AmountMilli { get; set; }

    public int? ImportBatchId { get; set; }

    public List<OrderLine> Lines { get; set; } = [];

    public decimal Amount => Money.FromMilli(AmountMilli);
}

namespace CustomerInsight.Core.Sales;

public class OrderLine
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public Order? Order { get; set; }

    /// <summary>The catalogue entry: product code and description.</summary>
    public int ProductId { get; set; }
    public Product? Product { get; set; }

    public int Quantity { get; set; }
    public long UnitPriceMilli { get; set; }

    /// <summary>Quantity × unit price, in thousandths.</summary>
    public long AmountMilli { get; set; }

    public decimal UnitPrice => Money.FromMilli(UnitPriceMilli);
    public decimal Amount => Money.FromMilli(AmountMilli);
}

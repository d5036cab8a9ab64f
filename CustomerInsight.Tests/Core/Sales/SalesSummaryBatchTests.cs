namespace CustomerInsight.Tests.Core.Sales;

/// <summary>
/// <see cref="SalesSummaryBatch"/>'s customer rows in memory: one per customer whatever the order of its orders, in id order
/// across the chunks of ids it keeps them in. SalesSummariesTests compare whole batches with the summaries' SQL on both engines.
/// </summary>
public sealed class SalesSummaryBatchTests
{
    private static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    [Fact]
    public void Customers_OrdersOfCustomersInAnyOrder_OneRowEachInIdOrder()
    {
        var batch = new SalesSummaryBatch();

        batch.Add(5000, Day("2025-03-10"), 202503, Channel.Web, OrderKind.Sale, 10_000);
        batch.Add(3, Day("2025-02-01"), 202502, Channel.Store, OrderKind.Sale, 2_500);
        batch.Add(null, Day("2025-02-01"), 202502, Channel.Store, OrderKind.Sale, 1_000);
        batch.Add(4097, Day("2025-01-05"), 202501, Channel.Web, OrderKind.Cancellation, -700);
        batch.Add(3, Day("2025-01-20"), 202501, Channel.Web, OrderKind.Sale, 4_000);
        batch.Add(4096, Day("2025-04-01"), 202504, Channel.Web, OrderKind.Sale, 1);

        var rows = batch.Customers.Select(c => (c.CustomerId, c.FirstOrderDate, c.LastOrderDate, c.FirstSaleDate, c.FirstSaleMonth,
            c.LastSaleDate, c.SaleOrders, c.NetMilli)).ToList();

        Assert.Equal(
            [
                (3, Day("2025-01-20"), Day("2025-02-01"), (DateOnly?)Day("2025-01-20"), (int?)202501, (DateOnly?)Day("2025-02-01"), 2L, 6_500L),
                (4096, Day("2025-04-01"), Day("2025-04-01"), Day("2025-04-01"), 202504, Day("2025-04-01"), 1L, 1L),
                (4097, Day("2025-01-05"), Day("2025-01-05"), null, null, null, 0L, -700L),
                (5000, Day("2025-03-10"), Day("2025-03-10"), Day("2025-03-10"), 202503, Day("2025-03-10"), 1L, 10_000L),
            ],
            rows);
        Assert.Equal(6, batch.Orders);
    }
}

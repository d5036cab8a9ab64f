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

    [Fact]
    public async Task Feed_OrdersOverSeveralBlocksAndAPartOne_SumToTheRowsOfAddingThemDirectly()
    {
        // Two full blocks and part of a third, and their order kept: first and last dates, months and counts depend on all of them.
        var count = 2 * SalesSummaryFeed.BlockSize + 123;
        var random = new Random(7);
        var orders = Enumerable.Range(0, count).Select(_ =>
        {
            var date = Day("2024-01-01").AddDays(random.Next(0, 500));
            var sale = random.Next(10) > 0;
            return (Customer: random.Next(6) == 0 ? (int?)null : random.Next(1, 900), Date: date, Month: BusinessCalendar.MonthKey(date),
                Channel: (Channel)random.Next(0, 5), Kind: sale ? OrderKind.Sale : OrderKind.Cancellation,
                Amount: sale ? random.Next(1, 100_000) : -random.Next(1, 50_000));
        }).ToList();
        var direct = new SalesSummaryBatch();
        var fed = new SalesSummaryBatch();
        await using (var feed = new SalesSummaryFeed(fed))
        {
            foreach (var o in orders)
            {
                direct.Add(o.Customer, o.Date, o.Month, o.Channel, o.Kind, o.Amount);
                feed.Add(o.Customer, o.Date, o.Month, o.Channel, o.Kind, o.Amount);
            }
            await feed.CompleteAsync();
        }

        Assert.Equal(count, fed.Orders);
        Assert.Equal(Rows(direct), Rows(fed));
    }

    /// <summary>Every row of the batch, as text (day × channel, customer, customer × year).</summary>
    private static List<string> Rows(SalesSummaryBatch batch) =>
    [
        .. batch.Days.Select(d => $"day {d.BusinessDate:O} {d.Channel} {d.BusinessMonth} {d.SaleOrders} {d.IdentifiedSaleOrders} {d.GrossMilli} "
            + $"{d.CancellationOrders} {d.ReturnsMilli}"),
        .. batch.Customers.Select(c => $"customer {c.CustomerId} {c.FirstOrderDate:O} {c.LastOrderDate:O} {c.FirstSaleDate:O} {c.FirstSaleMonth} "
            + $"{c.LastSaleDate:O} {c.SaleOrders} {c.NetMilli}"),
        .. batch.Years().Select(y => $"year {y.CustomerId} {y.Year} {y.Months} {y.RepeatMonths} {y.ChannelMonths} {y.ChannelRepeatMonths}"),
    ];
}

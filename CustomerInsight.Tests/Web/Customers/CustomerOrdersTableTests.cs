using CustomerInsight.Web.Components.Pages.Customers;

namespace CustomerInsight.Tests.Web.Customers;

/// <summary>The customer 360's orders: an order's lines show on expansion, unit prices as prices are written.</summary>
public sealed class CustomerOrdersTableTests : BunitTestBase
{
    [Fact]
    public void ExpandedOrder_UnitPricesWithTwoDecimalsUnlessTheThirdCounts()
    {
        IReadOnlyList<CustomerOrderLineRow> lines =
        [
            new("P1", "Chaise", 1, 629m, 629m),
            new("P2", "Vis", 200, 0.065m, 13m),
        ];
        var table = Render<CustomerOrdersTable>(p => p
            .Add(c => c.Orders, [new CustomerOrderRow(1, "CMD-1", new DateOnly(2025, 3, 1), Channel.Web, OrderKind.Sale, 642m, 2)])
            .Add(c => c.LoadLines, _ => Task.FromResult(lines)));

        table.Find("[data-testid=order-expand]").Click();

        var prices = table.WaitForElements("[data-testid=order-lines] tbody tr")
            .Select(row => row.QuerySelectorAll("td")[3].TextContent).ToList();
        Assert.Equal(["629,00\u00a0€", "0,065\u00a0€"], prices);
    }
}

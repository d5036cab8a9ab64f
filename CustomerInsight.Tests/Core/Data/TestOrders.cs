namespace CustomerInsight.Tests.Core.Data;

/// <summary>Orders as the tests write them into a database: source "test", placed at 10:00 UTC on their business day.</summary>
public static class TestOrders
{
    public static Order Create(string id, int? customer, DateOnly day, decimal amount, OrderKind kind = OrderKind.Sale,
        Channel channel = Channel.Web) => new()
    {
        Source = "test",
        SourceOrderId = id,
        CustomerId = customer,
        OrderedAtUtc = day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
        BusinessDate = day,
        BusinessMonth = BusinessCalendar.MonthKey(day),
        Channel = channel,
        Kind = kind,
        AmountMilli = Money.ToMilli(amount),
    };

    /// <summary>An ISO date (yyyy-MM-dd) as the tests write them.</summary>
    public static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}

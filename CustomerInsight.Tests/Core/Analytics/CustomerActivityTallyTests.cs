namespace CustomerInsight.Tests.Core.Analytics;

/// <summary>
/// The windows of <see cref="CustomerActivityTally"/>: whole months as year masks, the rest as edge days; a whole month
/// counts min(2, its sale orders) from the two masks, an edge day's orders one by one, and every count stops at two.
/// </summary>
public sealed class CustomerActivityTallyTests
{
    private static DateOnly Day(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Window_AcrossTheNewYear_HasItsWholeMonthsAsMasksAndItsOtherDaysAsEdges()
    {
        var window = new ActivityWindow(Day(2023, 12, 20), Day(2024, 3, 15), null);

        Assert.Equal(0, window.YearMask(2023));
        Assert.Equal(0b11, window.YearMask(2024));
        Assert.Equal([(Day(2023, 12, 20), Day(2024, 1, 1)), (Day(2024, 3, 1), Day(2024, 3, 15))], window.EdgeDays());
        Assert.True(window.CountsOrder(Day(2024, 3, 14), Channel.Web));
        Assert.False(window.CountsOrder(Day(2024, 2, 14), Channel.Web));
        Assert.False(window.CountsOrder(Day(2024, 3, 15), Channel.Web));
    }

    [Fact]
    public void Window_WithoutStart_TakesEveryEarlierYear_AndOneDayWindowIsAllEdge()
    {
        var before = new ActivityWindow(null, Day(2024, 2, 15), Channel.Store);
        Assert.Equal(0xFFF, before.YearMask(2019));
        Assert.Equal(0b1, before.YearMask(2024));
        Assert.Equal([(Day(2024, 2, 1), Day(2024, 2, 15))], before.EdgeDays());
        Assert.False(before.CountsOrder(Day(2024, 2, 1), Channel.Web));

        var oneDay = new ActivityWindow(Day(2024, 7, 4), Day(2024, 7, 5), null);
        Assert.Equal(0, oneDay.YearMask(2024));
        Assert.Equal([(Day(2024, 7, 4), Day(2024, 7, 5))], oneDay.EdgeDays());
    }

    [Fact]
    public void Tally_CombinesMasksAndEdgeOrders_PerChannel_CappedAtTwo()
    {
        // Window 0: February–March 2024, every channel; window 1: the same, the store only; window 2: 10–20 March, the web.
        var tally = new CustomerActivityTally(
        [
            new(Day(2024, 2, 1), Day(2024, 4, 1), null),
            new(Day(2024, 2, 1), Day(2024, 4, 1), Channel.Store),
            new(Day(2024, 3, 10), Day(2024, 3, 20), Channel.Web),
        ], customers: 5);
        var store = CustomerYear.ChannelShift(Channel.Store);
        var web = CustomerYear.ChannelShift(Channel.Web);
        // Customer 1: one web sale in February. Customer 2: two store sales in March (repeat month). Customer 3: one web
        // sale in February and one store sale in March. Customer 4: a web sale on 12 March, read from the orders.
        tally.AddYear(1, 2024, 0b10, 0, 0b10L << web, 0);
        tally.AddYear(2, 2024, 0b100, 0b100, 0b100L << store, 0b100L << store);
        tally.AddYear(3, 2024, 0b110, 0, (0b10L << web) | (0b100L << store), 0);
        tally.AddOrder(4, Day(2024, 3, 12), Channel.Web);
        tally.AddOrder(4, Day(2024, 3, 13), Channel.Web);
        tally.AddOrder(4, Day(2024, 3, 14), Channel.Web);

        // Customer 4's orders are edge days of window 2 only: window 0 takes March whole, from the masks.
        Assert.Equal(3, tally.Count(s => s[0] > 0));
        Assert.Equal(2, tally.Count(s => s[0] >= 2));
        Assert.Equal(2, tally.Count(s => s[1] > 0));
        Assert.Equal(1, tally.Count(s => s[1] >= 2));
        Assert.Equal(1, tally.Count(s => s[2] >= 2));
        Assert.Equal([(Day(2024, 3, 10), Day(2024, 3, 20))], tally.EdgeDays());
    }

    [Fact]
    public void Tally_Marks_FollowTheWindowsInEachCustomersCounts()
    {
        // Customers are slots 0, 1 and 2.
        var tally = new CustomerActivityTally([new(Day(2024, 1, 1), Day(2025, 1, 1), null)], customers: 3, marks: 2);
        tally.AddYear(0, 2024, 0b1, 0, 0, 0);
        tally.AddYear(1, 2024, 0b11, 0, 0, 0);
        tally.Mark(1, 0);
        tally.Mark(1, 0);
        // A mark alone makes a customer (customer 2 has no order in the window).
        tally.Mark(2, 1);

        Assert.Equal(1, tally.Count(s => s[0] >= 2 && s[1] == 1));
        Assert.Equal(1, tally.Count(s => s[0] > 0 && s[1] == 0));
        Assert.Equal(1, tally.Count(s => s[0] == 0 && s[2] == 1));
        Assert.Equal(3, tally.Count(s => s.Length == 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => tally.Mark(1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => tally.Mark(3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => tally.AddYear(-1, 2024, 0b1, 0, 0, 0));
    }

    [Fact]
    public void Tally_CountsInOnePass_NeverACustomerWithNothingCounted()
    {
        var tally = new CustomerActivityTally([new(Day(2024, 1, 1), Day(2025, 1, 1), null)], customers: 5000, marks: 1);
        for (var slot = 0; slot < 5000; slot += 2)
        {
            tally.Mark(slot, 0);
        }
        tally.AddYear(1, 2024, 0b1, 0, 0, 0);

        Assert.Equal(2500, tally.Count(s => s[1] == 1 && s[0] == 0));
        // Slot 1 has a sale; the 2,499 other odd slots have nothing and match no predicate, not even "no mark".
        Assert.Equal([2500, 1, 1], tally.Count([s => s[1] == 1, s => s[1] == 0, s => s[0] > 0]));
    }

    [Fact]
    public void Count_ThirtyTwoWindowsAndMarks_EachPositionCountedOnItsOwn()
    {
        // 29 one-day windows (1–29 January 2024) and 3 marks: the widest tally Count packs into 64 bits.
        var windows = Enumerable.Range(1, 29).Select(d => new ActivityWindow(Day(2024, 1, d), Day(2024, 1, d + 1), null)).ToList();
        var tally = new CustomerActivityTally(windows, customers: 40, marks: 3);
        // Customer c (1–29) buys on day c, customer 30 twice on day 29, customers 31–33 carry marks 0–2 only.
        for (var c = 1; c <= 29; c++)
        {
            tally.AddOrder(c, Day(2024, 1, c), Channel.Web);
        }
        tally.AddOrder(30, Day(2024, 1, 29), Channel.Web);
        tally.AddOrder(30, Day(2024, 1, 29), Channel.Store);
        for (var m = 0; m < 3; m++)
        {
            tally.Mark(31 + m, m);
        }

        var n = tally.Count([.. Enumerable.Range(0, 32).Select(i => (Func<ReadOnlySpan<byte>, bool>)(s => s[i] > 0)),
            s => s[28] == 2, s => s.Length == 32]);

        // Every window has its one buyer, the last also customer 30; every mark its customer; customer 30 alone reached two.
        Assert.Equal([.. Enumerable.Repeat(1L, 28), 2, 1, 1, 1, 1, 33], n);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerActivityTally(windows, customers: 1, marks: 4));
    }
}

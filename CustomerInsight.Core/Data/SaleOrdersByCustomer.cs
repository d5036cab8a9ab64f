namespace CustomerInsight.Core.Data;

/// <summary>One customer's sale orders in day order: their day numbers, channels and amounts in thousandths, side by side.</summary>
public readonly ref struct CustomerSaleOrders(ReadOnlySpan<int> days, ReadOnlySpan<byte> channels, ReadOnlySpan<long> amountsMilli)
{
    public ReadOnlySpan<int> Days { get; } = days;

    public ReadOnlySpan<byte> Channels { get; } = channels;

    public ReadOnlySpan<long> AmountsMilli { get; } = amountsMilli;

    /// <summary>How many of the orders are before the day <paramref name="dayNumber"/> (the first ones: they are in day order).</summary>
    public int CountBefore(int dayNumber)
    {
        var count = 0;
        while (count < Days.Length && Days[count] < dayNumber)
        {
            count++;
        }
        return count;
    }
}

/// <summary>
/// The sale orders of a snapshot a second time, by customer (slot) and then day: what is folded per customer up to a date (RFM,
/// the value models' purchases, the channels bought on) reads each customer's orders side by side instead of touching a
/// customer's record at random once an order (at 10 M order lines, 3.7 M sale orders: a cache miss each, 0.1–0.3 s a fold).
/// </summary>
internal sealed class SaleOrdersByCustomer
{
    // The orders of slot s are at [starts[s], starts[s + 1]).
    private readonly int[] starts;
    private readonly int[] days;
    private readonly byte[] channels;
    private readonly long[] amounts;

    private SaleOrdersByCustomer(int[] starts, int[] days, byte[] channels, long[] amounts) =>
        (this.starts, this.days, this.channels, this.amounts) = (starts, days, channels, amounts);

    public CustomerSaleOrders Of(int slot)
    {
        var (start, length) = (starts[slot], starts[slot + 1] - starts[slot]);
        return new CustomerSaleOrders(days.AsSpan(start, length), channels.AsSpan(start, length), amounts.AsSpan(start, length));
    }

    /// <summary>
    /// A counting sort on the slot of the sale orders held by day (those of day <c>firstDay + d</c> at
    /// <c>[dayStarts[d], dayStarts[d + 1])</c>): stable, so each customer's orders stay in day order.
    /// </summary>
    public static SaleOrdersByCustomer Of(int customers, int firstDay, int[] dayStarts, int[] slots, byte[] orderChannels,
        long[] orderAmounts)
    {
        var starts = new int[customers + 1];
        foreach (var slot in slots)
        {
            starts[slot + 1]++;
        }
        for (var s = 0; s < customers; s++)
        {
            starts[s + 1] += starts[s];
        }
        var next = starts[..^1];
        var (days, channels, amounts) = (new int[slots.Length], new byte[slots.Length], new long[slots.Length]);
        for (var d = 0; d + 1 < dayStarts.Length; d++)
        {
            for (var i = dayStarts[d]; i < dayStarts[d + 1]; i++)
            {
                var at = next[slots[i]]++;
                (days[at], channels[at], amounts[at]) = (firstDay + d, orderChannels[i], orderAmounts[i]);
            }
        }
        return new SaleOrdersByCustomer(starts, days, channels, amounts);
    }
}

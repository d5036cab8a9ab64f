namespace CustomerInsight.Core.Sales;

/// <summary>
/// Amounts are stored as whole thousandths of the currency unit (prices in the public data
/// have up to three decimals), so SQL can SUM them natively and exactly.
/// </summary>
public static class Money
{
    public const long MilliPerUnit = 1000;

    /// <summary>
    /// <c>milli / 1000m</c> without a decimal division (RFM turns a million customers' amounts at each new date): the same value
    /// and the same scale, the division's trailing zeros dropped.
    /// </summary>
    public static decimal FromMilli(long milli)
    {
        byte scale = 3;
        while (scale > 0 && milli % 10 == 0)
        {
            milli /= 10;
            scale--;
        }
        var magnitude = milli < 0 ? (ulong)-(milli + 1) + 1 : (ulong)milli;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, milli < 0, scale);
    }

    /// <summary>Converts an amount to thousandths; throws when it has more than three decimals.</summary>
    public static long ToMilli(decimal amount)
    {
        var scaled = amount * MilliPerUnit;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Amounts are limited to three decimals.");
        }
        return decimal.ToInt64(scaled);
    }

    public static bool TryToMilli(decimal amount, out long milli)
    {
        var scaled = amount * MilliPerUnit;
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue)
        {
            milli = 0;
            return false;
        }
        milli = decimal.ToInt64(scaled);
        return true;
    }

    /// <summary>Line amount in thousandths: quantity × unit price, exact.</summary>
    public static long LineAmountMilli(int quantity, long unitPriceMilli) => checked(quantity * unitPriceMilli);
}

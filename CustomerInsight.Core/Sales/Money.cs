namespace CustomerInsight.Core.Sales;

/// <summary>
/// Amounts are stored as whole thousandths of the currency unit (prices in the public data
/// have up to three decimals), so SQL can SUM them natively and exactly.
/// </summary>
public static class Money
{
    public const long MilliPerUnit = 1000;

    public static decimal FromMilli(long milli) => milli / 1000m;

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

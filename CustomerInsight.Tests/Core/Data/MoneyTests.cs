namespace CustomerInsight.Tests.Core.Data;

public class MoneyTests
{
    [Theory]
    [InlineData("0.001", 1)]
    [InlineData("11062.06", 11_062_060)]
    [InlineData("-4.165", -4_165)]
    [InlineData("38970", 38_970_000)]
    public void ToMilli_ThreeDecimalsOrFewer_IsExact(string amount, long expected)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, Money.ToMilli(value));
        Assert.Equal(value, Money.FromMilli(expected));
    }

    [Fact]
    public void ToMilli_FourDecimals_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.ToMilli(1.0005m));

    [Fact]
    public void LineAmountMilli_SumsExactlyWhereDoublesDrift()
    {
        // 0.1 + 0.2 style drift: ten lines of 3 × 0.033 must be exactly 0.99.
        long total = 0;
        for (var i = 0; i < 10; i++)
        {
            total += Money.LineAmountMilli(3, Money.ToMilli(0.033m));
        }
        Assert.Equal(0.99m, Money.FromMilli(total));
        Assert.NotEqual(0.99, Enumerable.Repeat(3 * 0.033, 10).Sum());
    }
}

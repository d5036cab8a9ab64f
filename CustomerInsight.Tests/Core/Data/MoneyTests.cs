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

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(-1L)]
    [InlineData(10L)]
    [InlineData(120L)]
    [InlineData(12_000L)]
    [InlineData(12_300L)]
    [InlineData(-12_340L)]
    [InlineData(999_999_999_999L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void FromMilli_TheDivisionsValueAndScale(long milli)
    {
        var divided = milli / 1000m;

        Assert.Equal(divided, Money.FromMilli(milli));
        Assert.Equal(divided.Scale, Money.FromMilli(milli).Scale);
        Assert.Equal(divided.ToString(System.Globalization.CultureInfo.InvariantCulture), Money.FromMilli(milli).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FromMilli_EveryAmountOfARange_AsTheDivision()
    {
        for (var milli = -20_000L; milli <= 20_000L; milli += 7)
        {
            Assert.Equal((milli / 1000m).ToString(System.Globalization.CultureInfo.InvariantCulture), Money.FromMilli(milli).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

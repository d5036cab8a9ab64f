namespace CustomerInsight.Tests.Web;

/// <summary>Figures never break across lines: no plain space between a number and its € or %.</summary>
public sealed class DisplayFormatTests
{
    private static readonly DisplayFormat Format = new(Options.Create(new BusinessOptions()));

    private static string In(string culture, Func<string> format)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            return format();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Money_French_NoBreakSpaceBeforeTheEuro()
    {
        Assert.Equal("479,39\u00a0€", In("fr-FR", () => Format.Money(479.39m)));
        Assert.Equal("-12,50\u00a0€", In("fr-FR", () => Format.Money(-12.5m)));
    }

    [Fact]
    public void Percent_French_NoBreakSpaceBeforeThePercentSign()
    {
        Assert.Equal("37,8\u00a0%", In("fr-FR", () => DisplayFormat.Percent(0.378)));
        Assert.Equal("-5\u00a0%", In("fr-FR", () => DisplayFormat.Percent(-0.05, 0)));
    }

    [Fact]
    public void MoneyAndPercent_English_SymbolAgainstTheNumber()
    {
        Assert.Equal("€479.39", In("en-GB", () => Format.Money(479.39m)));
        Assert.Equal("37.8%", In("en-GB", () => DisplayFormat.Percent(0.378)));
    }

    [Theory]
    [InlineData("629", "629,00\u00a0€")]
    [InlineData("629.5", "629,50\u00a0€")]
    [InlineData("0.065", "0,065\u00a0€")]
    [InlineData("1.105", "1,105\u00a0€")]
    [InlineData("-2.55", "-2,55\u00a0€")]
    public void UnitPrice_TwoDecimalsUnlessTheThousandthCounts(string price, string expected) =>
        Assert.Equal(expected, In("fr-FR", () => Format.UnitPrice(decimal.Parse(price, CultureInfo.InvariantCulture))));

    [Fact]
    public void UnitPrice_English_SameRuleAndUndefinedIsNotAvailable()
    {
        Assert.Equal("€629.00", In("en-GB", () => Format.UnitPrice(629m)));
        Assert.Equal("€0.065", In("en-GB", () => Format.UnitPrice(0.065m)));
        Assert.Equal("n/a", In("en-GB", () => Format.UnitPrice(null)));
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("en-GB")]
    public void MoneyAndPercent_AnyCulture_NoPlainSpaceAnywhere(string culture)
    {
        string[] texts =
        [
            In(culture, () => Format.Money(1_234_567.891m)),
            In(culture, () => Format.Money(-1_234_567m, 0)),
            In(culture, () => DisplayFormat.Percent(12.345)),
            In(culture, () => DisplayFormat.Percent(-0.5)),
        ];

        Assert.All(texts, text => Assert.DoesNotContain(' ', text));
    }

    [Theory]
    [InlineData("2026-01-15T12:00:00", "15/01/2026 13:00")] // winter: UTC+1
    [InlineData("2026-07-15T12:00:00", "15/07/2026 14:00")] // summer: UTC+2
    [InlineData("2026-03-29T00:59:00", "29/03/2026 01:59")] // last minute before the spring change
    [InlineData("2026-03-29T01:00:00", "29/03/2026 03:00")] // 02:00 Paris never happens that night
    [InlineData("2026-10-25T00:59:00", "25/10/2026 02:59")] // last minute of summer time
    [InlineData("2026-10-25T01:00:00", "25/10/2026 02:00")] // back to winter time: 02:00 again
    [InlineData("2026-12-31T23:30:00", "01/01/2027 00:30")] // already the next day (and year) in Paris
    public void Instant_UtcShownAsParisTime_WhateverTheHostZone(string utc, string expected)
    {
        var instant = DateTime.SpecifyKind(DateTime.Parse(utc, CultureInfo.InvariantCulture), DateTimeKind.Utc);

        Assert.Equal(expected, In("fr-FR", () => Format.Instant(instant)));
    }

    [Fact]
    public void Instant_FormatsTheBusinessDayAndTime_AndAnUnspecifiedKindIsTakenAsUtc()
    {
        var lateEvening = new DateTime(2026, 6, 30, 22, 30, 0, DateTimeKind.Unspecified);

        Assert.Equal("01/07/2026", In("fr-FR", () => Format.Instant(lateEvening, "d")));
        Assert.Equal("00:30", In("fr-FR", () => Format.Instant(lateEvening, "HH:mm")));
    }
}

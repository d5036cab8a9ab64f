using System.Globalization;
using CustomerInsight.Web;
using Microsoft.Extensions.Options;

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
}

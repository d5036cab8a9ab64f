using System.Globalization;
using CustomerInsight.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CustomerInsight.Tests.Web.Localization;

public sealed class PluralsTests : BunitTestBase
{
    [Theory]
    [InlineData("fr-FR", 0, "0 client anonymisé.")]
    [InlineData("fr-FR", 1, "1 client anonymisé.")]
    [InlineData("fr-FR", 82, "82 clients anonymisés.")]
    [InlineData("en-GB", 0, "0 customers anonymised.")]
    [InlineData("en-GB", 1, "1 customer anonymised.")]
    [InlineData("en-GB", 2, "2 customers anonymised.")]
    public void Format_FrenchSingularUpToOne_EnglishOnlyForOne(string culture, int count, string expected)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var text = Services.GetRequiredService<IStringLocalizer<PrivacyText>>();
        Assert.Equal(expected, Plurals.Format(text, "Purged", count, count));
    }
}

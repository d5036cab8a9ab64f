using Microsoft.Extensions.Localization;

namespace CustomerInsight.Tests.Web.Localization;

public sealed class LocalizerGrammarTests : BunitTestBase
{
    /// <summary>The localizer of <typeparamref name="T"/>; the test runs in <paramref name="culture"/> ([UseCulture]).</summary>
    private IStringLocalizer<T> Localizer<T>(string culture)
    {
        Assert.Equal(culture, CultureInfo.CurrentUICulture.Name);
        return Services.GetRequiredService<IStringLocalizer<T>>();
    }

    [Theory]
    [InlineData("fr-FR", "Début\u00a0: 05/01/2026")]
    [InlineData("en-GB", "Start: 05/01/2026")]
    [UseCulture]
    public void Labelled_Culture_ColonAsThatLanguageWritesIt(string culture, string expected)
    {
        var text = Localizer<OmocText>(culture);
        Assert.Equal(expected, text.Labelled(text["StartDate"], "05/01/2026"));
    }

    [Theory]
    [InlineData("fr-FR", 0, "0 bilan terminé sur 4")]
    [InlineData("fr-FR", 1, "1 bilan terminé sur 4")]
    [InlineData("fr-FR", 2, "2 bilans terminés sur 4")]
    [InlineData("en-GB", 0, "0 assessments completed out of 4")]
    [InlineData("en-GB", 1, "1 assessment completed out of 4")]
    [InlineData("en-GB", 2, "2 assessments completed out of 4")]
    [UseCulture]
    public void Plural_CultureAndCount_ThatLanguagesSingularOrPlural(string culture, int completed, string expected) =>
        Assert.Equal(expected, Localizer<OmocText>(culture).Plural("AssessmentCounts", completed, 4));

    [Theory]
    [InlineData("fr-FR", 1234, "1\u202f234 clients anonymisés.")]
    [InlineData("en-GB", 1234, "1,234 customers anonymised.")]
    [UseCulture]
    public void Plural_Count_FormattedForTheCulture(string culture, int count, string expected)
    {
        var text = Localizer<PrivacyText>(culture);
        var actual = text.Plural("Purged", count);
        Assert.Equal(expected.Replace("\u202f", CultureInfo.CurrentCulture.NumberFormat.NumberGroupSeparator, StringComparison.Ordinal), actual);
    }
}

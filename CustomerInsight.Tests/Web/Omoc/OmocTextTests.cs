using System.Globalization;
using System.Text.RegularExpressions;
using CustomerInsight.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CustomerInsight.Tests.Web.Omoc;

public sealed class OmocTextTests : BunitTestBase
{
    private IStringLocalizer<OmocText> Localizer(string culture)
    {
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        return Services.GetRequiredService<IStringLocalizer<OmocText>>();
    }

    [Theory]
    [InlineData("fr-FR", "Début\u00a0: 05/01/2026")]
    [InlineData("en-GB", "Start: 05/01/2026")]
    public void Labelled_Culture_ColonAsThatLanguageWritesIt(string culture, string expected)
    {
        var text = Localizer(culture);
        Assert.Equal(expected, text.Labelled(text["StartDate"], "05/01/2026"));
    }

    [Theory]
    [InlineData("fr-FR", 0, "0 bilan terminé sur 4")]
    [InlineData("fr-FR", 1, "1 bilan terminé sur 4")]
    [InlineData("fr-FR", 2, "2 bilans terminés sur 4")]
    [InlineData("en-GB", 0, "0 assessments completed out of 4")]
    [InlineData("en-GB", 1, "1 assessment completed out of 4")]
    [InlineData("en-GB", 2, "2 assessments completed out of 4")]
    public void Plural_CultureAndCount_ThatLanguagesSingularOrPlural(string culture, int completed, string expected) =>
        Assert.Equal(expected, Localizer(culture).Plural("AssessmentCounts", completed, 4));

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("en-GB")]
    public void Resources_Culture_NoLazyPlural(string culture)
    {
        var lazy = Localizer(culture).GetAllStrings(includeParentCultures: true).Where(s => s.Value.Contains("(s)", StringComparison.Ordinal));
        Assert.Empty(lazy.Select(s => s.Name));
    }

    [Fact]
    public void Resources_French_SpaceBeforeAColonIsNoBreak()
    {
        var all = Localizer("fr-FR").GetAllStrings(includeParentCultures: true).ToList();
        Assert.Contains(all, s => s.Value.Contains("\u00a0:", StringComparison.Ordinal));
        Assert.Empty(all.Where(s => s.Value.Contains(" :", StringComparison.Ordinal)).Select(s => s.Name));
    }

    [Fact]
    public void Resources_English_NoSpaceBeforeAColon()
    {
        var all = Localizer("en-GB").GetAllStrings(includeParentCultures: true).ToList();
        Assert.Contains(all, s => s.Value.Contains(':', StringComparison.Ordinal));
        Assert.Empty(all.Where(s => Regex.IsMatch(s.Value, @"\s:")).Select(s => s.Name));
    }
}

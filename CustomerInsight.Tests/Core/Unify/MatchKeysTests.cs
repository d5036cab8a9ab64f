namespace CustomerInsight.Tests.Core.Unify;

/// <summary>metrics.md "Match rules": the three normalisations on the worked examples of issue 16.</summary>
public sealed class MatchKeysTests
{
    [Theory]
    [InlineData("  Marie.Dupont@Exemple.FR ", "marie.dupont@exemple.fr")]
    [InlineData("MARIE.DUPONT@EXEMPLE.FR", "marie.dupont@exemple.fr")]
    [InlineData("marie.dupont@exemple.fr", "marie.dupont@exemple.fr")]
    public void Email_CaseAndSurroundingSpaces_Normalised(string raw, string expected) =>
        Assert.Equal(expected, MatchKeys.Email(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Email_Empty_NoKey(string? raw) => Assert.Null(MatchKeys.Email(raw));

    [Theory]
    [InlineData("+33 6 12 34 56 78")]
    [InlineData("0033 6 12 34 56 78")]
    [InlineData("06 12 34 56 78")]
    [InlineData("06.12.34.56.78")]
    [InlineData("(0)6-12-34-56-78")]
    public void Phone_FrenchMobileWrittenFiveWays_SameKey(string raw) =>
        Assert.Equal("33612345678", MatchKeys.Phone(raw));

    [Fact]
    public void Phone_ForeignNumberWithDoubleZero_DropsTheZeros() =>
        Assert.Equal("3247123456", MatchKeys.Phone("0032 471 23 45 6"));

    [Fact]
    public void Phone_NearMiss_OneDigitDiffers_DifferentKey() =>
        Assert.NotEqual(MatchKeys.Phone("06 12 34 56 78"), MatchKeys.Phone("06 12 34 56 79"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("n/a")]
    public void Phone_NoDigits_NoKey(string? raw) => Assert.Null(MatchKeys.Phone(raw));

    [Theory]
    [InlineData("Hélène", "helene")]
    [InlineData("  HÉLÈNE  ", "helene")]
    [InlineData("Jean-Pierre", "jean pierre")]
    [InlineData("Jean -  Pierre", "jean pierre")]
    [InlineData("D'Artagnan", "d artagnan")]
    [InlineData("D’Artagnan", "d artagnan")]
    [InlineData("François", "francois")]
    public void Name_AccentsHyphensApostrophesSpaces_Normalised(string raw, string expected) =>
        Assert.Equal(expected, MatchKeys.Name(raw));

    [Fact]
    public void NameAndPostalCode_AccentAndHyphenVariants_SameKey() =>
        Assert.Equal(
            MatchKeys.NameAndPostalCode("Jean-François", "Lefèvre", "75011"),
            MatchKeys.NameAndPostalCode("jean francois", "LEFEVRE", " 75011 "));

    [Fact]
    public void NameAndPostalCode_NearMiss_OtherPostalCode_DifferentKey() =>
        Assert.NotEqual(
            MatchKeys.NameAndPostalCode("Jean-François", "Lefèvre", "75011"),
            MatchKeys.NameAndPostalCode("Jean-François", "Lefèvre", "75012"));

    [Fact]
    public void NameAndPostalCode_OneFieldEmpty_NoKey()
    {
        Assert.Null(MatchKeys.NameAndPostalCode("Jean", "Lefèvre", ""));
        Assert.Null(MatchKeys.NameAndPostalCode(" ", "Lefèvre", "75011"));
        Assert.Null(MatchKeys.NameAndPostalCode("Jean", null, "75011"));
    }

    [Fact]
    public void NameAndPostalCode_FieldsDoNotRunTogether()
    {
        // "Jean Pierre" + "Martin" must not equal "Jean" + "Pierre Martin".
        Assert.NotEqual(
            MatchKeys.NameAndPostalCode("Jean Pierre", "Martin", "75011"),
            MatchKeys.NameAndPostalCode("Jean", "Pierre Martin", "75011"));
    }
}

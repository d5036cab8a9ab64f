using CustomerInsight.Core.Text;

namespace CustomerInsight.Tests.Core.Importing;

public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("\u202EUNI3", "\\u202EUNI3")]
    [InlineData("Je\u200Ban", "Je\\u200Ban")]
    [InlineData("A\u0000B", "A\\u0000B")]
    [InlineData("Hélène Lefèvre", "Hélène Lefèvre")]
    public void Escape_HiddenAndControlCharacters_WrittenAsCodes(string text, string expected) =>
        Assert.Equal(expected, VisibleText.Escape(text));

    [Fact]
    public void IndexOfHidden_BidiAndZeroWidth_FoundButAccentsAndSpacesAreNot()
    {
        Assert.Equal(0, VisibleText.IndexOfHidden("\u202EUNI3"));
        Assert.Equal(2, VisibleText.IndexOfHidden("Je\u2066an"));
        Assert.Equal(-1, VisibleText.IndexOfHidden("Hélène Lefèvre-Dupont d'Orléans"));
        Assert.Null(VisibleText.Escape(null));
    }
}

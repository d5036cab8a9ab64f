using System.Globalization;

namespace CustomerInsight.Core.Omoc;

/// <summary>A short text in the two languages of the UI; French is the default.</summary>
public sealed record LocalizedText(string French, string English)
{
    /// <summary>The English text for an English culture, the French text for any other.</summary>
    public string For(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? English : French;

    public override string ToString() => French;
}

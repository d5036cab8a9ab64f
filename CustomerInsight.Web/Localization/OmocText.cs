using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CustomerInsight.Web.Localization;

/// <summary>Marker for the OMOC pages' texts: Resources/Localization/OmocText.resx (French) and OmocText.en.resx.</summary>
public sealed class OmocText;

/// <summary>The OMOC texts that depend on the language's typography and grammar, not only on its words.</summary>
public static class OmocTextExtensions
{
    /// <summary>"Start: 05/01/2026" in English, "Début : 05/01/2026" in French, whose no-break space keeps the colon off the start of a line.</summary>
    public static string Labelled(this IStringLocalizer<OmocText> text, string label, string value) =>
        string.Format(CultureInfo.CurrentCulture, text["LabelValue"], label, value);
}

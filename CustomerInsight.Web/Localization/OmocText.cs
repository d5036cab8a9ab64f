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

    /// <summary>
    /// The <c>key.One</c> or <c>key.Other</c> form of a text whose <c>{0}</c> is <paramref name="count"/>, by the
    /// language's rule: French puts 0 and 1 in the singular ("0 bilan terminé"), English only 1 ("0 assessments").
    /// </summary>
    public static string Plural(this IStringLocalizer<OmocText> text, string key, long count, params object[] more)
    {
        var one = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? count is 0 or 1 : count == 1;
        return string.Format(CultureInfo.CurrentCulture, text[key + (one ? ".One" : ".Other")], [count, .. more]);
    }
}

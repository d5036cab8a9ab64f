namespace CustomerInsight.Web.Localization;

/// <summary>The texts that depend on the language's typography and grammar, not only on its words (every feature's texts).</summary>
public static class LocalizerGrammar
{
    /// <summary>
    /// "Start: 05/01/2026" in English, "Début : 05/01/2026" in French, whose no-break space (U+00A0) keeps the colon
    /// off the start of a line.
    /// </summary>
    public static string Labelled(this IStringLocalizer text, string label, string? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Format(CultureInfo.CurrentCulture, IsFrench ? "{0}\u00a0: {1}" : "{0}: {1}", label, value);
    }

    /// <summary>
    /// The <c>key.One</c> or <c>key.Other</c> form of a text whose <c>{0}</c> is <paramref name="count"/> (formatted for
    /// the culture, "1 234") and whose <c>{1}</c>… are <paramref name="more"/>, by the language's rule: French puts 0 and 1
    /// in the singular ("0 bilan terminé"), English only 1 ("0 assessments").
    /// </summary>
    public static string Plural(this IStringLocalizer text, string key, long count, params object?[] more)
    {
        ArgumentNullException.ThrowIfNull(text);
        var one = IsFrench ? count is 0 or 1 : count == 1;
        return string.Format(CultureInfo.CurrentCulture, text[key + (one ? ".One" : ".Other")], [DisplayFormat.Count(count), .. more]);
    }

    private static bool IsFrench => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr";
}

using System.Globalization;
using CustomerInsight.Core.Text;

namespace CustomerInsight.Core.Surveys.Themes;

/// <summary>
/// One theme of the voice of the customer: a stable key, a name per language and the words or phrases that
/// mark it in a comment, per language (docs/themes.md: both lists are tried on every comment, whatever its language).
/// </summary>
/// <param name="Key">Stable identifier (URLs, exports): lower-case letters, digits and hyphens.</param>
public sealed record ThemeDefinition(string Key, string NameFr, string NameEn, IReadOnlyList<string> TermsFr, IReadOnlyList<string> TermsEn)
{
    /// <summary>The English name for an English culture, the French name for any other.</summary>
    public string Name(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? NameEn : NameFr;

    /// <summary>Every term, French then English.</summary>
    public IEnumerable<string> AllTerms => TermsFr.Concat(TermsEn);

    public bool Equals(ThemeDefinition? other) =>
        other is not null && Key == other.Key && NameFr == other.NameFr && NameEn == other.NameEn
        && TermsFr.SequenceEqual(other.TermsFr) && TermsEn.SequenceEqual(other.TermsEn);

    public override int GetHashCode() => HashCode.Combine(Key, NameFr, NameEn, TermsFr.Count, TermsEn.Count);
}

/// <summary>
/// The default theme set of a retailer, used until an analyst saves the first version: keys and terms here, names in the
/// web project's CoreText.resx (<c>Theme.</c> + key), in both languages.
/// </summary>
public static class ThemeDefaults
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly (string Key, string[] TermsFr, string[] TermsEn)[] Themes =
    [
        ("delivery",
            ["livr*", "colis", "transporteur", "délai de livraison", "retrait en magasin", "retard"],
            ["deliver*", "shipping", "shipped", "parcel", "courier", "late", "delay"]),
        ("installation",
            ["install*", "technicien", "mise en service", "branchement", "raccordement"],
            ["install*", "technician", "fitter", "set up"]),
        ("after-sales",
            ["service client", "service après-vente", "sav", "réparation", "garantie", "hotline", "joindre"],
            ["customer service", "after-sales", "support", "repair", "warranty", "helpline"]),
        ("price",
            ["prix", "tarif", "cher", "pas cher", "promotion", "promo", "rapport qualité-prix", "concurrence"],
            ["price", "pricing", "expensive", "cheap", "value for money", "discount"]),
        ("product-quality",
            ["qualité", "panne", "défaut", "défectueux", "abîmé", "cassé", "bruyant", "silencieux", "efficace", "conforme"],
            ["quality", "broken", "faulty", "defective", "damaged", "noisy", "quiet", "reliable"]),
        ("store-welcome",
            ["magasin", "accueil", "vendeur", "vendeuse", "conseiller", "à l'écoute"],
            ["store", "shop", "staff", "salesperson", "welcome", "friendly"]),
        ("website",
            ["site", "site web", "internet", "en ligne", "application", "commande en ligne"],
            ["website", "site", "online", "app", "checkout"]),
        ("returns",
            ["retour", "rembours*", "échange"],
            ["return*", "refund*", "exchange"]),
    ];

    /// <summary>The default themes, named through <paramref name="texts"/>.</summary>
    public static IReadOnlyList<ThemeDefinition> Retail(ITextResolver texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Themes.Select(t =>
        {
            var name = new LocalizedText("Theme." + t.Key);
            return new ThemeDefinition(t.Key, texts.Resolve(name, French), texts.Resolve(name, English), t.TermsFr, t.TermsEn);
        }).ToList();
    }
}

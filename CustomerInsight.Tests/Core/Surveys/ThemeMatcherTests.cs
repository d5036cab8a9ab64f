using CustomerInsight.Core.Surveys.Themes;
using CustomerInsight.Web.Localization;

namespace CustomerInsight.Tests.Core.Surveys;

/// <summary>The matching rules of docs/themes.md, on worked examples in French and English.</summary>
public sealed class ThemeMatcherTests
{
    private static readonly ThemeDefinition Delivery = new("delivery", "Livraison", "Delivery", ["livraison", "livré", "retard"], ["delivery", "late"]);
    private static readonly ThemeDefinition Installation = new("installation", "Installation", "Installation", ["installateur", "install*"], ["fitter"]);
    private static readonly ThemeDefinition Trouble = new("trouble", "Problèmes", "Problems", ["problème", "souci"], ["problem", "issue"]);
    private static readonly ThemeDefinition Price = new("price", "Prix", "Price", ["prix", "pas cher", "rapport qualité-prix"], ["value for money", "price"]);
    private static readonly ThemeDefinition[] Set = [Delivery, Installation, Trouble, Price];
    private static readonly ThemeMatcher Matcher = ThemeMatcher.Create(Set);

    private static IReadOnlyList<string> ThemesOf(string comment) => Matcher.Themes(comment).Select(i => Set[i].Key).ToList();

    [Theory]
    [InlineData("LIVRAISON rapide")]          // case
    [InlineData("livraisons rapides")]        // plural
    [InlineData("Colis livré à temps")]       // accent
    [InlineData("colis livre a temps")]       // accent missing in the comment
    [InlineData("Commandes livrées hier")]    // feminine plural
    [InlineData("Livree en retard")]
    [InlineData("Late DELIVERIES again")]     // English plural -ies
    public void Themes_AccentsCasePluralsFeminine_Delivery(string comment) =>
        Assert.Contains("delivery", ThemesOf(comment));

    [Theory]
    [InlineData("Merci à l'installateur, très pro")]   // elision l'
    [InlineData("Merci à l’installateur")]             // typographic apostrophe
    [InlineData("Les installateurs étaient à l'heure")]
    [InlineData("Installation parfaite")]             // prefix install*
    [InlineData("Ils ont installé la machine")]
    [InlineData("The fitter's van was clean")]        // English 's
    public void Themes_ElisionsAndPrefixes_Installation(string comment) =>
        Assert.Contains("installation", ThemesOf(comment));

    [Theory]
    [InlineData("Pas de problème, tout est parfait")]
    [InlineData("Aucun souci avec ce produit")]
    [InlineData("Je n'ai eu aucun problème")]
    [InlineData("No problem at all")]
    [InlineData("There wasn't any issue")]           // n't makes "wasn" a negation
    [InlineData("Sans le moindre souci")]             // three words back
    public void Themes_NegatedWithinThreeWords_NotMatched(string comment) =>
        Assert.DoesNotContain("trouble", ThemesOf(comment));

    [Theory]
    [InlineData("Un problème de livraison")]
    [InlineData("Pas cher, mais un problème au montage")]   // the negation stays in its clause
    [InlineData("Je ne dirais pas que tout allait bien hier soir : gros problème")]  // punctuation ends the clause
    [InlineData("Not great and a big problem")]             // "and" ends the clause
    [InlineData("Pas vraiment top pendant longtemps et problème ensuite")]
    public void Themes_NegationOutsideWindowOrClause_Matched(string comment) =>
        Assert.Contains("trouble", ThemesOf(comment));

    [Fact]
    public void Themes_NegationOnlyCancelsTheTermItPrecedes_OtherThemesStay()
    {
        // "pas de problème" cancels "problème", not the delivery the comment talks about.
        Assert.Equal(["delivery"], ThemesOf("Pas de problème de livraison"));
    }

    [Fact]
    public void Themes_PhraseStartingWithTheNegation_MatchedAsAWhole()
    {
        // "pas cher" is a term of its own: the window looks before its first word.
        Assert.Equal(["price"], ThemesOf("Vraiment pas cher"));
        Assert.Equal(["price"], ThemesOf("Bon rapport qualité/prix")); // "/" is not a word: same words as "qualité-prix"
        Assert.Equal(["price"], ThemesOf("Great value for money"));
        Assert.Empty(ThemesOf("Value and money")); // a phrase is consecutive words
    }

    [Fact]
    public void Themes_SeveralThemes_EachOnceInSetOrder()
    {
        Assert.Equal(["delivery", "installation", "price"], ThemesOf("Prix correct, livraison en retard et l'installateur aussi en retard"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("Rien à signaler")]
    [InlineData("Livreur sympa")] // "livreur" is neither "livraison" nor "livré": no prefix in this set
    public void Themes_NothingToMatch_Empty(string? comment) => Assert.Empty(Matcher.Themes(comment));

    [Fact]
    public void Match_Positions_CoverTheOriginalCharacters()
    {
        const string comment = "Livraison OK, mais l'installateur a cassé le carrelage.";
        var hits = Matcher.Match(comment);

        Assert.Equal(["Livraison", "installateur"], hits.Select(h => comment.Substring(h.Start, h.Length)));
        Assert.Equal([0, 1], hits.Select(h => h.Theme));
    }

    [Fact]
    public void Highlight_MarkedPartsAreTheMatchedWords_TextKeptVerbatim()
    {
        const string comment = "<b>Livraison</b> & prix";
        var parts = ThemeMatcher.Highlight(comment, Matcher.Match(comment));

        Assert.Equal(comment, string.Concat(parts.Select(p => p.Text)));
        Assert.Equal(["Livraison", "prix"], parts.Where(p => p.Matched).Select(p => p.Text));
    }

    [Theory]
    [InlineData("livrées", "livr")]
    [InlineData("livré", "livr")]
    [InlineData("services", "servic")]
    [InlineData("deliveries", "delivery")]
    [InlineData("prix", "pri")]
    [InlineData("sav", "sav")]
    public void Fold_PluralAndFeminineEndings(string word, string key) =>
        Assert.Equal(key, ThemeMatcher.Fold(ThemeMatcher.Normalize(word)));

    [Fact]
    public void Normalize_AccentsLigaturesCase() => Assert.Equal("coeur eleve ca", ThemeMatcher.Normalize("CŒUR Élevé ÇA"));

    [Fact]
    public void DefaultSet_DemoComments_CarryTheirThemes()
    {
        var themes = ThemeDefaults.Retail(ResxTextResolver.Instance);
        var matcher = ThemeMatcher.Create(themes);
        IReadOnlyList<string> Of(string c) => matcher.Themes(c).Select(i => themes[i].Key).ToList();

        Assert.Equal(["delivery", "installation"], Of("Livraison rapide et installateur très professionnel."));
        Assert.Equal(["after-sales"], Of("Impossible de joindre le service client."));
        Assert.Equal(["product-quality", "returns"], Of("Appareil arrivé abîmé, le retour a été compliqué."));
        Assert.Equal(["store-welcome"], Of("Conseiller en magasin à l'écoute, je recommande."));
        Assert.Equal(["website"], Of("Great checkout on the website"));
        Assert.Equal(["product-quality"], Of("No delay... wait: not broken at all, just noisy"));
    }
}

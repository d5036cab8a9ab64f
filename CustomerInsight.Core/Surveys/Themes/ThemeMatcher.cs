using System.Globalization;
using System.Text;

namespace CustomerInsight.Core.Surveys.Themes;

/// <summary>A word of a comment: where it is, its normalized form, its folded key and its clause.</summary>
/// <param name="Normalized">Lower case, accents removed, œ → oe, æ → ae.</param>
/// <param name="Key">The normalized word with plural and feminine endings folded (<see cref="ThemeMatcher.Fold"/>).</param>
/// <param name="Clause">Clause number: a negation never reaches across clauses.</param>
/// <param name="IsNegation">A negation word (pas, aucun, sans, no, not, never…, or an English n't contraction).</param>
public readonly record struct CommentWord(string Normalized, string Key, int Start, int Length, int Clause, bool IsNegation);

/// <summary>A term of a theme found in a comment (not negated): the theme's index in the set and the characters it covers.</summary>
public readonly record struct ThemeHit(int Theme, int Start, int Length);

/// <summary>A piece of a comment for display: plain text or a matched term.</summary>
public sealed record CommentPart(string Text, bool Matched);

/// <summary>
/// Finds the themes of a comment: a pure function of the theme set and the text, with the rules of
/// docs/themes.md (case, accents, elisions, plurals and feminine endings, prefixes ending in <c>*</c>,
/// phrases, and a three-word negation window within a clause). Create once per theme set, match many comments.
/// </summary>
public sealed class ThemeMatcher
{
    /// <summary>How many words before a term a negation word cancels it.</summary>
    public const int NegationWindow = 3;

    /// <summary>A prefix term (ending with <c>*</c>) needs at least this many letters.</summary>
    public const int MinPrefixLength = 3;

    private static readonly HashSet<string> Elisions = new(StringComparer.Ordinal) { "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu",
        "puisqu", "presqu", "quoiqu" };

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "pas", "aucun", "aucune", "aucuns", "aucunes", "sans", "jamais", "ni", "rien", "nul", "nulle",
        "no", "not", "never", "without", "nothing", "none", "nor", "neither", "cannot",
    };

    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal) { "et", "mais", "ou", "donc", "and", "but", "or" };

    private const string ClausePunctuation = ".,;:!?()[]\n\r";

    private readonly IReadOnlyList<(int Theme, TermWord[] Words)> terms;

    private ThemeMatcher(IReadOnlyList<(int Theme, TermWord[] Words)> terms, int themeCount)
    {
        this.terms = terms;
        ThemeCount = themeCount;
    }

    public int ThemeCount { get; }

    /// <summary>A matcher for these themes (index in the list = theme number of the hits). Terms without any word are ignored.</summary>
    public static ThemeMatcher Create(IReadOnlyList<ThemeDefinition> themes)
    {
        ArgumentNullException.ThrowIfNull(themes);
        var compiled = new List<(int, TermWord[])>();
        for (var t = 0; t < themes.Count; t++)
        {
            foreach (var term in themes[t].AllTerms.Distinct(StringComparer.Ordinal))
            {
                var words = ParseTerm(term);
                if (words.Length > 0)
                {
                    compiled.Add((t, words));
                }
            }
        }
        return new ThemeMatcher(compiled, themes.Count);
    }

    /// <summary>The words of a term; a word followed by <c>*</c> is a prefix. Empty when the term has no word.</summary>
    public static TermWord[] ParseTerm(string? term)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return [];
        }
        return Tokenize(term)
            .Select(w =>
            {
                var end = w.Start + w.Length;
                var prefix = end < term.Length && term[end] == '*';
                return new TermWord(prefix ? w.Normalized : w.Key, prefix);
            })
            .ToArray();
    }

    /// <summary>The term hits of the comment that are not negated, ordered by position (several per theme possible).</summary>
    public IReadOnlyList<ThemeHit> Match(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return [];
        }
        var words = Tokenize(comment);
        var hits = new List<ThemeHit>();
        foreach (var (theme, termWords) in terms)
        {
            for (var i = 0; i + termWords.Length <= words.Count; i++)
            {
                if (Matches(words, i, termWords) && !IsNegated(words, i))
                {
                    var last = words[i + termWords.Length - 1];
                    hits.Add(new ThemeHit(theme, words[i].Start, last.Start + last.Length - words[i].Start));
                }
            }
        }
        // Two terms of one theme on the same words ("installateur", "install*") are one hit.
        return hits.Distinct().OrderBy(h => h.Start).ThenByDescending(h => h.Length).ThenBy(h => h.Theme).ToList();
    }

    /// <summary>The themes the comment carries (indexes, ascending, each once).</summary>
    public IReadOnlyList<int> Themes(string? comment) => Match(comment).Select(h => h.Theme).Distinct().Order().ToList();

    /// <summary>The comment cut into plain and matched parts (overlapping hits merged), for highlighting as text.</summary>
    public static IReadOnlyList<CommentPart> Highlight(string comment, IEnumerable<ThemeHit> hits)
    {
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(hits);
        var parts = new List<CommentPart>();
        var position = 0;
        foreach (var hit in hits.OrderBy(h => h.Start))
        {
            var end = hit.Start + hit.Length;
            if (end <= position)
            {
                continue;
            }
            var start = Math.Max(hit.Start, position);
            if (start > position)
            {
                parts.Add(new CommentPart(comment[position..start], false));
            }
            if (parts.Count > 0 && parts[^1].Matched && start == position)
            {
                parts[^1] = new CommentPart(parts[^1].Text + comment[start..end], true);
            }
            else
            {
                parts.Add(new CommentPart(comment[start..end], true));
            }
            position = end;
        }
        if (position < comment.Length)
        {
            parts.Add(new CommentPart(comment[position..], false));
        }
        return parts;
    }

    /// <summary>
    /// The words of a text: runs of letters and digits; an apostrophe cuts a word, a French elision before it
    /// (l', d', qu'…) and an English 's after it are dropped, an English n't makes the word before a negation.
    /// </summary>
    public static IReadOnlyList<CommentWord> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<CommentWord>();
        var clause = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (ClausePunctuation.Contains(c, StringComparison.Ordinal))
                {
                    clause++;
                }
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark))
            {
                i++;
            }
            var normalized = Normalize(text.AsSpan(start, i - start));
            var apostropheFollows = i + 1 < text.Length && IsApostrophe(text[i]) && char.IsLetter(text[i + 1]);
            var apostropheBefore = start > 1 && IsApostrophe(text[start - 1]) && char.IsLetter(text[start - 2]);
            if (apostropheFollows && Elisions.Contains(normalized))
            {
                continue;
            }
            if (apostropheBefore && normalized is "s" or "t" or "ll" or "re" or "ve" or "d" or "m")
            {
                // English endings: 's, 'll, 're, 've, 'd, 'm; n't marks the word before as a negation.
                if (normalized == "t" && words.Count > 0 && words[^1].Normalized.EndsWith('n'))
                {
                    words[^1] = words[^1] with { IsNegation = true };
                }
                continue;
            }
            if (ClauseWords.Contains(normalized))
            {
                clause++;
                continue;
            }
            words.Add(new CommentWord(normalized, Fold(normalized), start, i - start, clause, Negations.Contains(normalized)));
        }
        return words;
    }

    /// <summary>Lower case, accents removed (é → e, ç → c), ligatures split (œ → oe, æ → ae, ß → ss).</summary>
    public static string Normalize(ReadOnlySpan<char> word)
    {
        var decomposed = word.ToString().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case 'œ': builder.Append("oe"); break;
                case 'æ': builder.Append("ae"); break;
                case 'ß': builder.Append("ss"); break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// The key two forms of a word share: English -ies → -y, then one final s or x dropped, then final e's
    /// dropped, never below three letters ("livrées", "livré", "livre" → "livr"; "services" → "servic").
    /// </summary>
    public static string Fold(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var w = normalized;
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            w = w[..^3] + "y";
        }
        if (w.Length > 3 && (w[^1] == 's' || w[^1] == 'x'))
        {
            w = w[..^1];
        }
        while (w.Length > 3 && w[^1] == 'e')
        {
            w = w[..^1];
        }
        return w;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ' or '‘' or '`';

    private static bool Matches(IReadOnlyList<CommentWord> words, int at, TermWord[] term)
    {
        var clause = words[at].Clause;
        for (var k = 0; k < term.Length; k++)
        {
            var word = words[at + k];
            if (word.Clause != clause)
            {
                return false;
            }
            var ok = term[k].IsPrefix
                ? word.Normalized.StartsWith(term[k].Value, StringComparison.Ordinal)
                : word.Key == term[k].Value;
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsNegated(IReadOnlyList<CommentWord> words, int at)
    {
        var clause = words[at].Clause;
        for (var k = at - 1; k >= 0 && k >= at - NegationWindow && words[k].Clause == clause; k--)
        {
            if (words[k].IsNegation)
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>One word of a term: a folded key compared with a comment word's key, or a normalized prefix.</summary>
public readonly record struct TermWord(string Value, bool IsPrefix);

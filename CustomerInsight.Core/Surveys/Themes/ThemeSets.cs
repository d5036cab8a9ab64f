using System.Text;
using System.Text.Json;
using CustomerInsight.Core.Text;

namespace CustomerInsight.Core.Surveys.Themes;

/// <summary>A theme set as figures use it: its version (0 = the built-in default set, never saved), who saved it, when and why.</summary>
public sealed record ThemeSet(int Version, DateTime? SavedAtUtc, string? SavedBy, string? Reason, IReadOnlyList<ThemeDefinition> Themes)
{
    /// <summary>The built-in default set (version 0), its names resolved through <paramref name="texts"/>.</summary>
    public static ThemeSet Default(ITextResolver texts) => new(0, null, null, null, ThemeDefaults.Retail(texts));

    /// <summary>The index of the theme with this key; −1 when the set has none.</summary>
    public int IndexOf(string key)
    {
        for (var i = 0; i < Themes.Count; i++)
        {
            if (string.Equals(Themes[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}

/// <summary>What is wrong with a theme set to save: a code (the UI's text key), the theme's index and the term concerned.</summary>
public sealed record ThemeError(string Code, int? Theme = null, string? Term = null)
{
    public const string Empty = nameof(Empty);
    public const string NameMissing = nameof(NameMissing);
    public const string NoTerms = nameof(NoTerms);
    public const string TermWithoutWord = nameof(TermWithoutWord);
    public const string PrefixTooShort = nameof(PrefixTooShort);
    public const string TooLong = nameof(TooLong);
    public const string DuplicateName = nameof(DuplicateName);
    public const string DuplicateKey = nameof(DuplicateKey);
    public const string ReasonMissing = nameof(ReasonMissing);
    public const string Conflict = nameof(Conflict);
}

/// <summary>Validation, keys and the JSON form of theme sets: pure.</summary>
public static class ThemeSets
{
    public const int MaxNameLength = 80;
    public const int MaxTermLength = 100;
    public const int MaxTermsPerTheme = 200;
    public const int MaxThemes = 100;
    public const int MaxReasonLength = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every problem of the set and the reason given for saving it; empty when it may be saved.</summary>
    public static IReadOnlyList<ThemeError> Validate(IReadOnlyList<ThemeDefinition> themes, string? reason)
    {
        ArgumentNullException.ThrowIfNull(themes);
        var errors = new List<ThemeError>();
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new ThemeError(ThemeError.ReasonMissing));
        }
        else if (reason.Length > MaxReasonLength)
        {
            errors.Add(new ThemeError(ThemeError.TooLong));
        }
        if (themes.Count == 0)
        {
            errors.Add(new ThemeError(ThemeError.Empty));
        }
        if (themes.Count > MaxThemes)
        {
            errors.Add(new ThemeError(ThemeError.TooLong));
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < themes.Count; i++)
        {
            var theme = themes[i];
            if (string.IsNullOrWhiteSpace(theme.NameFr) || string.IsNullOrWhiteSpace(theme.NameEn))
            {
                errors.Add(new ThemeError(ThemeError.NameMissing, i));
            }
            if (theme.NameFr.Length > MaxNameLength || theme.NameEn.Length > MaxNameLength || theme.TermsFr.Count + theme.TermsEn.Count > MaxTermsPerTheme)
            {
                errors.Add(new ThemeError(ThemeError.TooLong, i));
            }
            if (!string.IsNullOrWhiteSpace(theme.NameFr) && !names.Add(ThemeMatcher.Normalize(theme.NameFr.Trim())))
            {
                errors.Add(new ThemeError(ThemeError.DuplicateName, i));
            }
            if (string.IsNullOrWhiteSpace(theme.Key) || !keys.Add(theme.Key))
            {
                errors.Add(new ThemeError(ThemeError.DuplicateKey, i));
            }
            if (!theme.AllTerms.Any(t => !string.IsNullOrWhiteSpace(t)))
            {
                errors.Add(new ThemeError(ThemeError.NoTerms, i));
            }
            foreach (var term in theme.AllTerms.Where(t => !string.IsNullOrWhiteSpace(t)))
            {
                var words = ThemeMatcher.ParseTerm(term);
                if (term.Length > MaxTermLength)
                {
                    errors.Add(new ThemeError(ThemeError.TooLong, i, term));
                }
                else if (words.Length == 0)
                {
                    errors.Add(new ThemeError(ThemeError.TermWithoutWord, i, term));
                }
                else if (words.Any(w => w.IsPrefix && w.Value.Length < ThemeMatcher.MinPrefixLength))
                {
                    errors.Add(new ThemeError(ThemeError.PrefixTooShort, i, term));
                }
            }
        }
        return errors;
    }

    /// <summary>Terms as typed in the editor, one per line: trimmed, blank lines and repeats dropped.</summary>
    public static IReadOnlyList<string> ParseLines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A key for a new theme from its French name ("Qualité du produit" → "qualite-du-produit"), unique among <paramref name="taken"/>.</summary>
    public static string NewKey(string? name, IEnumerable<string> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var builder = new StringBuilder();
        foreach (var c in ThemeMatcher.Normalize(name ?? ""))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        var stem = builder.ToString().Trim('-');
        if (stem.Length == 0)
        {
            stem = "theme";
        }
        if (stem.Length > 40)
        {
            stem = stem[..40].TrimEnd('-');
        }
        var used = taken.ToHashSet(StringComparer.Ordinal);
        var key = stem;
        for (var n = 2; used.Contains(key); n++)
        {
            key = $"{stem}-{n}";
        }
        return key;
    }

    public static string Serialize(IReadOnlyList<ThemeDefinition> themes) => JsonSerializer.Serialize(themes, Json);

    public static IReadOnlyList<ThemeDefinition> Deserialize(string json) =>
        JsonSerializer.Deserialize<List<ThemeDefinition>>(json, Json) ?? [];
}

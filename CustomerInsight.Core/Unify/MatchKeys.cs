using System.Globalization;
using System.Text;

namespace CustomerInsight.Core.Unify;

/// <summary>
/// The normalisations of metrics.md ("Match rules"): pure functions, null when the value gives no key.
/// </summary>
public static class MatchKeys
{
    /// <summary>Rule 1: trimmed, lower-cased; null when empty.</summary>
    public static string? Email(string? email)
    {
        var trimmed = email?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.ToLowerInvariant();
    }

    /// <summary>
    /// Rule 2: digits only; a French national number (10 digits starting with 0) becomes <c>33</c> + the 9 digits
    /// after the 0; a leading <c>00</c> is dropped. Null when no digit is left.
    /// </summary>
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return null;
        }
        var digits = new StringBuilder(phone.Length);
        foreach (var c in phone)
        {
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
        }
        var value = digits.ToString();
        if (value.Length == 10 && value[0] == '0')
        {
            return "33" + value[1..];
        }
        if (value.StartsWith("00", StringComparison.Ordinal))
        {
            value = value[2..];
        }
        return value.Length == 0 ? null : value;
    }

    /// <summary>
    /// Rule 3's normalisation of a name or postal code: lower-cased, accents removed, hyphens, apostrophes and runs
    /// of spaces turned into one space, trimmed; null when empty.
    /// </summary>
    public static string? Name(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        // Most names are plain ASCII: no decomposition needed (the 1 M-customer dry run spends its time here).
        var ascii = System.Text.Ascii.IsValid(value);
        var decomposed = ascii ? value : value.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsWhiteSpace(c) || c is '-' or '\u2010' or '\u2011' or '\u2013' or '\'' or '\u2019' or '\u02BC')
            {
                pendingSpace = result.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }
            result.Append(char.ToLowerInvariant(c));
        }
        var text = ascii ? result.ToString() : result.ToString().Normalize(NormalizationForm.FormC);
        return text.Length == 0 ? null : text;
    }

    /// <summary>Rule 3: first name, last name and postal code, all three non-empty once normalised; else null.</summary>
    public static string? NameAndPostalCode(string? firstName, string? lastName, string? postalCode)
    {
        var first = Name(firstName);
        var last = Name(lastName);
        var postal = Name(postalCode);
        return first is null || last is null || postal is null ? null : string.Concat(first, "\u001F", last, "\u001F", postal);
    }
}

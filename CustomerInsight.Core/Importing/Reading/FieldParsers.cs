using System.Globalization;

namespace CustomerInsight.Core.Importing.Reading;

/// <summary>
/// Parsing of field values, allocation-free for the common shapes. Dates: ISO 8601 (<c>2024-03-15</c>,
/// <c>2024-03-15 14:30[:00]</c>, with or without <c>T</c>, optional zone); with the <c>;</c> separator also
/// <c>15/03/2024[ 14:30[:00]]</c>. Numbers: invariant; with <c>;</c> a decimal comma.
/// </summary>
internal static class FieldParsers
{
    public static bool TryParseInt(ReadOnlySpan<char> s, out int value) =>
        int.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>A decimal with at most three decimals (trailing zeros beyond are fine) into thousandths.</summary>
    public static bool TryParseMilli(ReadOnlySpan<char> s, bool decimalComma, out long milli)
    {
        milli = 0;
        s = s.Trim();
        if (s.IsEmpty)
        {
            return false;
        }
        var negative = false;
        var i = 0;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            i = 1;
        }
        long whole = 0;
        var digits = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++, digits++)
        {
            if (digits >= 15)
            {
                return false;
            }
            whole = (whole * 10) + (s[i] - '0');
        }
        long fraction = 0;
        var fractionDigits = 0;
        if (i < s.Length && (s[i] == '.' || (decimalComma && s[i] == ',')))
        {
            i++;
            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
            {
                if (fractionDigits < 3)
                {
                    fraction = (fraction * 10) + (s[i] - '0');
                    fractionDigits++;
                }
                else if (s[i] != '0')
                {
                    return false;
                }
                digits++;
            }
        }
        if (i != s.Length || digits == 0)
        {
            return false;
        }
        for (; fractionDigits < 3; fractionDigits++)
        {
            fraction *= 10;
        }
        milli = (whole * 1000) + fraction;
        if (negative)
        {
            milli = -milli;
        }
        return true;
    }

    /// <summary>
    /// A timestamp: <paramref name="isUtc"/> false for a local time without zone (a business-zone time),
    /// true when the text carried a zone (then <paramref name="value"/> is UTC).
    /// </summary>
    public static bool TryParseDateTime(ReadOnlySpan<char> s, bool dayFirstAllowed, out DateTime value, out bool isUtc)
    {
        s = s.Trim();
        isUtc = false;
        value = default;
        int year, month, day, pos;
        if (s.Length >= 10 && s[4] == '-' && s[7] == '-'
            && Digits(s, 0, 4, out year) && Digits(s, 5, 2, out month) && Digits(s, 8, 2, out day))
        {
            pos = 10;
        }
        else if (dayFirstAllowed && s.Length >= 10 && s[2] == '/' && s[5] == '/'
            && Digits(s, 0, 2, out day) && Digits(s, 3, 2, out month) && Digits(s, 6, 4, out year))
        {
            pos = 10;
        }
        else
        {
            return false;
        }
        int hour = 0, minute = 0, second = 0;
        if (pos < s.Length)
        {
            if (s[pos] is not ('T' or ' ') || s.Length < pos + 6 || s[pos + 3] != ':'
                || !Digits(s, pos + 1, 2, out hour) || !Digits(s, pos + 4, 2, out minute))
            {
                return false;
            }
            pos += 6;
            if (pos < s.Length && s[pos] == ':')
            {
                if (!Digits(s, pos + 1, 2, out second))
                {
                    return false;
                }
                pos += 3;
            }
        }
        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        if (pos == s.Length)
        {
            return true;
        }
        // A fraction of a second and/or a zone: let the framework read the rest exactly.
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var withZone)
            && (s[^1] is 'Z' or 'z' || s[^6] is '+' or '-'))
        {
            value = withZone.UtcDateTime;
            isUtc = true;
            return true;
        }
        if (s[pos] == '.' && DateTime.TryParse(s[..Math.Min(s.Length, pos + 8)], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            value = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            return true;
        }
        return false;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
            value = (value * 10) + (s[i] - '0');
        }
        return true;
    }

    /// <summary>Column names compare ignoring case, spaces and underscores.</summary>
    public static string NormaliseName(string name)
    {
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 256)];
        var length = 0;
        foreach (var c in name.AsSpan(0, Math.Min(name.Length, 256)))
        {
            if (c is not (' ' or '_' or '\t' or '\uFEFF' or '\u00A0'))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }
        return new string(buffer[..length]);
    }
}

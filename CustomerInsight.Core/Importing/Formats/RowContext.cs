using System.Globalization;
using CustomerInsight.Core.Importing.Reading;

namespace CustomerInsight.Core.Importing.Formats;

/// <summary>
/// The current row seen through a format's columns: typed reads that record a located, plain-language
/// problem and return false when a value is wrong. <see cref="Rejected"/> tells whether the row had any.
/// </summary>
internal sealed class RowContext(TabularReader reader, ColumnMap map, ImportSession session)
{
    private long cachedLocalTicks = -1;
    private DateTime cachedUtc;

    public ImportSession Session { get; } = session;
    public ColumnMap Map { get; } = map;
    public int Row => reader.Row;

    /// <summary>The share of the file read so far (0 to 1; null when unknown), for estimates of a whole file's size.</summary>
    public double? Fraction => reader.Fraction;

    public bool Rejected { get; private set; }

    public void Start() => Rejected = false;

    public string Text(int column) => Map.Indexes[column] < 0 ? string.Empty : reader[Map.Indexes[column]];

    public bool IsEmpty(int column) => string.IsNullOrWhiteSpace(Text(column));

    public void Reject(int column, string code, params string[] args)
    {
        Rejected = true;
        Session.Reject(ImportIssue.Create(Row, column < 0 ? null : Map.FileNames[column], code, args));
    }

    /// <summary>
    /// A trimmed id or name: as <see cref="TryText"/>, and refused when it holds a character that hides itself or
    /// other text (right-to-left override, zero-width character; <see cref="Core.Text.VisibleText"/>).
    /// </summary>
    public bool TryVisibleText(int column, bool required, int maxLength, out string? value)
    {
        if (!TryText(column, required, maxLength, out value))
        {
            return false;
        }
        if (value is not null && Core.Text.VisibleText.IndexOfHidden(value) is var at and >= 0)
        {
            Reject(column, ImportMessages.ValueHidden, Core.Text.VisibleText.CodePoint(value[at]));
            value = null;
            return false;
        }
        return true;
    }

    /// <summary>A trimmed text; null when empty (an error when required).</summary>
    public bool TryText(int column, bool required, int maxLength, out string? value)
    {
        var text = Text(column).Trim();
        value = text.Length == 0 ? null : text;
        if (value is null && required)
        {
            Reject(column, ImportMessages.ValueRequired);
            return false;
        }
        if (value is not null && value.Length > maxLength)
        {
            Reject(column, ImportMessages.ValueTooLong, maxLength.ToString(CultureInfo.InvariantCulture));
            return false;
        }
        return true;
    }

    /// <summary>True when the column is blank; <paramref name="allowed"/> says whether that is fine (a required one is rejected).</summary>
    private bool Blank(int column, bool required, out string text, out bool allowed)
    {
        text = Text(column);
        allowed = !required;
        if (!string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        if (required)
        {
            Reject(column, ImportMessages.ValueRequired);
        }
        return true;
    }

    public bool TryInt(int column, bool required, int min, int max, out int? value)
    {
        value = null;
        if (Blank(column, required, out var text, out var allowed))
        {
            return allowed;
        }
        if (!FieldParsers.TryParseInt(text, out var parsed))
        {
            // "17.0" from a spreadsheet is a whole number.
            if (!FieldParsers.TryParseMilli(text, Session.FrenchStyle, out var milli) || milli % 1000 != 0
                || milli / 1000 is < int.MinValue or > int.MaxValue)
            {
                Reject(column, ImportMessages.ValueInteger);
                return false;
            }
            parsed = (int)(milli / 1000);
        }
        if (parsed < min || parsed > max)
        {
            Reject(column, ImportMessages.ValueOutOfRange, min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture));
            return false;
        }
        value = parsed;
        return true;
    }

    /// <summary>An amount in thousandths, from 0 (or <paramref name="allowNegative"/>) to <paramref name="maxUnits"/>.</summary>
    public bool TryMilli(int column, bool allowNegative, long maxUnits, out long value)
    {
        value = 0;
        if (Blank(column, required: true, out var text, out _))
        {
            return false;
        }
        if (!FieldParsers.TryParseMilli(text, Session.FrenchStyle, out value))
        {
            Reject(column, ImportMessages.ValueDecimal);
            return false;
        }
        if (value < 0 && !allowNegative)
        {
            Reject(column, ImportMessages.ValueNegative);
            return false;
        }
        if (Math.Abs(value) > maxUnits * 1000)
        {
            Reject(column, ImportMessages.ValueOutOfRange, (allowNegative ? -maxUnits : 0).ToString(CultureInfo.InvariantCulture),
                maxUnits.ToString(CultureInfo.InvariantCulture));
            return false;
        }
        return true;
    }

    /// <summary>A timestamp as a UTC instant; a time without zone is a business-zone local time.</summary>
    public bool TryInstant(int column, bool required, out DateTime? utc)
    {
        utc = null;
        if (Blank(column, required, out var text, out var allowed))
        {
            return allowed;
        }
        if (!FieldParsers.TryParseDateTime(text, Session.FrenchStyle, out var parsed, out var isUtc)
            || parsed.Year is < 1900 or > 2200)
        {
            Reject(column, Session.FrenchStyle ? ImportMessages.ValueDateSemicolon : ImportMessages.ValueDate);
            return false;
        }
        if (isUtc)
        {
            utc = parsed;
            return true;
        }
        // Rows come mostly in time order: one cached conversion saves most zone look-ups.
        if (parsed.Ticks != cachedLocalTicks)
        {
            cachedLocalTicks = parsed.Ticks;
            cachedUtc = Session.Calendar.ToUtc(parsed);
        }
        utc = cachedUtc;
        return true;
    }

    /// <summary>An enumeration value by name, ignoring case, spaces and underscores.</summary>
    public bool TryEnum<T>(int column, bool required, out T? value) where T : struct, Enum
    {
        value = null;
        if (Blank(column, required, out var text, out var allowed))
        {
            return allowed;
        }
        // The name as written (any case): no allocation, which matters on millions of rows.
        var trimmed = text.AsSpan().Trim();
        foreach (var (name, _, candidate) in EnumNames<T>.All)
        {
            if (trimmed.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        var normalised = FieldParsers.NormaliseName(text);
        foreach (var (_, normalisedName, candidate) in EnumNames<T>.All)
        {
            if (normalisedName == normalised)
            {
                value = candidate;
                return true;
            }
        }
        Reject(column, ImportMessages.ValueNotInList, string.Join(", ", Enum.GetNames<T>()));
        return false;
    }

    /// <summary>An enumeration's values with their names as is and normalised, computed once.</summary>
    private static class EnumNames<T> where T : struct, Enum
    {
        public static readonly (string Name, string Normalised, T Value)[] All =
            [.. Enum.GetValues<T>().Select(v => (v.ToString(), FieldParsers.NormaliseName(v.ToString()), v))];
    }
}

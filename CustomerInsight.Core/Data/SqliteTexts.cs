namespace CustomerInsight.Core.Data;

/// <summary>
/// The UTF-8 texts SQLite stores for an instant and a date: those Microsoft.Data.Sqlite binds for a <see cref="DateTime"/> and a
/// <see cref="DateOnly"/> parameter and EF Core writes in its SQLite literals (<c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>, the fraction
/// without its trailing zeros and without the point when it is zero; <c>yyyy-MM-dd</c>), written digit by digit: the bulk writer
/// formats millions of them (a custom format string is parsed again on every call).
/// </summary>
internal static class SqliteTexts
{
    /// <summary>The longest text: 27 bytes (<c>yyyy-MM-dd HH:mm:ss.fffffff</c>).</summary>
    public const int MaxInstantBytes = 27;

    /// <summary>Writes <paramref name="instant"/> into <paramref name="utf8"/> (at least <see cref="MaxInstantBytes"/> long); the length written.</summary>
    public static int Instant(DateTime instant, Span<byte> utf8)
    {
        Date(DateOnly.FromDateTime(instant), utf8);
        var ticks = instant.TimeOfDay.Ticks;
        var seconds = ticks / TimeSpan.TicksPerSecond;
        utf8[10] = (byte)' ';
        Two(utf8[11..], (int)(seconds / 3600));
        utf8[13] = (byte)':';
        Two(utf8[14..], (int)(seconds / 60 % 60));
        utf8[16] = (byte)':';
        Two(utf8[17..], (int)(seconds % 60));
        var fraction = (int)(ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0)
        {
            return 19;
        }
        utf8[19] = (byte)'.';
        var length = 27;
        for (var i = 26; i >= 20; i--, fraction /= 10)
        {
            utf8[i] = (byte)('0' + (fraction % 10));
            if (utf8[i] == '0' && length == i + 1)
            {
                length = i;
            }
        }
        return length;
    }

    /// <summary>Writes <paramref name="date"/> into <paramref name="utf8"/> (at least 10 bytes long); the length written, 10.</summary>
    public static int Date(DateOnly date, Span<byte> utf8)
    {
        var year = date.Year;
        Two(utf8, year / 100);
        Two(utf8[2..], year % 100);
        utf8[4] = (byte)'-';
        Two(utf8[5..], date.Month);
        utf8[7] = (byte)'-';
        Two(utf8[8..], date.Day);
        return 10;
    }

    private static void Two(Span<byte> utf8, int value)
    {
        utf8[0] = (byte)('0' + (value / 10));
        utf8[1] = (byte)('0' + (value % 10));
    }
}

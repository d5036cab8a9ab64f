using System.Buffers;
using System.Globalization;
using System.Text;

namespace CustomerInsight.Core.Text;

/// <summary>
/// Characters that hide themselves or other text: bidirectional overrides and isolates (an id "\u202EUNI3" displays
/// as "3INU"), zero-width spaces and joiners, and control characters. Imports refuse them in ids and names; screens
/// show text that already holds them through <see cref="Escape"/>, so what is stored is what is seen.
/// </summary>
public static class VisibleText
{
    /// <summary>Bidirectional controls and invisible characters of zero width.</summary>
    private static readonly SearchValues<char> Hidden = SearchValues.Create(
        "\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E"
        + "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206A\u206B\u206C\u206D\u206E\u206F\u3164\uFEFF\uFFA0\uFFF9\uFFFA\uFFFB");

    /// <summary>C0 controls but tab, line feed and carriage return; DEL; C1 controls.</summary>
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F"
        + "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F");

    /// <summary>The index of the first hidden character (bidirectional control or zero-width), or -1.</summary>
    public static int IndexOfHidden(ReadOnlySpan<char> text) => text.IndexOfAny(Hidden);

    /// <summary>The index of the first control character (tab, line feed and carriage return are allowed), or -1.</summary>
    public static int IndexOfControl(ReadOnlySpan<char> text) => text.IndexOfAny(Controls);

    /// <summary>The index of the first hidden or control character, or -1.</summary>
    public static int IndexOfInvisible(ReadOnlySpan<char> text)
    {
        var hidden = IndexOfHidden(text);
        var control = IndexOfControl(text);
        return hidden < 0 ? control : control < 0 ? hidden : Math.Min(hidden, control);
    }

    /// <summary>The character as people can name it: <c>U+202E</c>.</summary>
    public static string CodePoint(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>
    /// The text with each hidden or control character written as <c>\u202E</c> (tab, line feed and carriage return too),
    /// so that it reads as it is stored; null stays null. Text without such characters is returned as it is.
    /// </summary>
    public static string? Escape(string? text)
    {
        if (text is null || (IndexOfInvisible(text) < 0 && text.AsSpan().IndexOfAny('\t', '\n', '\r') < 0))
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 12);
        foreach (var c in text)
        {
            if (Hidden.Contains(c) || Controls.Contains(c) || c is '\t' or '\n' or '\r')
            {
                escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }
        return escaped.ToString();
    }
}

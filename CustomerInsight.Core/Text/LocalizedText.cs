using System.Globalization;

namespace CustomerInsight.Core.Text;

/// <summary>
/// A text shown to users, as Core returns it: a stable code and its arguments. Core holds no words of either language;
/// the web project resolves the code through its <c>.resx</c> pair (French first), for a page or a workbook alike.
/// </summary>
public sealed record LocalizedText(string Code, IReadOnlyList<object?> Arguments)
{
    public LocalizedText(string code)
        : this(code, [])
    {
    }

    public static LocalizedText Of(string code, params object?[] arguments) => new(code, arguments);

    /// <summary>The code and its arguments (for logs and test messages, never shown to users).</summary>
    public override string ToString() =>
        Arguments.Count == 0 ? Code : $"{Code}({string.Join(", ", Arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)))})";
}

/// <summary>Turns a <see cref="LocalizedText"/> into the words of a culture (the web project's <c>.resx</c> files).</summary>
public interface ITextResolver
{
    /// <summary>The text of <paramref name="text"/>'s code in <paramref name="culture"/>, its arguments formatted for that culture.</summary>
    string Resolve(LocalizedText text, CultureInfo culture);
}

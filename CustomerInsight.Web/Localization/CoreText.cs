using System.Resources;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Text;

namespace CustomerInsight.Web.Localization;

/// <summary>
/// Marker for the texts Core returns as codes (<see cref="LocalizedText"/>): Resources/Localization/CoreText.resx (French)
/// and CoreText.en.resx. Pages resolve them with <see cref="CoreTextExtensions.For"/>, workbooks through
/// <see cref="ResxTextResolver"/> in their own culture.
/// </summary>
public sealed class CoreText;

/// <summary>
/// Resolves Core's text codes through CoreText.resx for any culture (French for every culture but English); an argument
/// that is itself a <see cref="LocalizedText"/> (or a list of them, joined with commas) is resolved in the same culture.
/// </summary>
public sealed class ResxTextResolver : ITextResolver
{
    private static readonly ResourceManager Resources = new("CustomerInsight.Web.Resources.Localization.CoreText", typeof(CoreText).Assembly);

    public static ResxTextResolver Instance { get; } = new();

    public string Resolve(LocalizedText text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(culture);
        var template = Resources.GetString(text.Code, culture)
            ?? throw new KeyNotFoundException($"No text for code '{text.Code}' in CoreText.resx.");
        if (text.Arguments.Count == 0)
        {
            return template;
        }
        var arguments = text.Arguments.Select(a => a switch
        {
            LocalizedText inner => Resolve(inner, culture),
            IEnumerable<LocalizedText> list => string.Join(", ", list.Select(inner => Resolve(inner, culture))),
            _ => a,
        }).ToArray();
        return string.Format(culture, template, arguments);
    }
}

public static class CoreTextExtensions
{
    /// <summary>The words of a Core text in <paramref name="culture"/>.</summary>
    public static string For(this LocalizedText text, CultureInfo culture) => ResxTextResolver.Instance.Resolve(text, culture);

    /// <summary>An RFM segment's name in <paramref name="culture"/>.</summary>
    public static string DisplayName(this RfmSegment segment, CultureInfo culture) => segment.Name().For(culture);
}

using CustomerInsight.Core.Surveys.Themes;

namespace CustomerInsight.Web.Components.Pages.Satisfaction;

/// <summary>The label of the theme set in use (the theme pages' addresses are <see cref="AppUrls"/>).</summary>
public static class ThemeLinks
{
    /// <summary>"version 3 of 04/12/2026" or "default set": what every figure says about the set it used.</summary>
    public static string SetLabel(ThemeSet set, Microsoft.Extensions.Localization.IStringLocalizer texts, DisplayFormat format)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(format);
        return set.SavedAtUtc is { } at
            ? string.Format(CultureInfo.CurrentCulture, texts["SetVersion"], set.Version, format.Instant(at))
            : texts["SetDefault"];
    }
}

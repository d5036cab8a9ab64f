using System.Globalization;
using CustomerInsight.Core.Surveys.Themes;
using CustomerInsight.Web.Components.Shared;

namespace CustomerInsight.Web.Components.Pages.Satisfaction;

/// <summary>Addresses of the theme pages, carrying the filters on screen, and the label of the theme set in use.</summary>
public static class ThemeLinks
{
    public const string Editor = "/satisfaction/themes";

    public static string Comments(string key, FilterState state) => $"/satisfaction/themes/{Uri.EscapeDataString(key)}{Query(state)}";

    public static string Satisfaction(FilterState state) => "/satisfaction" + Query(state);

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

    private static string Query(FilterState state)
    {
        var pairs = state.ToQuery().Where(p => p.Value is not null)
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(Convert.ToString(p.Value, CultureInfo.InvariantCulture)!)}")
            .ToList();
        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }
}

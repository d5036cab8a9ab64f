using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CustomerInsight.Web.Localization;

/// <summary>
/// Singular or plural text for a count, by the rule of the UI language: French takes the singular for 0 and 1,
/// English only for 1. The singular is the resource <c>{key}_One</c>, the plural <c>{key}</c>; both take the count
/// as <c>{0}</c> (formatted by the caller) and any further arguments.
/// </summary>
public static class Plurals
{
    public static string Format(IStringLocalizer localizer, string key, long count, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var singular = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? count is 0 or 1 : count == 1;
        return string.Format(CultureInfo.CurrentCulture, localizer[singular ? key + "_One" : key], arguments);
    }
}

using MudBlazor;
using MudBlazor.Services;

namespace CustomerInsight.Web.Localization;

/// <summary>
/// Gives MudBlazor's components their texts in the user's language (MudBlazor asks it for any culture
/// but English, for which it keeps its own built-in texts).
/// </summary>
public sealed class MudBlazorLocalizer(IStringLocalizer<MudBlazorText> texts) : MudLocalizer
{
    public override LocalizedString this[string key] => this[key, []];

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            // The French texts are the neutral resources: an English culture must not fall back to them.
            if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en")
            {
                return new LocalizedString(key, key, resourceNotFound: true);
            }
            return texts[key, arguments];
        }
    }
}

public static class MudBlazorServices
{
    /// <summary>MudBlazor's services, its texts following the current UI culture.</summary>
    public static IServiceCollection AddLocalizedMudServices(this IServiceCollection services)
    {
        services.AddMudServices();
        services.AddTransient<MudLocalizer, MudBlazorLocalizer>();
        return services;
    }
}

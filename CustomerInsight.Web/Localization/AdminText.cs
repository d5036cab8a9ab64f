namespace CustomerInsight.Web.Localization;

/// <summary>Marker for the administration page's texts: Resources/Localization/AdminText(.en).resx.</summary>
public sealed class AdminText;

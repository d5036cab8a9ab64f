namespace CustomerInsight.Web.Localization;

/// <summary>Marker for the Exports page's texts: Resources/Localization/ExportsText(.en).resx.</summary>
public sealed class ExportsText;

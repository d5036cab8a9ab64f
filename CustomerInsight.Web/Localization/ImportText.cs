namespace CustomerInsight.Web.Localization;

/// <summary>Marker for the Data (import) page's texts: Resources/Localization/ImportText(.en).resx.</summary>
public sealed class ImportText;

namespace CustomerInsight.Web.Localization;

/// <summary>Marker for the Good data page's texts (quality and reconciliation): Resources/Localization/QualityText(.en).resx.</summary>
public sealed class QualityText;

namespace CustomerInsight.Web.Localization;

/// <summary>Marker for the privacy and audit pages' texts: Resources/Localization/PrivacyText(.en).resx.</summary>
public sealed class PrivacyText;

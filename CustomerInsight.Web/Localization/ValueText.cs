namespace CustomerInsight.Web.Localization;

/// <summary>Marker for the Value and churn texts: Resources/Localization/ValueText.resx (French) and .en.resx.</summary>
public sealed class ValueText;

namespace CustomerInsight.Web.Localization;

/// <summary>Texts of the satisfaction page: Resources/Localization/SatisfactionText(.en).resx.</summary>
public sealed class SatisfactionText;

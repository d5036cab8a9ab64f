namespace CustomerInsight.Web.Localization;

/// <summary>Texts of the comment themes (satisfaction block, drill-down, editor): Resources/Localization/ThemesText(.en).resx.</summary>
public sealed class ThemesText;

namespace CustomerInsight.Web.Localization;

/// <summary>Marker for the OMOC pages' texts: Resources/Localization/OmocText.resx (French) and OmocText.en.resx.</summary>
public sealed class OmocText;

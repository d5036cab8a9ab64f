namespace CustomerInsight.Web.Localization;

/// <summary>Marker for the custom segments texts: Resources/Localization/SegmentationText.resx (French) and .en.resx.</summary>
public sealed class SegmentationText;

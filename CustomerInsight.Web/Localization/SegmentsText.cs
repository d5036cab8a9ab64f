namespace CustomerInsight.Web.Localization;

/// <summary>Marker for the Segments texts: Resources/Localization/SegmentsText.resx (French) and .en.resx.</summary>
public sealed class SegmentsText;

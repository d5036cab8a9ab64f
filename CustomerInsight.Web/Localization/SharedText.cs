namespace CustomerInsight.Web.Localization;

/// <summary>
/// Marker for the shell's texts: Resources/Localization/SharedText.resx (French, the neutral
/// language) and SharedText.en.resx. Each feature has its own marker and pair of files.
/// </summary>
public sealed class SharedText;

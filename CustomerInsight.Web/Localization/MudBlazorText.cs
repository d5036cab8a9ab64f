namespace CustomerInsight.Web.Localization;

/// <summary>
/// Marker for MudBlazor's own texts (pager, grid, pickers…) in French: Resources/Localization/MudBlazorText.resx,
/// keyed by MudBlazor's resource names. English is MudBlazor's built-in text.
/// </summary>
public sealed class MudBlazorText;

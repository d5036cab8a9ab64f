namespace CustomerInsight.Web.Components.Charts;

/// <summary>The app's series colours (readable on light and dark backgrounds, distinguishable in print).</summary>
public static class ChartPalette
{
    public static readonly IReadOnlyList<string> Series =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    public static string At(int index) => Series[index % Series.Count];

    /// <summary>The same colour with an alpha channel (hex #rrggbbaa), for fills under lines and radar areas.</summary>
    public static string Translucent(string hex, double alpha = 0.2) =>
        hex + ((int)Math.Round(Math.Clamp(alpha, 0, 1) * 255)).ToString("x2", System.Globalization.CultureInfo.InvariantCulture);
}

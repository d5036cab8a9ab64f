namespace CustomerInsight.Core.Rfm;

/// <summary>
/// One saved version of the RFM segmentation (product.md page 11: the RFM grid is the default segmentation, versioned
/// like the custom ones): the frequency scoring, its thresholds and the R×F grid, who saved it, when and why. Versions are
/// never edited; the highest number is the one in use. Version 1 is the configuration (<c>Rfm:*</c>): stored as such
/// with the first save, so later figures can still name it when the configuration changes.
/// </summary>
public class RfmGridVersion
{
    public int Id { get; set; }
    public int Number { get; set; }
    public RfmFrequencyScoring FrequencyScoring { get; set; }

    /// <summary>The four lower bounds of F scores 2 to 5, comma-separated (<c>2,3,4,6</c>).</summary>
    public required string FrequencyThresholds { get; set; }

    /// <summary>The grid's five rows (R = 5 first) separated by <c>;</c>, each five segment codes separated by commas.</summary>
    public required string Grid { get; set; }

    /// <summary>Whether this version is the configuration's (version 1 written with the first save).</summary>
    public bool FromConfiguration { get; set; }
    public DateTime SavedAtUtc { get; set; }
    public required string SavedBy { get; set; }
    public required string Reason { get; set; }
}

/// <summary>
/// The RFM segmentation one scoring used: its version number, frequency scale and grid, and who saved it, when and why
/// (null for version 1 taken from the configuration while nothing was saved). Pure.
/// </summary>
public sealed record RfmGridSettings(int Version, RfmFrequencyScale FrequencyScale, RfmGrid Grid, bool FromConfiguration = true,
    DateTime? SavedAtUtc = null, string? SavedBy = null, string? Reason = null)
{
    /// <summary>The stable name every figure gives the RFM segmentation (custom segmentations use their key).</summary>
    public const string SegmentationKey = "rfm";

    public static RfmGridSettings FromOptions(RfmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RfmGridSettings(1, options.ToFrequencyScale(), options.ToGrid());
    }

    internal static RfmGridSettings FromRow(RfmGridVersion row) =>
        new(row.Number,
            new RfmFrequencyScale(row.FrequencyScoring, ParseThresholds(row.FrequencyThresholds)),
            RfmGrid.Parse(row.Grid.Split(';')),
            row.FromConfiguration,
            DateTime.SpecifyKind(row.SavedAtUtc, DateTimeKind.Utc),
            row.SavedBy,
            row.Reason);

    internal static string FormatThresholds(IReadOnlyList<int> thresholds) => string.Join(',', thresholds);

    internal static string FormatGrid(RfmGrid grid) => string.Join(';', grid.ToRows());

    private static int[] ParseThresholds(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t =>
            int.Parse(t, System.Globalization.CultureInfo.InvariantCulture))];
}

namespace CustomerInsight.Core.Importing;

/// <summary>Limits of the import pipeline.</summary>
public sealed class ImportOptions
{
    /// <summary>An XLSX is a zip: the sum of its unpacked entries may not exceed this (ClosedXML holds the sheet in memory).</summary>
    public long MaxXlsxUncompressedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>How many rejected rows a report lists (the total is always counted).</summary>
    public int MaxRejectedListed { get; set; } = 100;

    /// <summary>Rows between two progress reports and cancellation checks.</summary>
    public int ProgressEveryRows { get; set; } = 20_000;
}

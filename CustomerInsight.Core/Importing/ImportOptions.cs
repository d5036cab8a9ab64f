namespace CustomerInsight.Core.Importing;

/// <summary>Limits of the import pipeline.</summary>
public sealed class ImportOptions
{
    /// <summary>
    /// An XLSX is a zip: the unpacked size of the parts held in memory (shared strings, styles, workbook: every part
    /// but the worksheets, which are streamed row by row) may not exceed this.
    /// </summary>
    public long MaxXlsxUncompressedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>How many rejected rows a report lists (the total is always counted).</summary>
    public int MaxRejectedListed { get; set; } = 100;

    /// <summary>Rows between two progress reports and cancellation checks.</summary>
    public int ProgressEveryRows { get; set; } = 20_000;

    /// <summary>
    /// SQLite page cache of the import's connection while it writes (MB; the default is 2 MB). A large file
    /// inserts into indexes in random key order (customer ids, emails); with a small cache every insert reads
    /// and spills pages, and in WAL mode the spilled pages pile up in the WAL. Set back when the import ends.
    /// </summary>
    public int WriteCacheMegabytes { get; set; } = 256;
}

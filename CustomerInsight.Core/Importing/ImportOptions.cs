using System.ComponentModel.DataAnnotations;

namespace CustomerInsight.Core.Importing;

/// <summary><c>Import:*</c> settings: the upload limit of the Data page and the limits of the import pipeline.</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The largest file the Data page accepts.</summary>
    [Range(1, 10240)]
    public int MaxUploadMegabytes { get; set; } = 100;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;

    /// <summary>
    /// An XLSX is a zip: the unpacked size of the parts held in memory (shared strings, styles, workbook: every part
    /// but the worksheets, which are streamed row by row) may not exceed this.
    /// </summary>
    [Range(1024L * 1024, 64L * 1024 * 1024 * 1024)]
    public long MaxXlsxUncompressedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>How many rejected rows a report lists (the total is always counted).</summary>
    [Range(1, 100_000)]
    public int MaxRejectedListed { get; set; } = 100;

    /// <summary>Rows between two progress reports and cancellation checks.</summary>
    [Range(1, 10_000_000)]
    public int ProgressEveryRows { get; set; } = 20_000;

    /// <summary>
    /// SQLite page cache of the import's connection once it writes into a table that already has rows (MB; the
    /// default is 2 MB): a large file inserts into their indexes in random key order (customer ids, emails); with a
    /// small cache every insert reads and spills pages, and in WAL mode the spilled pages pile up in the WAL. A table
    /// written from empty keeps the default (<see cref="Data.BulkWriter.GrowCacheForLiveIndexes"/>). Set back when the import ends.
    /// </summary>
    [Range(0, 65536)]
    public int WriteCacheMegabytes { get; set; } = 256;
}

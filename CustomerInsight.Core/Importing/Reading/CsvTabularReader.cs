using System.Globalization;
using System.IO.Compression;
using CsvHelper;

namespace CustomerInsight.Core.Importing.Reading;

/// <summary>
/// A CSV (plain or gzip) read with CsvHelper's streaming reader: one record in memory at a time.
/// Records with broken quoting are not returned; they come back as row problems, with their line.
/// </summary>
internal sealed class CsvTabularReader : TabularReader
{
    private readonly FileStream file;
    private readonly CsvReader reader;
    private readonly string[] header;
    private readonly Queue<int> malformedLines = new();
    private int row = 1;
    private string? rowProblem;

    public CsvTabularReader(string path, FileShape shape)
    {
        var content = FileSniffer.OpenText(path, shape.Kind);
        file = content as FileStream ?? (FileStream)((GZipStream)content).BaseStream;
        var options = CsvReaderOptions.Default with
        {
            Separator = shape.Separator ?? ',',
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            Encoding = shape.Encoding,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            PoolStrings = true,
            DetectSeparatorHint = false,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = r => malformedLines.Enqueue((int)r.LineNumber),
            MaxRecordSize = 1 << 20,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        reader = CsvReader.Create(content, options, leaveOpen: false);
        try
        {
            header = [.. reader.Headers];
        }
        catch
        {
            reader.Dispose();
            throw;
        }
        if (header.Length == 0)
        {
            reader.Dispose();
            throw ImportFileException.Create(1, null, ImportMessages.FileEmpty);
        }
    }

    public override IReadOnlyList<string> Header => header;

    public override int Row => row;

    public override int FieldCount => rowProblem is null ? reader.FieldCount : header.Length;

    public override string this[int index] => rowProblem is null && index < reader.FieldCount ? reader.GetString(index) ?? string.Empty : string.Empty;

    public override string? RowProblem => rowProblem;

    public override double? Fraction => file.Length == 0 ? null : (double)file.Position / file.Length;

    public override bool Read()
    {
        // A skipped malformed record is reported as a row of its own, before the next good one.
        if (malformedLines.TryDequeue(out var bad))
        {
            row = bad;
            rowProblem = ImportMessages.RowBadQuotes;
            return true;
        }
        rowProblem = null;
        if (!reader.Read())
        {
            if (malformedLines.TryDequeue(out bad))
            {
                row = bad;
                rowProblem = ImportMessages.RowBadQuotes;
                return true;
            }
            return false;
        }
        row = (int)reader.LineNumber;
        return true;
    }

    public override void Dispose() => reader.Dispose();
}

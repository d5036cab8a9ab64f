using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Unicode;
using CsvHelper;

namespace CustomerInsight.Core.Importing.Reading;

/// <summary>
/// A CSV (plain or gzip) read with CsvHelper's streaming reader: one record in memory at a time, a record longer
/// than <see cref="MaxRecordBytes"/> refused with its row (memory stays bounded whatever the file). Every record is
/// checked as it comes, not just the start of the file: its encoding (a file is UTF-8 or Windows-1252 from start to
/// end; the first record with accents settles which when the start was plain ASCII) and control characters.
/// Records with broken quoting are not returned; they come back as row problems, in their place.
/// </summary>
internal sealed class CsvTabularReader : TabularReader
{
    /// <summary>The longest record read (1 MiB): a longer one is a missing line break or a quote never closed.</summary>
    public const int MaxRecordBytes = 1 << 20;

    /// <summary>C0 controls but tab, line feed and carriage return (line breaks inside quoted values are fine), and DEL.</summary>
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127]);

    private readonly FileStream file;
    // Read once: the length of a file being imported does not change (each call asks the system).
    private readonly long fileLength;
    private readonly CsvReader reader;
    private readonly SearchValues<byte> blank;
    private readonly string[] header;
    private bool utf8;
    private bool encodingSettled;
    private int malformed;
    private int pendingMalformed;
    private bool pendingRecord;
    private bool onRecord;
    private int row;
    private RowProblem? rowProblem;

    public CsvTabularReader(string path, FileShape shape)
    {
        var content = FileSniffer.OpenText(path, shape.Kind);
        file = content as FileStream ?? (FileStream)((GZipStream)content).BaseStream;
        fileLength = file.Length;
        utf8 = shape.Encoding is not { CodePage: 1252 };
        encodingSettled = shape.EncodingSettled;
        var separator = shape.Separator ?? ',';
        blank = SearchValues.Create([(byte)' ', (byte)'\t', (byte)'"', (byte)separator]);
        var options = CsvReaderOptions.Default with
        {
            Separator = separator,
            HasHeader = false,
            Mode = CsvMode.Rfc4180,
            // Bytes as they are: each record is checked and decoded here (UTF-8 or Windows-1252), a BOM is passed over.
            Encoding = null,
            SkipEmptyLines = false,
            PoolStrings = true,
            DetectSeparatorHint = false,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = r =>
            {
                if (r.Skipped)
                {
                    malformed++;
                }
            },
            MaxRecordSize = MaxRecordBytes,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        reader = CsvReader.Create(content, options, leaveOpen: false);
        try
        {
            if (!NextRecord())
            {
                throw ImportFileException.Create(1, null, ImportMessages.FileEmpty);
            }
            if (malformed > 0)
            {
                throw ImportFileException.Create(1, null, ImportMessages.RowBadQuotes);
            }
            row = 1;
            CheckRecord();
            if (rowProblem is not null)
            {
                throw ImportFileException.Create(1, null, rowProblem.Code, rowProblem.Args);
            }
            header = new string[reader.FieldCount];
            for (var i = 0; i < header.Length; i++)
            {
                header[i] = Decode(i);
            }
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    public override IReadOnlyList<string> Header => header;

    public override int Row => row;

    public override int FieldCount => onRecord ? reader.FieldCount : header.Length;

    public override string this[int index] => onRecord && index < reader.FieldCount ? Decode(index) : string.Empty;

    public override RowProblem? RowProblem => rowProblem;

    public override double? Fraction => fileLength == 0 ? null : (double)file.Position / fileLength;

    public override bool Read()
    {
        while (true)
        {
            rowProblem = null;
            onRecord = false;
            // A skipped malformed record is reported as a row of its own, in its place before the next good one.
            if (pendingMalformed > 0)
            {
                pendingMalformed--;
                row++;
                rowProblem = new RowProblem(ImportMessages.RowBadQuotes, -1);
                return true;
            }
            if (pendingRecord)
            {
                pendingRecord = false;
                row++;
                onRecord = true;
                if (CheckRecord())
                {
                    return true;
                }
                continue;
            }
            if (!NextRecord())
            {
                if (pendingMalformed > 0)
                {
                    continue;
                }
                return false;
            }
            pendingRecord = true;
        }
    }

    /// <summary>Reads the next record; the malformed ones skipped on the way are counted to be reported first.</summary>
    private bool NextRecord()
    {
        malformed = 0;
        bool more;
        try
        {
            more = reader.Read();
        }
        catch (CsvFormatException)
        {
            // With malformed quoting skipped and any field count allowed, only a record past MaxRecordSize throws.
            throw ImportFileException.Create(row + pendingMalformed + malformed + 1, null, ImportMessages.RowTooLong,
                (MaxRecordBytes >> 20).ToString(CultureInfo.InvariantCulture));
        }
        pendingMalformed += malformed;
        return more;
    }

    /// <summary>
    /// Checks the current record's bytes: its length, its encoding against the file's, control characters. False for a
    /// row with no value (passed over, as a spreadsheet's empty rows). Throws for what ends the file.
    /// </summary>
    private bool CheckRecord()
    {
        var raw = reader.RawRecord;
        if (raw.Length > MaxRecordBytes)
        {
            throw ImportFileException.Create(row, null, ImportMessages.RowTooLong, (MaxRecordBytes >> 20).ToString(CultureInfo.InvariantCulture));
        }
        if (raw.IndexOfAnyExcept(blank) < 0)
        {
            return false;
        }
        if (raw.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0)
        {
            var validUtf8 = Utf8.IsValid(raw);
            if (!encodingSettled)
            {
                utf8 = validUtf8;
                encodingSettled = true;
            }
            else if (utf8 != validUtf8)
            {
                throw ImportFileException.Create(row, null, ImportMessages.FileMixedEncoding,
                    utf8 ? "UTF-8" : "Windows-1252", utf8 ? "Windows-1252" : "UTF-8");
            }
        }
        if (raw.IndexOfAny(ControlBytes) >= 0)
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Decode(i);
            }
            rowProblem = FindControlCharacter(values, values.Length);
        }
        return true;
    }

    private string Decode(int index) =>
        utf8 ? reader.GetString(index) ?? string.Empty : FileSniffer.Windows1252.GetString(reader.GetSpan(index));

    public override void Dispose() => reader.Dispose();
}

using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CustomerInsight.Core.Importing.Reading;

/// <summary>
/// The first worksheet of an XLSX, streamed with DocumentFormat.OpenXml's forward-only reader: one row in memory at
/// a time, whatever the size of the sheet (only the shared strings and styles are held, bounded before opening).
/// Values are those saved in the file: a formula's cached result, never a recalculation; a formula with no saved
/// result and an error cell are refused in their place.
/// </summary>
internal sealed partial class XlsxTabularReader : TabularReader
{
    /// <summary>Excel's last column (XFD).</summary>
    private const int MaxColumns = 16384;

    private readonly SpreadsheetDocument document;
    private readonly OpenXmlReader sheet;
    private readonly List<string> sharedStrings = [];
    private readonly bool[] dateStyles;
    private readonly bool date1904;
    private readonly string[] header;
    private readonly string[] current;
    private readonly List<string> cells = [];
    private Row? pending;
    private int pendingWidth;
    private string[] rowValues = [];
    private int lastRowHint;
    private int row = 1;
    private RowProblem? rowProblem;

    public XlsxTabularReader(string path, long maxUncompressedBytes)
    {
        CheckZip(path, maxUncompressedBytes);
        try
        {
            document = SpreadsheetDocument.Open(path, isEditable: false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw ImportFileException.Create(1, null, ImportMessages.FileUnreadable, ex.GetType().Name);
        }
        try
        {
            var workbookPart = document.WorkbookPart ?? throw ImportFileException.Create(1, null, ImportMessages.FileUnreadable, "no workbook");
            date1904 = workbookPart.Workbook?.WorkbookProperties?.Date1904?.Value == true;
            var worksheetPart = workbookPart.Workbook?.Sheets?.Elements<Sheet>()
                .Select(s => s.Id?.Value is { } id ? workbookPart.GetPartById(id) as WorksheetPart : null)
                .FirstOrDefault(p => p is not null)
                ?? throw ImportFileException.Create(1, null, ImportMessages.FileSheetMissing);
            dateStyles = ReadDateStyles(workbookPart.WorkbookStylesPart?.Stylesheet);
            if (workbookPart.SharedStringTablePart is { } strings)
            {
                ReadSharedStrings(strings);
            }
            sheet = OpenXmlReader.Create(worksheetPart);
            var first = NextRow();
            if (first is null)
            {
                throw ImportFileException.Create(1, null, ImportMessages.FileEmpty);
            }
            if (RowNumber(first, 0) == 1)
            {
                header = [.. ReadCells(first, MaxColumns, out var problem)];
                if (problem is not null)
                {
                    throw ImportFileException.Create(1, null, problem.Code, problem.Args);
                }
                var width = header.Length;
                while (width > 0 && header[width - 1].Length == 0)
                {
                    width--;
                }
                header = header[..width];
            }
            else
            {
                // Row 1 is empty: no header; the first row found is data (the pipeline says where the header seems to be).
                header = [];
                pending = first;
            }
            current = new string[header.Length];
        }
        catch (ImportFileException)
        {
            document.Dispose();
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            document.Dispose();
            throw ImportFileException.Create(1, null, ImportMessages.FileUnreadable, ex.GetType().Name);
        }
    }

    public override IReadOnlyList<string> Header => header;

    public override int Row => row;

    public override int FieldCount => pendingWidth;

    public override string this[int index] => index < rowValues.Length ? rowValues[index] : string.Empty;

    public override int RawFieldCount => rowValues.Length;

    public override RowProblem? RowProblem => rowProblem;

    public override double? Fraction => lastRowHint <= 1 ? null : Math.Min(1, (double)row / lastRowHint);

    public override bool Read()
    {
        while (true)
        {
            Row? next;
            try
            {
                next = pending ?? NextRow();
            }
            catch (Exception ex) when (ex is not (OutOfMemoryException or ImportFileException))
            {
                throw ImportFileException.Create(row + 1, null, ImportMessages.FileUnreadable, ex.GetType().Name);
            }
            pending = null;
            if (next is null)
            {
                return false;
            }
            row = RowNumber(next, row);
            var values = ReadCells(next, MaxColumns, out var problem);
            if (values.TrueForAll(v => v.Length == 0) && problem is null)
            {
                continue;
            }
            // Cells in columns without a name are not read as values (FieldCount is the header's), but they are kept
            // for RawFieldCount: a header lower down may be wider than row 1.
            rowValues = values.Count <= header.Length ? current : [.. values];
            for (var i = 0; i < header.Length; i++)
            {
                current[i] = i < values.Count ? values[i] : string.Empty;
            }
            pendingWidth = header.Length == 0 ? values.Count : header.Length;
            if (problem is { Field: var field } && field >= pendingWidth)
            {
                problem = null;
            }
            rowProblem = problem ?? FindControlCharacter(rowValues, pendingWidth);
            return true;
        }
    }

    /// <summary>The next row element of the sheet, loaded alone (the reader moves on; nothing else is kept).</summary>
    private Row? NextRow()
    {
        while (sheet.Read())
        {
            if (!sheet.IsStartElement)
            {
                continue;
            }
            if (sheet.ElementType == typeof(Row))
            {
                return (Row)sheet.LoadCurrentElement()!;
            }
            if (sheet.ElementType == typeof(SheetDimension))
            {
                var reference = sheet.Attributes.FirstOrDefault(a => a.LocalName == "ref").Value;
                lastRowHint = reference is null ? 0 : RowOfReference(reference[(reference.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            }
        }
        return null;
    }

    private static int RowNumber(Row element, int previous) =>
        element.RowIndex?.Value is { } index and <= int.MaxValue ? (int)index : previous + 1;

    /// <summary>The text of each cell of a row, by column (cells may be missing or out of order in the file).</summary>
    private List<string> ReadCells(Row element, int maxColumns, out RowProblem? problem)
    {
        problem = null;
        cells.Clear();
        var next = 0;
        foreach (var cell in element.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnOfReference(reference) : next;
            next = column + 1;
            if (column < 0 || column >= maxColumns)
            {
                continue;
            }
            while (cells.Count <= column)
            {
                cells.Add(string.Empty);
            }
            cells[column] = CellText(cell, column, ref problem);
        }
        return cells;
    }

    /// <summary>The value saved in the cell as a CSV would hold it: ISO dates, invariant numbers, true/false.</summary>
    private string CellText(Cell cell, int column, ref RowProblem? problem)
    {
        var value = cell.CellValue?.Text;
        var type = cell.DataType?.Value ?? CellValues.Number;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? Decode(StringItemText(inline)) : string.Empty;
        }
        if (value is null)
        {
            if (cell.CellFormula is not null)
            {
                problem ??= new RowProblem(ImportMessages.CellFormulaWithoutValue, column);
            }
            return string.Empty;
        }
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count
                ? sharedStrings[index]
                : throw ImportFileException.Create(row, null, ImportMessages.FileUnreadable, "shared string " + value);
        }
        if (type == CellValues.Boolean)
        {
            return value.Trim() == "1" ? "true" : "false";
        }
        if (type == CellValues.Error)
        {
            problem ??= new RowProblem(ImportMessages.CellError, column, value.Length <= 16 ? value : value[..16]);
            return string.Empty;
        }
        if (type == CellValues.String)
        {
            return Decode(value);
        }
        if (type == CellValues.Date)
        {
            return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) ? DateText(iso) : value;
        }
        if (value.Length == 0 || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return value;
        }
        var style = cell.StyleIndex?.Value is { } s && s < dateStyles.Length ? (int)s : 0;
        if (dateStyles.Length > 0 && dateStyles[style] && number is > -657435.0 and < 2958466.0)
        {
            return DateText(DateTime.FromOADate(date1904 ? number + 1462 : number));
        }
        return number.ToString("R", CultureInfo.InvariantCulture);
    }

    private static string DateText(DateTime d)
    {
        // Excel keeps times as fractions of a day: round to the second, as Excel shows them.
        d = new DateTime((d.Ticks + (TimeSpan.TicksPerSecond / 2)) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Unspecified);
        return d.TimeOfDay == TimeSpan.Zero
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>The text of a shared or inline string: its text and its rich-text runs (not the phonetic guides).</summary>
    private static string StringItemText(OpenXmlCompositeElement item)
    {
        var text = item.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.Text>()?.Text;
        if (item.GetFirstChild<Run>() is null)
        {
            return text ?? string.Empty;
        }
        return string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? string.Empty).Prepend(text ?? string.Empty));
    }

    /// <summary>Excel writes characters XML cannot hold as <c>_x0001_</c>: read them back as Excel shows them.</summary>
    private static string Decode(string text) =>
        text.Contains("_x", StringComparison.Ordinal)
            ? ExcelEscape().Replace(text, m => ((char)int.Parse(m.Groups[1].ValueSpan, NumberStyles.HexNumber,
                CultureInfo.InvariantCulture)).ToString())
            : text;

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex ExcelEscape();

    private void ReadSharedStrings(SharedStringTablePart part)
    {
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
            {
                sharedStrings.Add(Decode(StringItemText((SharedStringItem)reader.LoadCurrentElement()!)));
            }
        }
    }

    /// <summary>Per cell style (cellXfs index), whether its number format is a date or time.</summary>
    private static bool[] ReadDateStyles(Stylesheet? stylesheet)
    {
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList();
        if (formats is null || formats.Count == 0)
        {
            return [];
        }
        var custom = stylesheet!.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? string.Empty) ?? [];
        return [.. formats.Select(f => f.NumberFormatId?.Value is { } id && IsDateFormat(id, custom))];
    }

    private static bool IsDateFormat(uint id, Dictionary<uint, string> custom)
    {
        if (custom.TryGetValue(id, out var code))
        {
            return new ExcelNumberFormat.NumberFormat(code).IsDateTimeFormat;
        }
        return id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);
    }

    /// <summary>The 0-based column of a reference such as <c>AB12</c> (-1 when it has no letters).</summary>
    private static int ColumnOfReference(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]) && i < 4; i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }
        return i == 0 ? -1 : column - 1;
    }

    private static int RowOfReference(string reference)
    {
        var digits = reference.AsSpan().TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz$");
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0;
    }

    /// <summary>
    /// A zip bomb or a damaged file is refused before opening. The worksheet is streamed, so only what is held in
    /// memory (shared strings, styles, workbook: every part but the worksheets) counts against the limit.
    /// </summary>
    private static void CheckZip(string path, long maxUncompressedBytes)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            long held = 0;
            var hasWorkbook = false;
            foreach (var entry in zip.Entries)
            {
                if (!entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase))
                {
                    held += entry.Length;
                }
                hasWorkbook |= entry.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase);
            }
            if (!hasWorkbook)
            {
                throw ImportFileException.Create(1, null, ImportMessages.FileUnreadable, "zip without an Excel workbook");
            }
            if (held > maxUncompressedBytes)
            {
                throw ImportFileException.Create(1, null, ImportMessages.FileTooLarge,
                    (held / (1024 * 1024)).ToString(CultureInfo.InvariantCulture),
                    (maxUncompressedBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture));
            }
        }
        catch (InvalidDataException ex)
        {
            throw ImportFileException.Create(1, null, ImportMessages.FileUnreadable, ex.Message);
        }
    }

    public override void Dispose()
    {
        sheet?.Dispose();
        document.Dispose();
    }
}

using System.Globalization;
using System.IO.Compression;
using ClosedXML.Excel;

namespace CustomerInsight.Core.Importing.Reading;

/// <summary>
/// The first sheet of an XLSX through ClosedXML. ClosedXML loads the whole sheet, so the unpacked size
/// is bounded before opening (a zip bomb or a huge sheet is refused with a clear message).
/// </summary>
internal sealed class XlsxTabularReader : TabularReader
{
    private readonly XLWorkbook workbook;
    private readonly IXLWorksheet sheet;
    private readonly int lastRow;
    private readonly int columnCount;
    private readonly string[] header;
    private readonly string[] current;
    private int row = 1;

    public XlsxTabularReader(string path, long maxUncompressedBytes)
    {
        CheckZip(path, maxUncompressedBytes);
        try
        {
            workbook = new XLWorkbook(path);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw ImportFileException.Create(1, null, ImportMessages.FileUnreadable, ex.GetType().Name);
        }
        sheet = workbook.Worksheets.First();
        var used = sheet.RangeUsed();
        if (used is null)
        {
            workbook.Dispose();
            throw ImportFileException.Create(1, null, ImportMessages.FileEmpty);
        }
        lastRow = used.LastRow().RowNumber();
        columnCount = used.LastColumn().ColumnNumber();
        header = ReadRow(1, new string[columnCount]);
        current = new string[columnCount];
    }

    public override IReadOnlyList<string> Header => header;

    public override int Row => row;

    public override int FieldCount => columnCount;

    public override string this[int index] => index < columnCount ? current[index] : string.Empty;

    public override string? RowProblem => null;

    public override double? Fraction => lastRow <= 1 ? null : (double)row / lastRow;

    public override bool Read()
    {
        while (row < lastRow)
        {
            row++;
            ReadRow(row, current);
            if (Array.Exists(current, v => v.Length > 0))
            {
                return true;
            }
        }
        return false;
    }

    private string[] ReadRow(int rowNumber, string[] values)
    {
        var xlRow = sheet.Row(rowNumber);
        for (var c = 0; c < values.Length; c++)
        {
            values[c] = CellText(xlRow.Cell(c + 1));
        }
        return values;
    }

    /// <summary>Typed cells become the text a CSV would hold: ISO dates, invariant numbers.</summary>
    private static string CellText(IXLCell cell)
    {
        if (cell.IsEmpty())
        {
            return string.Empty;
        }
        var value = cell.Value;
        return value switch
        {
            DateTime d => d.TimeOfDay == TimeSpan.Zero
                ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            double n => n.ToString("R", CultureInfo.InvariantCulture),
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            int i => i.ToString(CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value?.ToString() ?? string.Empty,
        };
    }

    private static void CheckZip(string path, long maxUncompressedBytes)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            long total = 0;
            var hasWorkbook = false;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                hasWorkbook |= entry.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase);
            }
            if (!hasWorkbook)
            {
                throw ImportFileException.Create(1, null, ImportMessages.FileUnreadable, "zip without an Excel workbook");
            }
            if (total > maxUncompressedBytes)
            {
                throw ImportFileException.Create(1, null, ImportMessages.FileTooLarge,
                    (total / (1024 * 1024)).ToString(CultureInfo.InvariantCulture),
                    (maxUncompressedBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture));
            }
        }
        catch (InvalidDataException ex)
        {
            throw ImportFileException.Create(1, null, ImportMessages.FileUnreadable, ex.Message);
        }
    }

    public override void Dispose() => workbook.Dispose();
}

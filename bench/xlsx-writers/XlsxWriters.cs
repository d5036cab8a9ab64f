#:project ../../CustomerInsight.Core/CustomerInsight.Core.csproj
#:property PublishAot=false

// StreamedTable (ours: ClosedXML writes the sheet's frame, the rows are streamed into its package) against
// DocumentFormat.OpenXml's OpenXmlWriter (SAX-style, the library's own streaming writer) on the same records:
// ROWS rows x 10 cells (4 texts, 5 numbers, 1 date), shared strings, one number format per column kind.
// usage: dotnet run -c Release XlsxWriters.cs -- ours|openxml ROWS OUT.xlsx   (bench/xlsx-writers.sh runs both)
using System.Diagnostics;
using System.Globalization;
using CustomerInsight.Core.Reporting;
using CustomerInsight.Core.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using CellFormat = CustomerInsight.Core.Reporting.CellFormat;
using XlCellFormat = DocumentFormat.OpenXml.Spreadsheet.CellFormat;

var variant = args[0];
var count = int.Parse(args[1], CultureInfo.InvariantCulture);
var path = args[2];
string[] segments = ["Champions", "Loyal customers", "Potential loyalists", "New customers", "Promising", "Need attention", "About to sleep",
    "At risk", "Can't lose them", "Hibernating"];
string[] cities = [.. Enumerable.Range(0, 50).Select(i => "City " + i.ToString(CultureInfo.InvariantCulture))];
var start = new DateTime(2023, 10, 1, 0, 0, 0, DateTimeKind.Unspecified);
var rows = new BenchRow[count];
for (var i = 0; i < count; i++)
{
    rows[i] = new BenchRow("K" + i.ToString("D8", CultureInfo.InvariantCulture), segments[i % segments.Length], cities[i * 7 % cities.Length],
        "customer" + i.ToString(CultureInfo.InvariantCulture) + "@example.org", i % 365, 1 + i % 12, (i % 100_000) / 100m, 1 + i % 5,
        (i % 1000) / 1000.0,
        start.AddDays(i % 1096));
}

var clock = Stopwatch.StartNew();
if (variant == "ours")
{
    var context = new ReportContext(new ReportRequester("bench", CultureInfo.GetCultureInfo("en-GB")),
        new ReportSettings("Bench", "EUR", TimeZoneInfo.Utc) { Texts = new CodesOnly() },
            new DateTime(2026, 12, 4, 0, 0, 0, DateTimeKind.Unspecified));
    using var writer = new ExcelReportWriter(context);
    writer.AddTable("Rows", new ReportTitle("Rows", "", []),
        [
            new ReportColumn<BenchRow>("Key", CellFormat.Text, r => r.Key),
            new("Segment", CellFormat.Text, r => r.Segment),
            new("City", CellFormat.Text, r => r.City),
            new("E-mail", CellFormat.Text, r => r.Email),
            new("Recency", CellFormat.Integer, r => r.Recency),
            new("Frequency", CellFormat.Integer, r => r.Frequency),
            new("Monetary", CellFormat.Money, r => r.Monetary),
            new("Score", CellFormat.Integer, r => r.Score),
            new("Share", CellFormat.Percent, r => r.Share),
            new("First order", CellFormat.Date, r => r.First),
        ], rows);
    using var file = File.Create(path);
    writer.Save(file);
}
else
{
    OpenXmlBench.Write(path, rows);
}
clock.Stop();
using var self = Process.GetCurrentProcess();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{variant}: {count} rows x 10 cells: {clock.Elapsed.TotalSeconds:0.00} s, peak working set {self.PeakWorkingSet64 / 1024 / 1024} MB, "
    + $"file {new FileInfo(path).Length / 1024 / 1024} MB"));

internal sealed record BenchRow(string Key, string Segment, string City, string Email, int Recency, int Frequency, decimal Monetary, int Score,
    double Share, DateTime First);

internal sealed class CodesOnly : ITextResolver
{
    public string Resolve(LocalizedText text, CultureInfo culture) => text.Code;
}

internal static class OpenXmlBench
{
    public static void Write(string path, BenchRow[] rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var ordered = new List<string>();
        int Shared(string text)
        {
            if (!strings.TryGetValue(text, out var index))
            {
                index = ordered.Count;
                strings.Add(text, index);
                ordered.Add(text);
            }
            return index;
        }

        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            var attributes = new List<OpenXmlAttribute>(3);
            for (var i = 0; i < rows.Length; i++)
            {
                var r = rows[i];
                var rowIndex = (uint)(i + 2);
                writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", rowIndex.ToString(CultureInfo.InvariantCulture))]);
                Text(writer, Shared(r.Key));
                Text(writer, Shared(r.Segment));
                Text(writer, Shared(r.City));
                Text(writer, Shared(r.Email));
                Number(writer, r.Recency.ToString(CultureInfo.InvariantCulture), 1);
                Number(writer, r.Frequency.ToString(CultureInfo.InvariantCulture), 1);
                Number(writer, r.Monetary.ToString(CultureInfo.InvariantCulture), 2);
                Number(writer, r.Score.ToString(CultureInfo.InvariantCulture), 1);
                Number(writer, r.Share.ToString("R", CultureInfo.InvariantCulture), 3);
                Number(writer, r.First.ToOADate().ToString(CultureInfo.InvariantCulture), 4);
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
        using (var writer = OpenXmlWriter.Create(stringsPart))
        {
            writer.WriteStartElement(new SharedStringTable(),
                [new OpenXmlAttribute("count", "", ordered.Count.ToString(CultureInfo.InvariantCulture)),
                new OpenXmlAttribute("uniqueCount", "", ordered.Count.ToString(CultureInfo.InvariantCulture))]);
            foreach (var text in ordered)
            {
                writer.WriteStartElement(new SharedStringItem());
                writer.WriteElement(new DocumentFormat.OpenXml.Spreadsheet.Text(text));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }

        workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Rows" }));
        workbookPart.Workbook.Save();
    }

    private static void Text(OpenXmlWriter writer, int index)
    {
        writer.WriteStartElement(new Cell { DataType = CellValues.SharedString });
        writer.WriteElement(new CellValue(index.ToString(CultureInfo.InvariantCulture)));
        writer.WriteEndElement();
    }

    private static void Number(OpenXmlWriter writer, string value, uint style)
    {
        writer.WriteStartElement(new Cell { StyleIndex = style });
        writer.WriteElement(new CellValue(value));
        writer.WriteEndElement();
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00 \"€\"" }) { Count = 1 },
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new XlCellFormat(),
            new XlCellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new XlCellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new XlCellFormat { NumberFormatId = 10, ApplyNumberFormat = true },
            new XlCellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 5 });
}

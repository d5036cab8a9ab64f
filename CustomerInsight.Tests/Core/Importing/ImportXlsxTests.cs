using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CustomerInsight.Tests.Core.Importing;

/// <summary>
/// XLSX through the real pipeline (issue 14): the values saved in the file (a formula's cached result, never a
/// recalculation), a formula without a saved result refused in its place, and the sheet streamed row by row.
/// Workbooks are written in the test with DocumentFormat.OpenXml (formulas with chosen cached values) or ClosedXML.
/// </summary>
public class ImportXlsxTests : ImportTestBase
{
    /// <summary>A cell: text, or a formula with its cached text result (null: no result saved).</summary>
    private sealed record TestCell(string? Text, string? Formula = null, string? Cached = null);

    /// <summary>Writes a one-sheet workbook; every row is given, the first is the header.</summary>
    private static string WriteWorkbook(string directory, string name, IEnumerable<TestCell[]> rows) =>
        WriteWorkbook(directory, name, rows.Select((cells, i) => ((uint)i + 1, cells)));

    /// <summary>Writes a one-sheet workbook with the given row numbers (rows not given are empty).</summary>
    private static string WriteWorkbook(string directory, string name, IEnumerable<(uint Row, TestCell[] Cells)> rows)
    {
        var path = Path.Combine(directory, name);
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(worksheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            foreach (var (r, row) in rows)
            {
                writer.WriteStartElement(new Row { RowIndex = r });
                for (var c = 0; c < row.Length; c++)
                {
                    var reference = ((char)('A' + c)).ToString() + r.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var cell = row[c];
                    if (cell.Formula is not null)
                    {
                        var formulaCell = new Cell { CellReference = reference, DataType =
                            CellValues.String, CellFormula = new CellFormula(cell.Formula) };
                        if (cell.Cached is not null)
                        {
                            formulaCell.CellValue = new CellValue(cell.Cached);
                        }
                        writer.WriteElement(formulaCell);
                    }
                    else if (cell.Text is not null)
                    {
                        writer.WriteElement(new Cell
                        {
                            CellReference = reference,
                            DataType = CellValues.InlineString,
                            InlineString = new InlineString(new Text(cell.Text)),
                        });
                    }
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = 1, Name = "Customers" }));
        workbookPart.Workbook.Save();
        return path;
    }

    private static TestCell[] Texts(params string[] texts) => [.. texts.Select(t => new TestCell(t))];

    [Fact]
    public async Task ImportAsync_FormulaCells_StoreTheSavedValuesNotARecalculation()
    {
        var path = WriteWorkbook(Context.Database.Directory, "customers.xlsx",
        [
            Texts("CustomerId", "FirstName", "LastName", "City"),
            [new("C1"), new(null, "1+1", "cached99"), new(null, "NOW()", "Martin"), new(null, "HYPERLINK(\"https://example.org\",\"Lyon\")", "Lyon")],
        ]);

        var report = await Context.ImportAsync(path, ImportFormat.Customers, Token);

        Assert.True(report.Succeeded, string.Join(" | ", report.Rejected.Select(r => r.Text)));
        await using var db = Context.Database.CreateContext();
        var customer = await db.Customers.SingleAsync(Token);
        Assert.Equal(("cached99", "Martin", "Lyon"), (customer.FirstName, customer.LastName, customer.City));
    }

    [Fact]
    public async Task ImportAsync_FormulaWithoutSavedResult_RefusedWithRowAndColumn()
    {
        var path = WriteWorkbook(Context.Database.Directory, "customers.xlsx",
        [
            Texts("CustomerId", "FirstName"),
            Texts("C1", "Jean"),
            [new("C2"), new(null, "UPPER(\"anne\")", null)],
        ]);
        var before = await Context.CountAsync();

        var report = await Context.ImportAsync(path, ImportFormat.Customers, Token);

        Assert.False(report.Succeeded);
        var issue = Assert.Single(report.Rejected);
        Assert.Equal((ImportMessages.CellFormulaWithoutValue, 3, "FirstName"), (issue.Code, issue.Row, issue.Column));
        Assert.Equal(before.Data, (await Context.CountAsync()).Data);
    }

    [Fact]
    public async Task ImportAsync_SheetLargerThanTheInMemoryLimit_StreamedAndImported()
    {
        // 20,000 rows: about 2 MB of sheet XML, eight times the limit, which now bounds only what is held in memory.
        var path = WriteWorkbook(Context.Database.Directory, "customers.xlsx",
            Enumerable.Range(0, 20_001).Select(i => i == 0
                ? Texts("CustomerId", "FirstName", "LastName", "Email")
                : Texts("C" + i, "Jean", "Martin", "jean.martin" + i + "@example.org")));
        var pipeline = new ImportPipeline(Context.Database.Factory, BusinessCalendar.ForZone("Europe/Paris"),
            new AuditLog(Context.Database.Factory, TimeProvider.System), TimeProvider.System,
            Microsoft.Extensions.Options.Options.Create(new ImportOptions { MaxXlsxUncompressedBytes = 256 * 1024 }));

        var report = await pipeline.ImportAsync(path, "customers.xlsx", ImportFormat.Customers, "analyst@test", null, Token);

        Assert.True(report.Succeeded, string.Join(" | ", report.Rejected.Select(r => r.Text)));
        Assert.Equal(20_000, report.RowsImported);
        await using var db = Context.Database.CreateContext();
        Assert.Equal("jean.martin20000@example.org", (await db.Customers.SingleAsync(c => c.SourceId == "C20000", Token)).Email);
    }

    [Fact]
    public async Task ImportAsync_RowBeyondExcelsLastRow_ReadWithItsNumber()
    {
        // Tools other than Excel write more than 1,048,576 rows; a loaded workbook model gave up on them.
        var path = WriteWorkbook(Context.Database.Directory, "customers.xlsx",
        [
            (1u, Texts("CustomerId", "FirstName", "CreatedAt")),
            (2u, Texts("C1", "Jean", "2024-01-15")),
            (3_000_000u, Texts("C2", "Anne", "not a date")),
        ]);

        var report = await Context.ImportAsync(path, ImportFormat.Customers, Token);

        var issue = Assert.Single(report.Rejected);
        Assert.Equal((ImportMessages.ValueDate, 3_000_000, "CreatedAt"), (issue.Code, issue.Row, issue.Column));
    }

    [Fact]
    public async Task ImportAsync_ClosedXmlWorkbookWithDatesNumbersAndEmptyRows_ReadAsTheSpreadsheetShowsThem()
    {
        var path = Path.Combine(Context.Database.Directory, "lines.xlsx");
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("Lines");
            string[] header = ["OrderId", "CustomerId", "OrderedAt", "ProductCode", "Quantity", "UnitPrice"];
            for (var c = 0; c < header.Length; c++)
            {
                sheet.Cell(1, c + 1).SetValue(header[c]);
            }
            sheet.Cell(2, 1).SetValue("O-1");
            sheet.Cell(2, 2).SetValue(17850);
            sheet.Cell(2, 3).SetValue(new DateTime(2024, 3, 15, 14, 30, 0));
            sheet.Cell(2, 4).SetValue("P1");
            sheet.Cell(2, 5).SetValue(2);
            sheet.Cell(2, 6).SetValue(3.5);
            // Row 3 left empty; row 4 has a bad quantity: reported as row 4, as the spreadsheet numbers it.
            sheet.Cell(4, 1).SetValue("O-2");
            sheet.Cell(4, 2).SetValue(17850);
            sheet.Cell(4, 3).SetValue(new DateTime(2024, 3, 16));
            sheet.Cell(4, 4).SetValue("P1");
            sheet.Cell(4, 5).SetValue("two");
            sheet.Cell(4, 6).SetValue(3.5);
            workbook.SaveAs(path);
        }

        var rejected = await Context.ImportAsync(path, ImportFormat.OrderLines, Token);
        var issue = Assert.Single(rejected.Rejected);
        Assert.Equal((ImportMessages.ValueInteger, 4, "Quantity"), (issue.Code, issue.Row, issue.Column));

        using (var workbook = new XLWorkbook(path))
        {
            workbook.Worksheet(1).Row(4).Delete();
            workbook.Save();
        }
        var report = await Context.ImportAsync(path, ImportFormat.OrderLines, Token);
        Assert.True(report.Succeeded, string.Join(" | ", report.Rejected.Select(r => r.Text)));
        await using var db = Context.Database.CreateContext();
        var order = await db.Orders.Include(o => o.Lines).SingleAsync(Token);
        Assert.Equal(new DateTime(2024, 3, 15, 13, 30, 0), order.OrderedAtUtc);
        Assert.Equal(7000, order.Lines.Single().AmountMilli);
        Assert.Equal("17850", (await db.Customers.SingleAsync(Token)).SourceId);
    }
}

/// <summary>Every test of <see cref="ImportXlsxTests"/> on PostgreSQL.</summary>
public sealed class ImportXlsxOnPostgresTests : ImportXlsxTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

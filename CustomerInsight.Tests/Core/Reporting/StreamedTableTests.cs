using System.IO.Compression;

namespace CustomerInsight.Tests.Core.Reporting;

/// <summary>
/// Large tables are streamed into ClosedXML's package (<see cref="StreamedTable"/>): read back with
/// ClosedXML, a streamed sheet holds the same cells, types, number formats, quote prefixes, table,
/// frozen header and widths as the same sheet written through ClosedXML's cell model.
/// </summary>
public sealed class StreamedTableTests
{
    private static readonly string[] Dangerous = ExcelReportWriterTests.Dangerous;

    private sealed record Row(string? Name, int Count, decimal Amount, double? Share, DateOnly Day, DateTime At, bool Flag, long Big);

    private static readonly ReportColumn<Row>[] Columns =
    [
        .. ExcelReportWriterTests.TypedColumns<Row>(r => (r.Name, r.Count, r.Amount, r.Share, r.Day)),
        new("Horodatage", CellFormat.DateTime, r => r.At),
        new("Actif", CellFormat.Text, r => r.Flag),
        new("Grand", CellFormat.Integer, r => r.Big),
    ];

    private const string EscapeLookalike = "a_x0041_b";

    private static readonly string[] Texts =
    [
        .. Dangerous, "00123", "1-2", "a & <b> \"q\" 'x'", EscapeLookalike, "  spaced  ", "é€😀 ünï", "line\nbreak", "x\u0001y", "Segment",
    ];

    /// <summary>
    /// The texts both paths round-trip through ClosedXML 0.95.4. Not <c>_xHHHH_</c> look-alikes: both
    /// paths write them escaped once, as ECMA-376 says (tested on the XML), but ClosedXML's reader decodes
    /// them repeatedly, so they read back differently from what Excel shows.
    /// </summary>
    private static readonly string[] ComparableTexts = [.. Texts.Where(t => !t.Contains("_x", StringComparison.Ordinal))];

    /// <summary>Every kind of value: hostile and look-alike texts, nulls, negatives, both booleans, dates with and without time.</summary>
    private static List<Row> Rows(int count) => Enumerable.Range(0, count).Select(i => new Row(
        i % 7 == 6 ? null : ComparableTexts[i % ComparableTexts.Length],
        i * 37 - 100,
        (i * 1234.5m) - 50.25m,
        i % 5 == 0 ? null : i / 8d,
        new DateOnly(2026, 1, 1).AddDays(i),
        new DateTime(2026, 3, 1, 0, 0, 0).AddMinutes(i * 97),
        i % 2 == 0,
        (long)i * 3_000_000_000L)).ToList();

    private static XLWorkbook WriteAndRead(int streamRowsAbove, Action<ExcelReportWriter> write, string culture = "fr-FR")
    {
        var stream = Write(streamRowsAbove, write, culture);
        return new XLWorkbook(stream);
    }

    private static MemoryStream Write(int streamRowsAbove, Action<ExcelReportWriter> write, string culture = "fr-FR")
    {
        using var writer = new ExcelReportWriter(ExcelReportWriterTests.Context(culture)) { StreamRowsAbove = streamRowsAbove };
        write(writer);
        var stream = new MemoryStream();
        writer.Save(stream);
        stream.Position = 0;
        return stream;
    }

    /// <summary>One row per text, the other columns alike.</summary>
    private static List<Row> TextRows(IEnumerable<string> texts) =>
        [.. texts.Select(t => new Row(t, 1, 1m, null, new DateOnly(2026, 1, 1), new DateTime(2026, 1, 1), true, 1))];

    /// <summary>The shared strings' XML holds each of <paramref name="present"/> and none of <paramref name="absent"/>.</summary>
    private static void AssertSharedStrings(string xml, string[] present, string[] absent)
    {
        Assert.All(present, p => Assert.Contains(p, xml, StringComparison.Ordinal));
        Assert.All(absent, a => Assert.DoesNotContain(a, xml, StringComparison.Ordinal));
    }

    private static string SharedStrings(Stream workbook)
    {
        using var package = new ZipArchive(workbook);
        using var reader = new StreamReader(package.GetEntry("xl/sharedStrings.xml")!.Open());
        return reader.ReadToEnd();
    }

    private static void AddSheets(ExcelReportWriter writer)
    {
        writer.AddTable("Petit", new ReportTitle("Petit", "2026", []), Columns, Rows(3));
        writer.AddTable("Données", new ReportTitle("=Rapport", "2026", [new("Canal", "+Web")]), Columns, Rows(60));
        writer.AddTable("Encore", new ReportTitle("Encore", "2026", []), Columns, Rows(45).Skip(5));
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("en-GB")]
    public void AddTable_Streamed_SameCellsAsClosedXmlCellModel(string culture)
    {
        using var streamed = WriteAndRead(0, AddSheets, culture);
        using var inMemory = WriteAndRead(int.MaxValue, AddSheets, culture);

        Assert.Equal(inMemory.Worksheets.Select(s => s.Name), streamed.Worksheets.Select(s => s.Name));
        foreach (var expected in inMemory.Worksheets)
        {
            var actual = streamed.Worksheet(expected.Name);
            Assert.Equal(ExcelReportWriter.HeaderRow, actual.SheetView.SplitRow);
            var expectedTable = expected.Tables.Single();
            var table = Assert.Single(actual.Tables);
            Assert.Equal(expectedTable.Name, table.Name);
            Assert.Equal(expectedTable.RangeAddress.ToString(), table.RangeAddress.ToString());
            Assert.True(table.ShowAutoFilter);
            Assert.Equal(expectedTable.AutoFilter.Range.RangeAddress.ToString(), table.AutoFilter.Range.RangeAddress.ToString());
            Assert.Equal(expectedTable.Theme.Name, table.Theme.Name);
            Assert.Equal(expectedTable.Fields.Select(f => f.Name), table.Fields.Select(f => f.Name));
            for (var c = 1; c <= Columns.Length; c++)
            {
                Assert.Equal(expected.Column(c).Width, actual.Column(c).Width);
            }
            var addresses = expected.CellsUsed().Select(c => c.Address.ToString()).ToList();
            Assert.Equal(addresses, actual.CellsUsed().Select(c => c.Address.ToString()).ToList());
            foreach (var address in addresses)
            {
                var want = expected.Cell(address);
                var got = actual.Cell(address);
                var where = $"{expected.Name}!{address}";
                Assert.False(got.HasFormula, where);
                Assert.True(want.DataType == got.DataType, $"{where}: {want.DataType} expected, {got.DataType}");
                Assert.True(Equals(want.Value, got.Value), $"{where}: {want.Value} expected, {got.Value}");
                Assert.True(want.Style.NumberFormat.Format == got.Style.NumberFormat.Format,
                    $"{where}: format {want.Style.NumberFormat.Format} expected, {got.Style.NumberFormat.Format}");
                Assert.True(want.Style.NumberFormat.NumberFormatId == got.Style.NumberFormat.NumberFormatId, where);
                Assert.True(want.Style.IncludeQuotePrefix == got.Style.IncludeQuotePrefix, $"{where}: quote prefix");
                Assert.True(want.Style.Alignment.Horizontal == got.Style.Alignment.Horizontal, where);
                Assert.True(want.Style.Font.Bold == got.Style.Font.Bold, where);
            }
        }
    }

    [Fact]
    public void AddTable_Streamed_NativeTypesFormatsTableAndFrozenHeader()
    {
        var rows = Rows(30);
        using var book = WriteAndRead(0, w => Assert.Equal(30, w.AddTable("Données", new ReportTitle("Rapport", "2026", []), Columns, rows)));
        var sheet = book.Worksheet("Données");
        var first = ExcelReportWriter.HeaderRow + 1;

        Assert.Equal("Rapport", sheet.Cell(1, 1).GetString());
        Assert.Equal("Test Co", sheet.Cell(2, 2).GetString());
        Assert.Equal(ExcelReportWriter.HeaderRow, sheet.SheetView.SplitRow);
        var table = Assert.Single(sheet.Tables);
        Assert.True(table.ShowAutoFilter);
        Assert.Equal(30, table.DataRange.RowCount());
        Assert.Equal(ExcelReportWriter.HeaderRow, table.RangeAddress.FirstAddress.RowNumber);
        Assert.Equal(Columns.Select(c => c.Header), table.Fields.Select(f => f.Name));
        for (var i = 0; i < rows.Count; i++)
        {
            var r = first + i;
            Assert.Equal(XLDataType.Number, sheet.Cell(r, 2).DataType);
            Assert.Equal(rows[i].Count, sheet.Cell(r, 2).GetValue<int>());
            Assert.Equal("#,##0", sheet.Cell(r, 2).Style.NumberFormat.Format);
            Assert.Equal((double)rows[i].Amount, sheet.Cell(r, 3).GetDouble(), 9);
            Assert.Contains("€", sheet.Cell(r, 3).Style.NumberFormat.Format, StringComparison.Ordinal);
            Assert.Equal(rows[i].Share is null, sheet.Cell(r, 4).IsEmpty());
            if (rows[i].Share is { } share)
            {
                Assert.Equal(share, sheet.Cell(r, 4).GetDouble());
                Assert.Equal("0.0%", sheet.Cell(r, 4).Style.NumberFormat.Format);
            }
            Assert.Equal(XLDataType.DateTime, sheet.Cell(r, 5).DataType);
            Assert.Equal(rows[i].Day.ToDateTime(TimeOnly.MinValue), sheet.Cell(r, 5).GetDateTime());
            Assert.Equal("dd\\/mm\\/yyyy", sheet.Cell(r, 5).Style.NumberFormat.Format);
            Assert.Equal(rows[i].At, sheet.Cell(r, 6).GetDateTime());
            Assert.Equal("dd\\/mm\\/yyyy hh:mm", sheet.Cell(r, 6).Style.NumberFormat.Format);
            Assert.Equal(XLDataType.Text, sheet.Cell(r, 7).DataType);
            Assert.Equal(rows[i].Flag ? "oui" : "non", sheet.Cell(r, 7).GetString());
            Assert.Equal(rows[i].Big, sheet.Cell(r, 8).GetValue<long>());
        }
        Assert.True(sheet.Cell(first + 30, 1).IsEmpty());
        // Widths come from all rows, not only the templates ClosedXML saw.
        Assert.True(sheet.Column(8).Width >= 13, $"width {sheet.Column(8).Width}");
    }

    [Fact]
    public void AddTable_StreamedDangerousTexts_IntactQuotePrefixAndNoFormula()
    {
        var rows = TextRows(Texts);
        using var book = WriteAndRead(0, w => w.AddTable("S", new ReportTitle("=1+1", "-P", [new("@F", "+V")]), Columns, rows));
        var sheet = book.Worksheet(1);
        for (var i = 0; i < Texts.Length; i++)
        {
            var cell = sheet.Cell(ExcelReportWriter.HeaderRow + 1 + i, 1);
            Assert.False(cell.HasFormula);
            Assert.Equal(XLDataType.Text, cell.DataType);
            if (Texts[i] != EscapeLookalike)
            {
                Assert.Equal(ExcelReportWriter.XmlSafe(Texts[i]), cell.GetString());
            }
            Assert.Equal(ExcelReportWriter.IsFormulaLike(Texts[i]), cell.Style.IncludeQuotePrefix);
        }
        ExcelReportWriterTests.AssertNoFormula(book);
    }

    [Fact]
    public void Save_CellModelSpecialTexts_EscapedOnceInTheSharedStrings()
    {
        var texts = new[] { "a_x0041_b", "\r=1+1", "x\r\ny" };
        var rows = TextRows(texts);
        var xml = SharedStrings(Write(int.MaxValue, w => w.AddTable("S", new ReportTitle("R", "P", []), Columns, rows)));

        // What Excel decodes back to the text: the look-alike escaped once, line breaks as line feeds.
        AssertSharedStrings(xml, [">a_x005F_x0041_b<", ">\n=1+1<", ">x\ny<"], ["_x005F_x005F", "_x000D_", "\r"]);
    }

    [Fact]
    public void Save_StreamedSpecialTexts_EscapedOnceInTheSharedStrings()
    {
        var rows = TextRows(Texts);
        var xml = SharedStrings(Write(0, w => w.AddTable("S", new ReportTitle("R", "P", []), Columns, rows)));

        // ECMA-376 ST_Xstring: what Excel decodes back to the original text.
        AssertSharedStrings(xml,
            [">a_x005F_x0041_b<", ">\n=1+1<", ">a &amp; &lt;b&gt; \"q\" 'x'<", "<x:t xml:space=\"preserve\">\t=1+1<",
                "<x:t xml:space=\"preserve\">  spaced  <"],
            ["_x000D_", "\u0001"]);
    }

    [Fact]
    public void Save_Streamed_NoFormulaElementAndDataRowsInThePackage()
    {
        using var package = new ZipArchive(Write(0, w => w.AddTable("S", new ReportTitle("R", "P", []), Columns, Rows(40))));
        var sheets = package.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList();
        var sheet = Assert.Single(sheets);
        using var reader = new StreamReader(sheet.Open());
        var xml = reader.ReadToEnd();
        Assert.DoesNotContain(":f>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
        Assert.Contains($"r=\"H{ExcelReportWriter.HeaderRow + 40}\"", xml, StringComparison.Ordinal);
    }

    private sealed record Kpi(string Code, double? Value, CellFormat Format);

    [Fact]
    public void AddTable_StreamedPerRowFormats_EachCellKeepsItsFormat()
    {
        ReportColumn<Kpi>[] columns =
        [
            new("Code", CellFormat.Text, k => k.Code),
            new("Valeur", CellFormat.Decimal2, k => k.Value, k => k.Format),
        ];
        var rows = new List<Kpi>
        {
            new("orders", 1234, CellFormat.Integer),
            new("revenue", 1234.5, CellFormat.Money),
            new("rate", 0.125, CellFormat.Percent),
            new("missing", null, CellFormat.Percent),
            new("nps", 12.25, CellFormat.Decimal2),
            new("orders2", 99, CellFormat.Integer),
        };
        using var streamed = WriteAndRead(0, w => w.AddTable("K", new ReportTitle("K", "P", []), columns, rows));
        using var inMemory = WriteAndRead(int.MaxValue, w => w.AddTable("K", new ReportTitle("K", "P", []), columns, rows));
        var sheet = streamed.Worksheet("K");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = ExcelReportWriter.HeaderRow + 1 + i;
            Assert.Equal(inMemory.Worksheet("K").Cell(r, 2).Style.NumberFormat.Format, sheet.Cell(r, 2).Style.NumberFormat.Format);
            Assert.Equal(rows[i].Value is null, sheet.Cell(r, 2).IsEmpty());
        }
        Assert.Equal("#,##0", sheet.Cell(ExcelReportWriter.HeaderRow + 1, 2).Style.NumberFormat.Format);
        Assert.Equal("0.0%", sheet.Cell(ExcelReportWriter.HeaderRow + 3, 2).Style.NumberFormat.Format);
        Assert.Equal("#,##0.00", sheet.Cell(ExcelReportWriter.HeaderRow + 5, 2).Style.NumberFormat.Format);
        Assert.Equal("#,##0", sheet.Cell(ExcelReportWriter.HeaderRow + 6, 2).Style.NumberFormat.Format);
    }

    [Fact]
    public void AddTable_StreamedDoubles_ReadBackAsClosedXmlReadsItsOwn()
    {
        ReportColumn<double>[] columns = [new("X", CellFormat.Decimal2, x => x)];
        double[] values = [1 / 3d, 0.1 + 0.2, 1e-12, -123456789.987654321, double.NaN, 5];
        using var book = WriteAndRead(0, w => w.AddTable("X", new ReportTitle("X", "P", []), columns, values));
        using var inMemory = WriteAndRead(int.MaxValue, w => w.AddTable("X", new ReportTitle("X", "P", []), columns, values));
        var sheet = book.Worksheet("X");
        for (var i = 0; i < values.Length; i++)
        {
            var cell = sheet.Cell(ExcelReportWriter.HeaderRow + 1 + i, 1);
            if (double.IsNaN(values[i]))
            {
                Assert.True(cell.IsEmpty());
            }
            else
            {
                // ClosedXML's reader keeps 15 significant digits: compare with what it reads of its own file.
                Assert.Equal(inMemory.Worksheet("X").Cell(cell.Address).GetDouble(), cell.GetDouble());
                Assert.True(Math.Abs(values[i] - cell.GetDouble()) <= 1e-13 * Math.Max(1, Math.Abs(values[i])),
                    $"{values[i]} read as {cell.GetDouble()}");
            }
        }
    }

    [Fact]
    public void AddTable_AllValuesNull_TableStillHasItsRows()
    {
        ReportColumn<string?>[] columns = [new("A", CellFormat.Text, x => x), new("B", CellFormat.Integer, _ => null)];
        using var book = WriteAndRead(0, w => Assert.Equal(3, w.AddTable("N", new ReportTitle("N", "P", []), columns, [null, null, null])));
        Assert.Equal(3, book.Worksheet("N").Tables.Single().DataRange.RowCount());
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void ColumnName_Index_ExcelLettersAndBack(int index, string name)
    {
        Assert.Equal(name, StreamedTable.ColumnName(index));
        Assert.Equal(index, StreamedTable.ColumnIndex(name + "12"));
    }
}

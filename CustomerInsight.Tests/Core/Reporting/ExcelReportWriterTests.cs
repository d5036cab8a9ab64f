namespace CustomerInsight.Tests.Core.Reporting;

public sealed class ExcelReportWriterTests
{
    public static readonly string[] Dangerous =
        ["=1+2", "+SUM(A1:A2)", "-3+4", "@SUM(A1)", "\t=1+1", "\r=1+1", "=HYPERLINK(\"http://evil.example\",\"x\")", "a\r\nb"];

    private sealed record Row(string Name, int Count, decimal Amount, double? Share, DateOnly Day);

    internal static ReportContext Context(string culture = "fr-FR", bool personal = false) => new(
        new ReportRequester("analyst@test", new CultureInfo(culture), personal),
        CoreTexts.Settings("Test Co", "EUR", TimeZoneInfo.Utc),
        new DateTime(2026, 1, 2, 3, 4, 5));

    private static XLWorkbook WriteAndRead(Action<ExcelReportWriter> write, string culture = "fr-FR")
    {
        using var writer = new ExcelReportWriter(Context(culture));
        write(writer);
        var stream = new MemoryStream();
        writer.Save(stream);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    private static readonly ReportColumn<Row>[] Columns = TypedColumns<Row>(r => (r.Name, r.Count, r.Amount, r.Share, r.Day));

    /// <summary>The five typed columns the writers are tested with (text, integer, money, percent, date), over any row.</summary>
    internal static ReportColumn<T>[] TypedColumns<T>(Func<T, (string? Name, int Count, decimal Amount, double? Share, DateOnly Day)> typed) =>
    [
        new("Nom", CellFormat.Text, r => typed(r).Name),
        new("Nombre", CellFormat.Integer, r => typed(r).Count),
        new("Montant", CellFormat.Money, r => typed(r).Amount),
        new("Part", CellFormat.Percent, r => typed(r).Share),
        new("Jour", CellFormat.Date, r => typed(r).Day),
    ];

    [Fact]
    public void AddTable_TypedRows_ReadBackAsNativeTypesWithFormats()
    {
        using var book = WriteAndRead(w => w.AddTable("Données", new ReportTitle("Rapport", "2026", [new("Canal", "Web")]), Columns,
            [new Row("00123", 1234, 12.5m, 0.25, new DateOnly(2026, 3, 15)), new Row("1-2", 0, -3m, null, new DateOnly(2026, 1, 1))]));
        var sheet = book.Worksheet("Données");
        var first = ExcelReportWriter.HeaderRow + 1;

        Assert.Equal(XLDataType.Text, sheet.Cell(first, 1).DataType);
        Assert.Equal("00123", sheet.Cell(first, 1).GetString());
        Assert.Equal("1-2", sheet.Cell(first + 1, 1).GetString());
        Assert.Equal(XLDataType.Text, sheet.Cell(first + 1, 1).DataType);
        Assert.Equal(XLDataType.Number, sheet.Cell(first, 2).DataType);
        Assert.Equal(1234d, sheet.Cell(first, 2).GetDouble());
        Assert.Equal("#,##0", sheet.Cell(first, 2).Style.NumberFormat.Format);
        Assert.Equal(12.5d, sheet.Cell(first, 3).GetDouble());
        Assert.Contains("€", sheet.Cell(first, 3).Style.NumberFormat.Format, StringComparison.Ordinal);
        Assert.Equal(0.25d, sheet.Cell(first, 4).GetDouble());
        Assert.Equal("0.0%", sheet.Cell(first, 4).Style.NumberFormat.Format);
        Assert.True(sheet.Cell(first + 1, 4).IsEmpty());
        Assert.Equal(XLDataType.DateTime, sheet.Cell(first, 5).DataType);
        Assert.Equal(new DateTime(2026, 3, 15), sheet.Cell(first, 5).GetDateTime());
        Assert.Equal("dd\\/mm\\/yyyy", sheet.Cell(first, 5).Style.NumberFormat.Format);
    }

    [Fact]
    public void AddTable_AnySheet_HasTitleBlockFrozenHeaderTableAndWidths()
    {
        using var book = WriteAndRead(w => w.AddTable("S", new ReportTitle("Mon rapport", "janvier 2026", [new("Canal", "Web")]), Columns,
            [new Row(new string('x', 40), 1, 1m, 0.5, new DateOnly(2026, 1, 1))]));
        var sheet = book.Worksheet(1);

        Assert.Equal("Mon rapport", sheet.Cell(1, 1).GetString());
        Assert.Equal("Test Co", sheet.Cell(2, 2).GetString());
        Assert.Equal("janvier 2026", sheet.Cell(3, 2).GetString());
        Assert.Equal("Canal\u00a0: Web", sheet.Cell(4, 2).GetString());
        Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5), sheet.Cell(5, 2).GetDateTime());
        Assert.Equal("analyst@test", sheet.Cell(6, 2).GetString());
        Assert.Equal(ExcelReportWriter.HeaderRow, sheet.SheetView.SplitRow);
        var table = Assert.Single(sheet.Tables);
        Assert.True(table.ShowAutoFilter);
        Assert.Equal(ExcelReportWriter.HeaderRow, table.RangeAddress.FirstAddress.RowNumber);
        Assert.Equal(["Nom", "Nombre", "Montant", "Part", "Jour"], table.Fields.Select(f => f.Name));
        Assert.True(sheet.Column(1).Width >= 40, $"width {sheet.Column(1).Width}");
        Assert.True(sheet.Column(2).Width < 20, $"width {sheet.Column(2).Width}");
    }

    [Fact]
    public void AddTable_EnglishCulture_LabelsAndMoneyFormatInEnglish()
    {
        using var book = WriteAndRead(w =>
            w.AddTable("S", new ReportTitle("R", "P", []), Columns, [new Row("a", 1, 1m, 0.5, new DateOnly(2026, 1, 1))]), "en-GB");
        var sheet = book.Worksheet(1);
        Assert.Equal("Company", sheet.Cell(2, 1).GetString());
        Assert.Equal("none", sheet.Cell(4, 2).GetString());
        Assert.StartsWith("\"€\"", sheet.Cell(ExcelReportWriter.HeaderRow + 1, 3).Style.NumberFormat.Format, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTable_EmptyRows_StillATableUnderTheHeader()
    {
        using var book = WriteAndRead(w => Assert.Equal(0, w.AddTable("Vide", new ReportTitle("R", "P", []), Columns, [])));
        Assert.Single(book.Worksheet("Vide").Tables);
    }

    [Fact]
    public void AddTable_DangerousTexts_StoredAsTextIntactWithQuotePrefixAndNoFormula()
    {
        using var book = WriteAndRead(w => w.AddTable("S", new ReportTitle("=1+1", "-P", [new("@F", "+V")]), Columns,
            Dangerous.Select(d => new Row(d, 1, 1m, null, new DateOnly(2026, 1, 1)))));
        var sheet = book.Worksheet(1);
        for (var i = 0; i < Dangerous.Length; i++)
        {
            var cell = sheet.Cell(ExcelReportWriter.HeaderRow + 1 + i, 1);
            Assert.False(cell.HasFormula);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.Equal(WithLineFeeds(Dangerous[i]), cell.GetString());
            Assert.Equal(ExcelReportWriter.IsFormulaLike(Dangerous[i]), cell.Style.IncludeQuotePrefix);
        }
        Assert.Equal("=1+1", sheet.Cell(1, 1).GetString());
        Assert.False(sheet.Cell(1, 1).HasFormula);
        AssertNoFormula(book);
    }

    [Fact]
    public void OoxmlEscape_EscapeLookalike_EscapedPerSpreadsheetStringRules()
    {
        // ECMA-376 ST_Xstring: Excel decodes _xHHHH_, so a literal one is escaped as _x005F_xHHHH_.
        Assert.Equal("a_x005F_x0041_b", ExcelReportWriter.OoxmlEscape("a_x0041_b"));
        Assert.Equal("plain_xyz", ExcelReportWriter.OoxmlEscape("plain_xyz"));
    }

    [Fact]
    public void XmlSafe_ControlCharactersAndCarriageReturns_DroppedOrLineFeeds()
    {
        Assert.Equal("ab\tc\nd", ExcelReportWriter.XmlSafe("a\u0001b\tc\nd\u001F"));
        Assert.Equal("ok", ExcelReportWriter.XmlSafe("o\uD800k"));
        Assert.Equal("\n=1+1", ExcelReportWriter.XmlSafe("\r=1+1"));
        Assert.Equal("a\nb\n\nc", ExcelReportWriter.XmlSafe("a\r\nb\r\rc"));
    }

    /// <summary>A text as a cell holds it: every line break a line feed.</summary>
    internal static string WithLineFeeds(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    [Theory]
    [InlineData("Ventes [2026]: a/b\\c*?", "Ventes _2026__ a_b_c__")]
    [InlineData("'quoted'", "quoted")]
    [InlineData("", "Sheet")]
    [InlineData("History", "History_")]
    [InlineData("A very long sheet name that goes on and on", "A very long sheet name that goe")]
    public void Clean_InvalidNames_ValidForExcel(string wanted, string expected) =>
        Assert.Equal(expected, SheetNames.Clean(wanted));

    [Fact]
    public void Take_SameNameTwice_UniqueWithinThirtyOneCharacters()
    {
        var names = new SheetNames();
        var first = names.Take(new string('a', 40));
        var second = names.Take(new string('A', 40));
        Assert.Equal(31, first.Length);
        Assert.True(second.Length <= 31);
        Assert.NotEqual(first, second, StringComparer.OrdinalIgnoreCase);
        Assert.EndsWith("(2)", second, StringComparison.Ordinal);
    }

    /// <summary>Every cell of every sheet: none holds a formula.</summary>
    internal static void AssertNoFormula(XLWorkbook book)
    {
        foreach (var sheet in book.Worksheets)
        {
            foreach (var cell in sheet.CellsUsed(XLCellsUsedOptions.All))
            {
                Assert.False(cell.HasFormula, $"{sheet.Name}!{cell.Address} holds a formula: {cell.FormulaA1}");
            }
        }
    }

    /// <summary>Every text of every cell of every sheet.</summary>
    internal static List<string> AllTexts(XLWorkbook book) =>
        book.Worksheets.SelectMany(s => s.CellsUsed()).Where(c => c.DataType == XLDataType.Text).Select(c => c.GetString()).ToList();
}

using System.IO.Compression;
using System.Text;

namespace CustomerInsight.Tests.Core.Importing;

/// <summary>
/// Reading files through the real pipeline (issue 14): records too long for memory, encodings and control characters
/// checked to the end of the file, rows numbered as a spreadsheet shows them, a file of another format, reports that
/// keep no personal value, hidden characters in ids and names.
/// </summary>
public class ImportReadingTests : ImportTestBase
{
    private const string CustomersHeader = "CustomerId,FirstName,LastName,Email,Phone,CreatedAt\n";
    private static readonly Encoding Windows1252 = GetWindows1252();

    private static Encoding GetWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    /// <summary>Plain ASCII customer rows past the first MiB (what the old sniffer looked at).</summary>
    private static string AsciiRows(int count, int first = 1)
    {
        var rows = new StringBuilder();
        for (var i = first; i < first + count; i++)
        {
            rows.Append('C').Append(i).Append(",Jean,Martin,jean.martin").Append(i).Append("@example.org,0611223344,2024-01-15\n");
        }
        return rows.ToString();
    }

    private async Task<ImportIssue> AssertRejectedAsync(TableCounts before, ImportReport report, string code, int row, string? column)
    {
        Assert.False(report.Succeeded);
        var issue = Assert.Single(report.Rejected);
        Assert.True(issue.Code == code, $"expected {code}, got {issue.Code} ({issue.Text})");
        Assert.Equal(row, issue.Row);
        Assert.Equal(column, issue.Column);
        var after = await Context.CountAsync();
        Assert.Equal(before.Data, after.Data);
        return issue;
    }

    // 14.2: a record over 1 MiB.

    [Fact]
    public async Task ImportAsync_QuotedFieldOverOneMebibyte_RejectedWithRowAndLimitNothingWritten()
    {
        var content = CustomersHeader + "C1,Jean,Martin,,,\nC2,\"" + new string('a', (1 << 20) + 100) + "\",Martin,,,\n";
        var before = await Context.CountAsync();

        var report = await Context.ImportAsync(Context.WriteFile("customers.csv", content), ImportFormat.Customers, Token);

        var issue = await AssertRejectedAsync(before, report, ImportMessages.RowTooLong, 3, null);
        Assert.Equal(["1"], issue.Args);
        Assert.Contains("1 MiB", issue.Text.English(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_TenMegabyteLineWithoutLineBreak_RejectedWithRow()
    {
        var content = CustomersHeader + "C1,Jean,Martin,,,\n" + new string('x', 10_000_000);
        var before = await Context.CountAsync();

        var report = await Context.ImportAsync(Context.WriteFile("customers.csv", content), ImportFormat.Customers, Token);

        await AssertRejectedAsync(before, report, ImportMessages.RowTooLong, 3, null);
    }

    [Fact]
    public async Task ImportAsync_GzipOfZeroDigitsWithoutLineBreak_RejectedAtRow1()
    {
        var path = Path.Combine(Context.Database.Directory, "zeros.csv.gz");
        await using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            var block = Enumerable.Repeat((byte)'0', 1 << 20).ToArray();
            for (var i = 0; i < 64; i++)
            {
                gzip.Write(block);
            }
        }
        var before = await Context.CountAsync();

        var report = await Context.ImportAsync(path, ImportFormat.OnlineRetail, Token);

        await AssertRejectedAsync(before, report, ImportMessages.RowTooLong, 1, null);
    }

    // 14.8: the whole file is decoded and checked, not its first MiB.

    [Fact]
    public async Task ImportAsync_Windows1252AccentsAfterTheFirstMebibyte_StoredAsWritten()
    {
        var path = Path.Combine(Context.Database.Directory, "customers.csv");
        var content = CustomersHeader + AsciiRows(20_000) + "C99999,Hélène,Lefèvre,,,2024-01-15\n";
        File.WriteAllBytes(path, Windows1252.GetBytes(content));
        Assert.True(new FileInfo(path).Length > (1 << 20) + 1000);

        var report = await Context.ImportAsync(path, ImportFormat.Customers, Token);

        Assert.True(report.Succeeded, string.Join(" | ", report.Rejected.Select(r => r.Text)));
        await using var db = Context.Database.CreateContext();
        var customer = await db.Customers.SingleAsync(c => c.SourceId == "C99999", Token);
        Assert.Equal("Hélène", customer.FirstName);
        Assert.Equal("Lefèvre", customer.LastName);
    }

    [Fact]
    public async Task ImportAsync_NulByteAfterTheFirstMebibyte_RejectedWithRowAndColumn()
    {
        var content = CustomersHeader + AsciiRows(20_000) + "C99999,Hé\0lène,Lefèvre,,,2024-01-15\n";
        var before = await Context.CountAsync();

        var report = await Context.ImportAsync(Context.WriteFile("customers.csv", content), ImportFormat.Customers, Token);

        var issue = await AssertRejectedAsync(before, report, ImportMessages.ValueControl, 20_002, "FirstName");
        Assert.Equal(["U+0000"], issue.Args);
    }

    [Fact]
    public async Task ImportAsync_Utf8ThenWindows1252_RejectedAsMixedEncodingAtTheRowThatChanges()
    {
        var path = Path.Combine(Context.Database.Directory, "customers.csv");
        var start = Encoding.UTF8.GetBytes(CustomersHeader + "C0,Zoé,Noël,,,2024-01-15\n" + AsciiRows(20_000));
        var end = Windows1252.GetBytes("C99999,Hélène,Lefèvre,,,2024-01-15\n");
        File.WriteAllBytes(path, [.. start, .. end]);
        var before = await Context.CountAsync();

        var report = await Context.ImportAsync(path, ImportFormat.Customers, Token);

        var issue = await AssertRejectedAsync(before, report, ImportMessages.FileMixedEncoding, 20_003, null);
        Assert.Equal(["UTF-8", "Windows-1252"], issue.Args);
    }

    // 14.9: another format's file, unknown columns, row numbers.

    [Fact]
    public async Task ImportAsync_OnlineRetailFileImportedAsCustomers_RefusedNamingTheFormat()
    {
        var content = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
            + "536365,85123A,HEART HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n";
        var before = await Context.CountAsync();

        var report = await Context.ImportAsync(Context.WriteFile("retail.csv", content), ImportFormat.Customers, Token);

        var issue = await AssertRejectedAsync(before, report, ImportMessages.HeaderOtherFormat, 1, null);
        Assert.Equal("online-retail", issue.Args[0]);
        Assert.Equal("customers", issue.Args[1]);
        Assert.Contains("InvoiceNo", issue.Args[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_ColumnsTheFormatDoesNotRead_ListedInReportAndPreview()
    {
        var path = Context.WriteFile("customers.csv", "CustomerId,FirstName,Loyalty tier,Notes\nC1,Jean,Gold,call back\n");

        var preview = await Context.Pipeline.PreviewAsync(path, "customers.csv", ImportFormat.Customers, cancellationToken: Token);
        var report = await Context.ImportAsync(path, ImportFormat.Customers, Token);

        Assert.Equal(["Loyalty tier", "Notes"], preview.IgnoredColumns);
        Assert.True(report.Succeeded);
        Assert.Equal(["Loyalty tier", "Notes"], report.IgnoredColumns);
        Assert.Contains("\"ignoredColumns\":[\"Loyalty tier\",\"Notes\"]", report.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_LineBreakInsideQuotes_RowNumberedAsInASpreadsheet()
    {
        // Row 2 holds a value on three lines (one spreadsheet row), row 3 is empty, row 4 has a bad date.
        var content = CustomersHeader + "C1,\"Jean\nPierre\nPaul\",Martin,,,2024-01-15\n\nC2,Anne,Durand,,,not a date\n";
        var before = await Context.CountAsync();

        var report = await Context.ImportAsync(Context.WriteFile("customers.csv", content), ImportFormat.Customers, Token);

        await AssertRejectedAsync(before, report, ImportMessages.ValueDate, 4, "CreatedAt");
    }

    // 14.4: a rejected report keeps row, column and expected form, not the personal values.

    [Fact]
    public async Task ImportAsync_CustomersFileWithoutHeaderRow_StoredReportHoldsNoPersonalValue()
    {
        var content = "HX9002,Anatole,Ordinaire,anatole.ordinaire@example.org,0611223344\nHX9003,Berthe,Sansnom,berthe@example.org,0622334455\n";
        var before = await Context.CountAsync();

        var report = await Context.ImportAsync(Context.WriteFile("customers.csv", content), ImportFormat.Customers, Token);

        var issue = await AssertRejectedAsync(before, report, ImportMessages.HeaderNoKnownColumn, 1, null);
        Assert.Contains("CustomerId", issue.Text.English(), StringComparison.Ordinal);
        await using var db = Context.Database.CreateContext();
        var stored = (await db.ImportBatches.SingleAsync(Token)).ReportJson!;
        foreach (var personal in new[] { "HX9002", "Anatole", "Ordinaire", "anatole", "0611223344", "Berthe" })
        {
            Assert.DoesNotContain(personal, stored, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ImportAsync_NameTypedIntoADateColumn_ReportKeepsRowColumnAndExpectedFormNotTheName()
    {
        var content = CustomersHeader + "C1,Jean,Martin,,,2024-01-15\nC2,Anne,Durand,,,Anatole Ordinaire\n";
        var before = await Context.CountAsync();

        var report = await Context.ImportAsync(Context.WriteFile("customers.csv", content), ImportFormat.Customers, Token);

        var issue = await AssertRejectedAsync(before, report, ImportMessages.ValueDate, 3, "CreatedAt");
        Assert.Contains("2024-03-15", issue.Text.English(), StringComparison.Ordinal);
        await using var db = Context.Database.CreateContext();
        var stored = (await db.ImportBatches.SingleAsync(Token)).ReportJson!;
        Assert.DoesNotContain("Anatole", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_UnknownCustomerInSurveys_ReportDoesNotRepeatTheCustomerId()
    {
        var report = await Context.ImportAsync(Context.WriteFile("surveys.csv",
            "ResponseId,CustomerId,RespondedAt,RecommendScore\nS1,ANATOLE-ORDINAIRE-1957,2024-04-01,9\n"), ImportFormat.Surveys, Token);

        var issue = Assert.Single(report.Rejected);
        Assert.Equal((ImportMessages.CustomerUnknown, 2, "CustomerId"), (issue.Code, issue.Row, issue.Column));
        Assert.DoesNotContain("ANATOLE", report.ToJson(), StringComparison.Ordinal);
    }

    // 14.13: characters that hide themselves.

    [Theory]
    [InlineData("\u202EUNI3,Jean,Martin,,,\n", "CustomerId", "U+202E")]
    [InlineData("C1,Je\u200Ban,Martin,,,\n", "FirstName", "U+200B")]
    [InlineData("C1,Jean,\u2067Martin\u2069,,,\n", "LastName", "U+2067")]
    public async Task ImportAsync_HiddenCharacterInIdOrName_RefusedWithLocation(string row, string column, string codePoint)
    {
        var before = await Context.CountAsync();

        var report = await Context.ImportAsync(Context.WriteFile("customers.csv", CustomersHeader + row), ImportFormat.Customers, Token);

        var issue = await AssertRejectedAsync(before, report, ImportMessages.ValueHidden, 2, column);
        Assert.Equal([codePoint], issue.Args);
    }

    [Fact]
    public async Task ImportAsync_RightToLeftOverrideInOrderId_Refused()
    {
        var report = await Context.ImportAsync(Context.WriteFile("lines.csv",
            "OrderId,CustomerId,OrderedAt,ProductCode,Quantity,UnitPrice\n\u202EO-1,C-1,2024-03-15 10:00,P1,2,3.50\n"),
                ImportFormat.OrderLines, Token);

        var issue = Assert.Single(report.Rejected);
        Assert.Equal((ImportMessages.ValueHidden, 2, "OrderId"), (issue.Code, issue.Row, issue.Column));
    }
}

/// <summary>Every test of <see cref="ImportReadingTests"/> on PostgreSQL.</summary>
public sealed class ImportReadingOnPostgresTests : ImportReadingTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

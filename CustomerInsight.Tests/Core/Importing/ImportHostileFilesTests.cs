using System.Text;

namespace CustomerInsight.Tests.Core.Importing;

/// <summary>
/// Files people really have: each gives a clear, located error (row as in the file, column as in its
/// header) and writes nothing (every data table counted before and after), or imports correctly.
/// </summary>
public class ImportHostileFilesTests : ImportTestBase
{
    private const string RetailHeader = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
    private const string GoodRow = "536365,85123A,HEART HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n";

    /// <summary>A second Online Retail row (a hand warmer), with one value changed.</summary>
    private static string SecondRow(string invoice = "536366", string quantity = "6", string date = "2010-12-01 08:28:00", string price = "1.85") =>
        $"{invoice},22633,HAND WARMER,{quantity},{date},{price},17850,United Kingdom\n";

    public static TheoryData<string, string, string, int, string?> RetailCases => new()
    {
        // name, content, expected code, expected row, expected column
        { "missing column", "InvoiceNo,StockCode,Description,InvoiceDate,UnitPrice,CustomerID,Country\n" +
            "536365,85123A,X,2010-12-01 08:26:00,2.55,17850,UK\n", ImportMessages.HeaderMissingColumn, 1, "Quantity" },
        { "renamed column", "InvoiceNo,StockCode,Description,Qty,InvoiceDate,UnitPrice,CustomerID,Country\n" + GoodRow,
            ImportMessages.HeaderMissingColumn, 1, "Quantity" },
        { "wrong type", RetailHeader + GoodRow + SecondRow(quantity: "six"), ImportMessages.ValueInteger, 3, "Quantity" },
        { "bad date", RetailHeader + GoodRow + SecondRow(date: "2010-13-45 08:28:00"), ImportMessages.ValueDate, 3, "InvoiceDate" },
        { "negative price", RetailHeader + GoodRow + SecondRow(price: "-1.85"), ImportMessages.ValueNegative, 3, "UnitPrice" },
        { "absurd quantity", RetailHeader + GoodRow + SecondRow(quantity: "99999999"), ImportMessages.ValueOutOfRange, 3, "Quantity" },
        { "too many decimals", RetailHeader + GoodRow + SecondRow(price: "1.8555"), ImportMessages.ValueDecimal, 3, "UnitPrice" },
        { "missing invoice", RetailHeader + GoodRow + SecondRow(invoice: ""), ImportMessages.ValueRequired, 3, "InvoiceNo" },
        { "empty file", "", ImportMessages.FileEmpty, 1, null },
        { "blank lines only", "\n\n  \n", ImportMessages.FileEmpty, 1, null },
        { "header only", RetailHeader, ImportMessages.FileNoData, 1, null },
        { "truncated last line", RetailHeader + GoodRow + "536366,22633,HAND WAR", ImportMessages.RowFieldCount, 3, null },
        { "unquoted separator", RetailHeader + GoodRow + "536366,22633,HAND, WARMER,6,2010-12-01 08:28:00,1.85,17850,United Kingdom\n",
            ImportMessages.RowFieldCount, 3, null },
        { "unterminated quote", RetailHeader + GoodRow + "536366,22633,\"HAND WARMER,6,2010-12-01 08:28:00,1.85,17850,United Kingdom\n",
            ImportMessages.RowBadQuotes, 3, null },
        { "customer conflict", RetailHeader + GoodRow + "536365,22633,HAND WARMER,6,2010-12-01 08:26:00,1.85,12583,France\n",
            ImportMessages.OrderCustomerConflict, 3, "CustomerID" },
    };

    [Theory]
    [MemberData(nameof(RetailCases))]
    public async Task ImportAsync_HostileRetailCsv_RejectedWithLocatedErrorAndNothingWritten(string name,
        string content, string code, int row, string? column)
    {
        var before = await Context.CountAsync();
        var report = await Context.ImportAsync(Context.WriteFile("retail.csv", content), ImportFormat.OnlineRetail, Token);
        await AssertRejectedAsync(before, report, code, row, column, name);
    }

    [Fact]
    public async Task ImportAsync_BinaryFileRenamedCsv_RejectedAsBinary()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        var before = await Context.CountAsync();
        var report = await Context.ImportAsync(Context.WriteBytes("photo.csv", bytes), ImportFormat.OnlineRetail, Token);
        await AssertRejectedAsync(before, report, ImportMessages.FileBinary, 1, null, "binary");
    }

    [Fact]
    public async Task ImportAsync_XlsxWithHeaderInRow3_SaysWhereTheHeaderIs()
    {
        var path = Path.Combine(Context.Database.Directory, "report.xlsx");
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("Export");
            sheet.Cell(1, 1).SetValue("Sales export, December");
            string[] header = ["OrderId", "CustomerId", "OrderedAt", "ProductCode", "Quantity", "UnitPrice"];
            for (var c = 0; c < header.Length; c++)
            {
                sheet.Cell(3, c + 1).SetValue(header[c]);
            }
            sheet.Cell(4, 1).SetValue("O1");
            workbook.SaveAs(path);
        }
        var before = await Context.CountAsync();
        var report = await Context.ImportAsync(path, ImportFormat.OrderLines, Token);
        await AssertRejectedAsync(before, report, ImportMessages.HeaderWrongRow, 1, null, "xlsx header row");
        Assert.Equal(["3"], report.Rejected[0].Args);
    }

    [Fact]
    public async Task ImportAsync_ZipThatIsNotAWorkbook_RejectedAsUnreadable()
    {
        var path = Path.Combine(Context.Database.Directory, "data.xlsx");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("hello");
        }
        var before = await Context.CountAsync();
        var report = await Context.ImportAsync(path, ImportFormat.Customers, Token);
        await AssertRejectedAsync(before, report, ImportMessages.FileUnreadable, 1, null, "zip");
    }

    [Fact]
    public async Task ImportAsync_UnknownCustomersInSurveysAndConsents_RejectedWithRowNumbers()
    {
        await Context.ImportAsync(Context.WriteFile("customers.csv", "CustomerId\nC1\n"), ImportFormat.Customers, Token);
        var before = await Context.CountAsync();

        var surveys = await Context.ImportAsync(Context.WriteFile("surveys.csv",
            "ResponseId,CustomerId,RespondedAt,RecommendScore\nS1,C1,2024-04-01,9\nS2,C404,2024-04-01,7\n"), ImportFormat.Surveys, Token);
        await AssertRejectedAsync(before, surveys, ImportMessages.CustomerUnknown, 3, "CustomerId", "surveys");

        before = await Context.CountAsync();
        var consents = await Context.ImportAsync(Context.WriteFile("consents.csv",
            "CustomerId;Purpose;Status;RecordedAt\nC1;SmsMarketing;Granted;15/03/2024 " +
                "14:30\nC1;SmsMarketing;Withdrawn;16/03/2024\nC405;SmsMarketing;Granted;15/03/2024\n"), ImportFormat.Consents, Token);
        await AssertRejectedAsync(before, consents, ImportMessages.CustomerUnknown, 4, "CustomerId", "consents");
    }

    [Fact]
    public async Task ImportAsync_SurveyScoresOutOfRangeAndMissing_RejectedPerRow()
    {
        var before = await Context.CountAsync();
        var report = await Context.ImportAsync(Context.WriteFile("surveys.csv",
            "ResponseId,RespondedAt,RecommendScore,SatisfactionScore,Kind\n" +
            "S1,2024-04-01,11,,\nS2,2024-04-01,,0,\nS3,2024-04-01,,,\nS4,2024-04-01,5,,Weekly\n"), ImportFormat.Surveys, Token);
        await AssertRejectedAsync(before, report, ImportMessages.ValueOutOfRange, 2, "RecommendScore", "scores");
        Assert.Equal(4, report.RejectedCount);
        Assert.Equal([2, 3, 4, 5], report.Rejected.Select(r => r.Row));
        Assert.Equal(ImportMessages.ValueNotInList, report.Rejected[3].Code);
    }

    [Fact]
    public async Task ImportAsync_ManyBadRows_ListsFirst100AndCountsAll()
    {
        var content = new StringBuilder(RetailHeader);
        for (var i = 0; i < 250; i++)
        {
            content.Append("536366,22633,HAND WARMER,x,2010-12-01 08:28:00,1.85,17850,United Kingdom\n");
        }
        var report = await Context.ImportAsync(Context.WriteFile("retail.csv", content.ToString()), ImportFormat.OnlineRetail, Token);
        Assert.Equal(100, report.Rejected.Count);
        Assert.Equal(250, report.RejectedCount);
        Assert.Contains("\"rejected\":[{\"row\":2,\"column\":\"Quantity\",\"message\":",
            report.WithMessages(ResxTextResolver.Instance).ToJson(), StringComparison.Ordinal);
        Assert.StartsWith("Nombre entier attendu", report.Rejected[0].Text.French(), StringComparison.Ordinal);
    }

    private async Task AssertRejectedAsync(TableCounts before,
        ImportReport report, string code, int row, string? column, string name)
    {
        Assert.False(report.Succeeded, name);
        Assert.NotEmpty(report.Rejected);
        var issue = report.Rejected[0];
        Assert.True(issue.Code == code, $"{name}: expected {code}, got {issue.Code} ({issue.Text})");
        Assert.Equal(row, issue.Row);
        Assert.Equal(column, issue.Column);
        Assert.False(string.IsNullOrWhiteSpace(issue.Text.English()));
        var after = await Context.CountAsync();
        Assert.Equal(before.Data, after.Data);
        Assert.Equal(before.Batches + 1, after.Batches);
    }
}

/// <summary>Every test of <see cref="ImportHostileFilesTests"/> on PostgreSQL.</summary>
public sealed class ImportHostileFilesOnPostgresTests : ImportHostileFilesTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

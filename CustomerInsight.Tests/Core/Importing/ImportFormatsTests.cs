using System.Globalization;
using System.Text;

namespace CustomerInsight.Tests.Core.Importing;

/// <summary>Happy paths of the five formats, re-imports, erased customers, encodings, XLSX, preview and cancellation.</summary>
public class ImportFormatsTests : ImportTestBase
{
    private const string Customers = "CustomerId,First Name,last_name,Email,Country,CreatedAt\n" +
        "C1,Ada,Lovelace,ada@example.com,France,2024-01-10\n" +
        "C2,Alan,Turing,alan@example.com,United Kingdom,2024-02-01 09:30\n";

    /// <summary>Marks a customer erased in the database, as an erasure leaves it for a later import to find.</summary>
    private async Task MarkErasedAsync(string sourceId)
    {
        await using var db = Context.Database.CreateContext();
        await db.Customers.Where(c => c.SourceId == sourceId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ErasedAtUtc, DateTime.UtcNow), Token);
    }

    [Fact]
    public async Task ImportAsync_Customers_CreatesThenUpdatesByCustomerId()
    {
        var first = await Context.ImportAsync(Context.WriteFile("customers.csv", Customers), ImportFormat.Customers, Token);
        Assert.True(first.Succeeded);
        Assert.Equal(new EntityCounts(2, 0), first.Customers);

        var second = await Context.ImportAsync(Context.WriteFile("customers2.csv", "CustomerId,Email\nC1,ada@new.example\nC3,\n"),
            ImportFormat.Customers, Token);
        Assert.Equal(new EntityCounts(1, 1), second.Customers);
        await using var db = Context.Database.CreateContext();
        var ada = await db.Customers.SingleAsync(c => c.SourceId == "C1", Token);
        Assert.Equal("ada@new.example", ada.Email);
        Assert.Equal("Lovelace", ada.LastName);
        Assert.Equal(3, await db.Customers.CountAsync(Token));
    }

    [Fact]
    public async Task ImportAsync_OrderLines_GroupsByOrderCreatesBareCustomersAndIsIdempotent()
    {
        var path = Context.WriteFile("lines.csv",
            "OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice\n" +
            "O1,C9,2024-03-15 14:30,Store,Sale,P1,Kettle,2,19.990\n" +
            "O2,,2024-03-16T10:00:00,web,,P2,Toaster,1,35\n" +
            "O1,C9,2024-03-15 14:00,Store,Sale,P3,\"Filter, pack of 2\",1,5.5\n" +
            "R1,C9,2024-03-20,Store,Cancellation,P1,Kettle,-1,19.99\n");
        var report = await Context.ImportAsync(path, ImportFormat.OrderLines, Token);

        Assert.True(report.Succeeded, string.Join("; ", report.Rejected.Select(r => r.Text)));
        Assert.Equal(new EntityCounts(3, 0), report.Orders);
        Assert.Equal(new EntityCounts(1, 0), report.Customers);
        Assert.Equal(4, report.RowsImported);
        await using (var db = Context.Database.CreateContext())
        {
            var o1 = await db.Orders.Include(o => o.Lines).ThenInclude(l => l.Product).SingleAsync(o => o.SourceOrderId == "O1", Token);
            Assert.Equal("order-lines", o1.Source);
            Assert.Equal(Channel.Store, o1.Channel);
            Assert.Equal(45_480, o1.AmountMilli);
            Assert.Equal(new DateTime(2024, 3, 15, 13, 0, 0), o1.OrderedAtUtc); // earliest line, 14:00 Paris (UTC+1)
            Assert.Contains(o1.Lines, l => l.Product!.Description == "Filter, pack of 2");
            Assert.Null((await db.Orders.SingleAsync(o => o.SourceOrderId == "O2", Token)).CustomerId);
            Assert.Equal(OrderKind.Cancellation, (await db.Orders.SingleAsync(o => o.SourceOrderId == "R1", Token)).Kind);
        }

        var before = await Context.CountAsync();
        var again = await Context.ImportAsync(path, ImportFormat.OrderLines, Token);
        Assert.Equal(4, again.Skipped[ImportMessages.SkipAlreadyImported]);
        Assert.Equal(before.Data, (await Context.CountAsync()).Data);
    }

    [Fact]
    public async Task ImportAsync_SurveysAndConsents_ForKnownCustomers_AreIdempotent()
    {
        await Context.ImportAsync(Context.WriteFile("customers.csv", Customers), ImportFormat.Customers, Token);

        var surveys = Context.WriteFile("surveys.csv",
            "ResponseId,CustomerId,OrderId,RespondedAt,Kind,Channel,RecommendScore,SatisfactionScore,Comment\n" +
            "S1,C1,,2024-04-01 10:00,Relational,,9,,Great\n" +
            "S2,C2,X42,2024-04-02,,Web,,4,\n" +
            "S3,,,2024-04-03,Transactional,Store,0,1,\n");
        var report = await Context.ImportAsync(surveys, ImportFormat.Surveys, Token);
        Assert.True(report.Succeeded, string.Join("; ", report.Rejected.Select(r => r.Text)));
        Assert.Equal(3, report.Responses.Created);
        Assert.Equal(1, report.Notes[ImportMessages.NoteUnknownOrder]);
        Assert.Equal(3, (await Context.ImportAsync(surveys, ImportFormat.Surveys, Token)).Skipped[ImportMessages.SkipAlreadyImported]);

        var consents = Context.WriteFile("consents.csv",
            "CustomerId,Purpose,Status,RecordedAt,Source,ProofReference\n" +
            "C1,EmailMarketing,Granted,2024-01-10 12:00,web form,F-1\n" +
            "C1,Email Marketing,Withdrawn,2024-02-10 12:00,unsubscribe link,\n" +
            "C1,EmailMarketing,Granted,2024-01-10 12:00,web form,F-1\n");
        var consentReport = await Context.ImportAsync(consents, ImportFormat.Consents, Token);
        Assert.True(consentReport.Succeeded, string.Join("; ", consentReport.Rejected.Select(r => r.Text)));
        Assert.Equal(2, consentReport.Consents.Created);
        Assert.Equal(1, consentReport.DuplicateRows);
        Assert.Equal(3, (await Context.ImportAsync(consents, ImportFormat.Consents, Token)).Skipped[ImportMessages.SkipAlreadyImported]);

        await using var db = Context.Database.CreateContext();
        Assert.Equal(SurveyKind.Transactional, (await db.SurveyResponses.SingleAsync(r => r.SourceId == "S2", Token)).Kind);
        Assert.Equal(2, await db.ConsentRecords.CountAsync(c => c.Purpose == ConsentPurpose.EmailMarketing, Token));
    }

    [Fact]
    public async Task ImportAsync_SurveyWithOnlyAnOrder_BelongsToTheOrdersCustomer_SkippedWhenErased()
    {
        await Context.ImportAsync(Context.WriteFile("customers.csv", Customers), ImportFormat.Customers, Token);
        await Context.ImportAsync(Context.WriteFile("lines.csv",
            "OrderId,CustomerId,OrderedAt,ProductCode,Quantity,UnitPrice\n" +
            "O1,C1,2024-03-15,P1,1,10\nO2,C2,2024-03-15,P1,1,10\nO3,,2024-03-15,P1,1,10\n"), ImportFormat.OrderLines, Token);
        await MarkErasedAsync("C2");

        var report = await Context.ImportAsync(Context.WriteFile("surveys.csv",
            "ResponseId,CustomerId,OrderId,RespondedAt,RecommendScore,Comment\n" +
            "S1,,O1,2024-03-20,9,Merci\n" +
            "S2,,O2,2024-03-20,3,Un commentaire d'une personne effacée\n" +
            "S3,,O3,2024-03-20,7,Anonyme\n"), ImportFormat.Surveys, Token);

        Assert.True(report.Succeeded, string.Join("; ", report.Rejected.Select(r => r.Text)));
        Assert.Equal(2, report.Responses.Created);
        Assert.Equal(1, report.Skipped[ImportMessages.SkipErasedCustomer]);
        await using var check = Context.Database.CreateContext();
        var c1 = await check.Customers.SingleAsync(c => c.SourceId == "C1", Token);
        Assert.Equal(c1.Id, (await check.SurveyResponses.SingleAsync(r => r.SourceId == "S1", Token)).CustomerId);
        Assert.Null((await check.SurveyResponses.SingleAsync(r => r.SourceId == "S3", Token)).CustomerId);
        Assert.False(await check.SurveyResponses.AnyAsync(r => r.SourceId == "S2", Token));
    }

    [Fact]
    public async Task ImportAsync_SurveyOrderNumberInTwoSources_LinksTheOrderOfTheFirstSourceByName_AnOrderOfOneSourceWherever()
    {
        await Context.ImportAsync(Context.WriteFile("customers.csv", Customers), ImportFormat.Customers, Token);
        // N1 in both sources; N2 only in order-lines. online-retail sorts before order-lines.
        await Context.ImportAsync(Context.WriteFile("lines.csv",
            "OrderId,CustomerId,OrderedAt,ProductCode,Quantity,UnitPrice\n" +
            "N1,C1,2024-03-15,P1,1,10\nN2,C1,2024-03-16,P1,1,10\n"), ImportFormat.OrderLines, Token);
        var retail = await Context.ImportAsync(Context.WriteFile("retail.csv",
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" +
            "N1,P9,Item,2,2024-03-17 10:00,5.00,C2,France\n"), ImportFormat.OnlineRetail, Token);
        Assert.True(retail.Succeeded, string.Join("; ", retail.Rejected.Select(r => r.Text)));

        var report = await Context.ImportAsync(Context.WriteFile("surveys.csv",
            "ResponseId,CustomerId,OrderId,RespondedAt,RecommendScore\n" +
            "S1,,N1,2024-03-20,9\nS2,,N2,2024-03-20,8\n"), ImportFormat.Surveys, Token);

        Assert.True(report.Succeeded, string.Join("; ", report.Rejected.Select(r => r.Text)));
        await using var check = Context.Database.CreateContext();
        var linked = await check.SurveyResponses.AsNoTracking().OrderBy(r => r.SourceId)
            .Join(check.Orders, r => r.OrderId, o => o.Id, (r, o) => new { r.SourceId, o.Source, o.SourceOrderId }).ToListAsync(Token);
        Assert.Equal(
            [new { SourceId = "S1", Source = "online-retail", SourceOrderId = "N1" }, new { SourceId = "S2", Source = "order-lines", SourceOrderId = "N2" }],
            linked);
    }

    [Fact]
    public async Task ImportAsync_SurveyOrderNumbersWithQuotesBackslashesAndAccents_AreEachLinkedToTheirOrder()
    {
        // The numbers go to the database as one list (a JSON array on SQLite, a text array on PostgreSQL): none may be
        // mangled on the way, nor taken for another.
        string[] numbers = ["A\"1", "B\\2", "Cé3", "D'4", "E,5", "F]6", "G\\u00e97", "日本8"];
        await Context.ImportAsync(Context.WriteFile("customers.csv", Customers), ImportFormat.Customers, Token);
        var lines = new StringBuilder("OrderId,CustomerId,OrderedAt,ProductCode,Quantity,UnitPrice\n");
        var surveys = new StringBuilder("ResponseId,CustomerId,OrderId,RespondedAt,RecommendScore\n");
        for (var i = 0; i < numbers.Length; i++)
        {
            var field = "\"" + numbers[i].Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            lines.Append(CultureInfo.InvariantCulture, $"{field},C1,2024-03-15,P1,1,{i + 1}\n");
            surveys.Append(CultureInfo.InvariantCulture, $"S{i},,{field},2024-03-20,7\n");
        }
        // What a JSON reader would make of G\u00e97: not an order of the file.
        surveys.Append("S9,,Gé7,2024-03-20,7\n");
        var ordered = await Context.ImportAsync(Context.WriteFile("lines.csv", lines.ToString()), ImportFormat.OrderLines, Token);
        Assert.True(ordered.Succeeded, string.Join("; ", ordered.Rejected.Select(r => r.Text)));

        var report = await Context.ImportAsync(Context.WriteFile("surveys.csv", surveys.ToString()), ImportFormat.Surveys, Token);

        Assert.True(report.Succeeded, string.Join("; ", report.Rejected.Select(r => r.Text)));
        Assert.Equal(1, report.Notes[ImportMessages.NoteUnknownOrder]);
        await using var db = Context.Database.CreateContext();
        var linked = await db.SurveyResponses.AsNoTracking().Where(r => r.OrderId != null)
            .Join(db.Orders, r => r.OrderId, o => o.Id, (r, o) => new { r.SourceId, o.SourceOrderId }).ToListAsync(Token);
        Assert.Equal(numbers.Select((n, i) => ("S" + i.ToString(CultureInfo.InvariantCulture), n)).Order(),
            linked.Select(l => (l.SourceId, l.SourceOrderId)).Order());
    }

    [Fact]
    public async Task ImportAsync_ManySurveysWithOrders_EachLinkedToItsOrderAndItsCustomer()
    {
        // Many responses: every order number in the one look-up of their source, including the unknown one.
        const int count = 450;
        await Context.ImportAsync(Context.WriteFile("customers.csv", Customers), ImportFormat.Customers, Token);
        var lines = new StringBuilder("OrderId,CustomerId,OrderedAt,ProductCode,Quantity,UnitPrice\n");
        var surveys = new StringBuilder("ResponseId,CustomerId,OrderId,RespondedAt,RecommendScore\n");
        for (var i = 1; i <= count; i++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"O{i},{(i % 2 == 0 ? "C2" : "")},2024-03-15,P1,1,10\n");
            surveys.Append(CultureInfo.InvariantCulture, $"S{i},,O{i},2024-03-20,{i % 11}\n");
        }
        surveys.Append("S0,,NO-SUCH-ORDER,2024-03-20,5\n");
        await Context.ImportAsync(Context.WriteFile("lines.csv", lines.ToString()), ImportFormat.OrderLines, Token);

        var report = await Context.ImportAsync(Context.WriteFile("surveys.csv", surveys.ToString()), ImportFormat.Surveys, Token);

        Assert.True(report.Succeeded, string.Join("; ", report.Rejected.Select(r => r.Text)));
        Assert.Equal(count + 1, report.Responses.Created);
        Assert.Equal(1, report.Notes[ImportMessages.NoteUnknownOrder]);
        await using var db = Context.Database.CreateContext();
        var orders = await db.Orders.ToDictionaryAsync(o => o.SourceOrderId, Token);
        var responses = await db.SurveyResponses.ToListAsync(Token);
        Assert.All(responses.Where(r => r.SourceId != "S0"), r =>
        {
            var order = orders["O" + r.SourceId[1..]];
            Assert.Equal(order.Id, r.OrderId);
            Assert.Equal(order.CustomerId, r.CustomerId);
        });
        Assert.Equal(count / 2, responses.Count(r => r.CustomerId is not null));
        var unknown = responses.Single(r => r.SourceId == "S0");
        Assert.Null(unknown.OrderId);
        Assert.Null(unknown.CustomerId);
    }

    [Fact]
    public async Task ImportAsync_ErasedCustomer_RowsSkippedNeverResurrected()
    {
        await Context.ImportAsync(Context.WriteFile("customers.csv", Customers), ImportFormat.Customers, Token);
        await using (var db = Context.Database.CreateContext())
        {
            await db.Customers.Where(c => c.SourceId == "C1").ExecuteUpdateAsync(s =>
                s.SetProperty(c => c.ErasedAtUtc, DateTime.UtcNow).SetProperty(c => c.FirstName, (string?)null), Token);
        }
        var customers = await Context.ImportAsync(Context.WriteFile("again.csv", Customers), ImportFormat.Customers, Token);
        var orders = await Context.ImportAsync(Context.WriteFile("lines.csv",
            "OrderId,CustomerId,OrderedAt,ProductCode,Quantity,UnitPrice\nO1,C1,2024-03-15,P1,1,10\nO2,C2,2024-03-15,P1,1,10\n"),
                ImportFormat.OrderLines, Token);

        Assert.Equal(1, customers.Skipped[ImportMessages.SkipErasedCustomer]);
        Assert.Equal(1, orders.Skipped[ImportMessages.SkipErasedCustomer]);
        Assert.Equal(1, orders.Orders.Created);
        await using var check = Context.Database.CreateContext();
        Assert.Null((await check.Customers.SingleAsync(c => c.SourceId == "C1", Token)).FirstName);
    }

    [Fact]
    public async Task ImportAsync_CustomersOfSeveralOrders_EachOrderTheirs_ANewOneTakesItsFirstOrdersCountry_AnErasedOnesAllSkipped()
    {
        await Context.ImportAsync(Context.WriteFile("customers.csv", Customers), ImportFormat.Customers, Token);
        await MarkErasedAsync("C2");

        var report = await Context.ImportAsync(Context.WriteFile("retail.csv",
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" +
            "N1,P1,Item,1,2024-03-17 10:00,5.00,C9,Germany\n" +
            "N2,P1,Item,2,2024-03-18 10:00,5.00,C2,France\n" +
            "N3,P1,Item,3,2024-03-19 10:00,5.00,C9,Spain\n" +
            "N4,P1,Item,4,2024-03-20 10:00,5.00,C1,Italy\n" +
            "N2,P2,Item,1,2024-03-18 10:00,7.00,C2,France\n" +
            "N5,P1,Item,5,2024-03-21 10:00,5.00,C2,France\n" +
            "N6,P1,Item,6,2024-03-22 10:00,5.00,C1,Italy\n"), ImportFormat.OnlineRetail, Token);

        Assert.True(report.Succeeded, string.Join("; ", report.Rejected.Select(r => r.Text)));
        Assert.Equal(4, report.Orders.Created);
        Assert.Equal(3, report.Skipped[ImportMessages.SkipErasedCustomer]);
        Assert.Equal(new EntityCounts(1, 0), report.Customers);
        await using var check = Context.Database.CreateContext();
        var owners = await check.Orders.AsNoTracking().OrderBy(o => o.SourceOrderId)
            .Select(o => new { o.SourceOrderId, o.Customer!.SourceId, o.Customer.Country }).ToListAsync(Token);
        Assert.Equal(
            [new { SourceOrderId = "N1", SourceId = "C9", Country = (string?)"Germany" }, new { SourceOrderId = "N3", SourceId = "C9", Country = (string?)"Germany" },
                new { SourceOrderId = "N4", SourceId = "C1", Country = (string?)"France" }, new { SourceOrderId = "N6", SourceId = "C1", Country = (string?)"France" }],
            owners);
    }

    [Fact]
    public async Task ImportAsync_OnlineRetailIILayout_SemicolonDecimalCommaWindows1252()
    {
        var path = Context.WriteFile("retail-fr.csv",
            "Invoice;StockCode;Description;Quantity;InvoiceDate;Price;Customer ID;Country\r\n" +
            "489434;85048;\"CAFÉ CRÈME; MUG\";12;01/12/2009 07:45;6,95;13085.0;France\r\n" +
            "489434;79323P;\"Théière \"\"rose\"\"\";12;01/12/2009 07:45;6,75;13085.0;France\r\n" +
            "C489449;22087;PAPER BUNTING;-12;01/12/2009 10:33;2,95;16321;Australia\r\n" +
            "A506401;B;Adjust bad debt;1;29/04/2010 13:36;-53594,36;;United Kingdom\r\n" +
            "489435;22350;CAT BOWL;0;01/12/2009 07:46;2,55;;United Kingdom\r\n",
            CodePagesEncodingProvider.Instance.GetEncoding(1252));
        var preview = await Context.Pipeline.PreviewAsync(path, "retail-fr.csv", cancellationToken: Token);
        Assert.Equal(ImportFormat.OnlineRetail, preview.Format);
        Assert.Equal("windows-1252", preview.Encoding);
        Assert.Equal(";", preview.Separator);
        Assert.Contains(new ColumnMapping("Customer ID", "CustomerID"), preview.Columns);

        var report = await Context.ImportAsync(path, ImportFormat.OnlineRetail, Token);
        Assert.True(report.Succeeded, string.Join("; ", report.Rejected.Select(r => r.Text)));
        Assert.Equal(2, report.Orders.Created);
        Assert.Equal(1, report.Skipped[ImportMessages.SkipAdjustment]);
        Assert.Equal(1, report.Skipped[ImportMessages.SkipZeroOrNegative]);
        await using var db = Context.Database.CreateContext();
        var order = await db.Orders.Include(o => o.Lines).ThenInclude(l => l.Product).Include(o => o.Customer)
            .SingleAsync(o => o.SourceOrderId == "489434", Token);
        Assert.Equal(12 * 6_950 + 12 * 6_750, order.AmountMilli);
        Assert.Equal("13085", order.Customer!.SourceId);
        Assert.Equal("France", order.Customer.Country);
        Assert.Contains(order.Lines, l => l.Product!.Description == "CAFÉ CRÈME; MUG");
        Assert.Contains(order.Lines, l => l.Product!.Description == "Théière \"rose\"");
    }

    [Fact]
    public async Task ImportAsync_Xlsx_ReadsTypedCells()
    {
        var path = Path.Combine(Context.Database.Directory, "retail.xlsx");
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("Sheet1");
            string[] header = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"];
            for (var c = 0; c < header.Length; c++)
            {
                sheet.Cell(1, c + 1).SetValue(header[c]);
            }
            sheet.Cell(2, 1).SetValue("536365");
            sheet.Cell(2, 2).SetValue("85123A");
            sheet.Cell(2, 3).SetValue("HEART HOLDER");
            sheet.Cell(2, 4).SetValue(6);
            sheet.Cell(2, 5).SetValue(new DateTime(2010, 12, 1, 8, 26, 0));
            sheet.Cell(2, 6).SetValue(2.55);
            sheet.Cell(2, 7).SetValue(17850);
            sheet.Cell(2, 8).SetValue("United Kingdom");
            workbook.SaveAs(path);
        }
        var report = await Context.ImportAsync(path, ImportFormat.OnlineRetail, Token);
        Assert.True(report.Succeeded, string.Join("; ", report.Rejected.Select(r => r.Text)));
        await using var db = Context.Database.CreateContext();
        var order = await db.Orders.SingleAsync(Token);
        Assert.Equal(15_300, order.AmountMilli);
        Assert.Equal(new DateTime(2010, 12, 1, 7, 26, 0), order.OrderedAtUtc);
    }

    [Fact]
    public async Task ImportAsync_Success_StoresBatchWithReportAndAuditEntry()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        var report = await Context.ImportAsync(Context.WriteFile("customers.csv", Customers), ImportFormat.Customers, Token);
        var after = DateTime.UtcNow.AddSeconds(1);
        await using var db = Context.Database.CreateContext();
        // Every column the import writes, read back through EF Core's mapping (the import writes them with plain SQL).
        var batch = await db.ImportBatches.SingleAsync(Token);
        Assert.Equal(report.BatchId, batch.Id);
        Assert.Equal((ImportStatus.Succeeded, "analyst@test", "customers.csv", "customers", "GBP", 2, 2, 0, 0),
            (batch.Status, batch.UserName, batch.FileName, batch.Format, batch.Currency, batch.RowsRead, batch.RowsImported, batch.DuplicateRows,
                batch.RejectedRows));
        Assert.InRange(batch.StartedAtUtc, before, after);
        Assert.InRange(batch.FinishedAtUtc!.Value, batch.StartedAtUtc, after);
        Assert.Equal((null, null), (batch.UndoneAtUtc, batch.UndoneBy));
        Assert.Equal(report.ToJson(), batch.ReportJson);
        var audit = await db.AuditEntries.SingleAsync(Token);
        Assert.Equal((ImportPipeline.AuditAction, "analyst@test", $"batch {batch.Id}", "customers: customers.csv", (int?)2),
            (audit.Action, audit.UserName, audit.Target, audit.Details, audit.RowCount));
        Assert.InRange(audit.AtUtc, batch.StartedAtUtc, after);
    }

    [Fact]
    public async Task ImportAsync_Cancelled_RollsBackAndLeavesDatabaseUnchanged()
    {
        var pipeline = new ImportPipeline(Context.Database.Factory, BusinessCalendar.ForZone("Europe/Paris"),
            new AuditLog(Context.Database.Factory, TimeProvider.System), TimeProvider.System,
                Microsoft.Extensions.Options.Options.Create(new ImportOptions { ProgressEveryRows = 1 }));
        var path = Context.WriteFile("customers.csv", Customers + "C3,Grace,Hopper,g@example.com,USA,2024-03-01\n");
        var before = await Context.CountAsync();
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(p =>
        {
            if (p.RowsProcessed >= 2)
            {
                cts.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            pipeline.ImportAsync(path, "customers.csv", ImportFormat.Customers, "u", progress, cts.Token));
        Assert.Equal(before, await Context.CountAsync());
    }

    [Fact]
    public async Task ImportAsync_OrderLines_StoresInstantsAndDatesExactlyAsEfCoreDoes()
    {
        var path = Context.WriteFile("lines.csv", "OrderId,CustomerId,OrderedAt,ProductCode,Quantity,UnitPrice\n" +
            "O1,C1,2024-03-15 14:30:00.25,P1,1,10\nO2,C1,2024-03-16 09:00,P1,1,10\n");
        Assert.True((await Context.ImportAsync(path, ImportFormat.OrderLines, Token)).Succeeded);
        await using (var db = Context.Database.CreateContext())
        {
            var imported = await db.Orders.AsNoTracking().OrderBy(o => o.SourceOrderId).ToListAsync(Token);
            db.Orders.AddRange(imported.Select(o => new Order
            {
                Source = "ef", SourceOrderId = o.SourceOrderId, CustomerId = o.CustomerId,
                    OrderedAtUtc = o.OrderedAtUtc, BusinessDate = o.BusinessDate,
                BusinessMonth = o.BusinessMonth, Channel = o.Channel, Kind = o.Kind, AmountMilli = o.AmountMilli,
            }));
            await db.SaveChangesAsync(Token);
        }

        // The same stored values (on SQLite the same text): raw SQL comparing them, or the sqlite3 shell, sees one value.
        await using var check = Context.Database.CreateContext();
        var same = await check.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*) AS \"Value\" FROM \"Orders\" a JOIN \"Orders\" b ON b.\"SourceOrderId\" = a.\"SourceOrderId\" AND b.\"Source\" = 'ef' " +
            "WHERE a.\"Source\" = 'order-lines' AND a.\"OrderedAtUtc\" = b.\"OrderedAtUtc\" AND a.\"BusinessDate\" = b.\"BusinessDate\"")
            .SingleAsync(Token);
        Assert.Equal(2, same);
        var o1 = await check.Orders.SingleAsync(o => o.Source == "order-lines" && o.SourceOrderId == "O1", Token);
        Assert.Equal(new DateTime(2024, 3, 15, 13, 30, 0).AddMilliseconds(250), o1.OrderedAtUtc);
    }

    [Fact]
    public async Task ImportAsync_OrderLines_CancelledWhileWriting_LeavesNothing()
    {
        var pipeline = new ImportPipeline(Context.Database.Factory, BusinessCalendar.ForZone("Europe/Paris"),
            new AuditLog(Context.Database.Factory, TimeProvider.System), TimeProvider.System, databaseCurrency: Context.Currency);
        var path = Context.WriteFile("lines.csv", "OrderId,CustomerId,OrderedAt,ProductCode,Quantity,UnitPrice\n" +
            string.Concat(Enumerable.Range(1, 12_000).Select(i => $"O{i},C{i % 50},2024-03-15 14:30,P1,1,10\n")));
        var before = await Context.CountAsync();
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(p =>
        {
            // Orders are written in steps of 5,000: this report comes once the first 5,000 are written.
            if (p.Phase == ImportPhase.Writing && p.Fraction > 0)
            {
                cts.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            pipeline.ImportAsync(path, "lines.csv", ImportFormat.OrderLines, "u", progress, cts.Token));
        Assert.Equal(before, await Context.CountAsync());
        Assert.True((await Context.ImportAsync(path, ImportFormat.OrderLines, Token)).Succeeded);
        Assert.Equal(12_000, (await Context.CountAsync()).Orders);
    }

    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

/// <summary>Every test of <see cref="ImportFormatsTests"/> on PostgreSQL.</summary>
public sealed class ImportFormatsOnPostgresTests : ImportFormatsTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

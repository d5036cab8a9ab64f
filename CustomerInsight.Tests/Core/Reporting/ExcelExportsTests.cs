namespace CustomerInsight.Tests.Core.Reporting;

/// <summary>
/// The four workbooks end to end on a real SQLite file holding hostile texts (each starting with a
/// dangerous character) in names, e-mails, product descriptions, survey comments, consent proofs and
/// OMOC justifications: every workbook reads back with the texts intact and no formula anywhere, the
/// figures equal the query services', an analyst's export has no personal data, every export is audited.
/// </summary>
public class ExcelExportsTests : DatabaseTestBase
{
    private static readonly string[] Dangerous = ExcelReportWriterTests.Dangerous;
    private static readonly Period March = Period.Range(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1));

    private ExcelExports exports = null!;
    private ExcelExports streamingExports = null!;
    private int projectId;
    private int hostileCustomerId;

    private static ReportRequester Analyst => new("analyst@test", new CultureInfo("fr-FR"));

    private static ReportRequester Admin => new("admin@test", new CultureInfo("en-GB"), IncludePersonalData: true);

    protected override async Task ArrangeAsync()
    {
        var clock = TimeProvider.System;
        var rfm = Options.Create(new RfmOptions());
        ExcelExports NewExports(int streamRowsAbove) => new(
            new KpiQueries(Database.Factory), new SatisfactionQueries(Database.Factory), new RfmQueries(Database.Factory, rfm),
            new OmocQueries(Database.Factory), new CustomerFileQueries(Database.Factory), new AppSecrets(Database.Factory),
            new AuditLog(Database.Factory, clock), CoreTexts.Settings("Test Co", "EUR", TimeZoneInfo.Utc),
                rfm, clock) { StreamRowsAbove = streamRowsAbove };
        exports = NewExports(ExcelReportWriter.DefaultStreamRowsAbove);
        // Every table streamed, as the 100,000-customer RFM sheet is.
        streamingExports = NewExports(0);

        await using var db = Database.CreateContext();
        var customers = Dangerous.Select((d, i) => new Customer
        {
            SourceId = $"S{i}",
            FirstName = d,
            LastName = $"{d}Last",
            Email = $"{d}@mail{i}.example",
            Phone = $"+33 6 00 00 00 {i:00}",
            City = d,
            CreatedAtUtc = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        }).ToList();
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();
        hostileCustomerId = customers[0].Id;

        var orderNo = 0;
        foreach (var (customer, i) in customers.Select((c, i) => (c, i)))
        {
            // One catalogue entry per customer's texts, shared by its orders' lines (an entry is unique by code and description).
            var product = new Product { Code = Dangerous[i], Description = Dangerous[(i + 1) % Dangerous.Length] };
            for (var k = 0; k <= i % 3; k++)
            {
                var date = new DateOnly(2026, 2 + (k % 2), 3 + i);
                var order = TestOrders.Create($"{Dangerous[i]}{++orderNo}", customer.Id, date, 10m * (i + 1), channel: (Channel)(i % 4));
                order.Lines = [new OrderLine { Product = product,
                    Quantity = 1, UnitPriceMilli = order.AmountMilli, AmountMilli = order.AmountMilli }];
                db.Orders.Add(order);
            }
            db.SurveyResponses.Add(TestSurveys.Create($"R{i}", new DateOnly(2026, 3, 10 + i), i + 3, (i % 5) + 1, (SurveyKind)(i % 2),
                i % 3 == 0 ? null : Channel.Web, Dangerous[i], customer.Id, new TimeOnly(9, 0)));
            db.ConsentRecords.Add(new ConsentRecord
            {
                CustomerId = customer.Id,
                Purpose = ConsentPurpose.EmailMarketing,
                Status = ConsentStatus.Granted,
                RecordedAtUtc = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc),
                Source = Dangerous[i],
                ProofReference = Dangerous[i],
            });
        }

        var project = new ChangeProject { Name = Dangerous[0], Description = Dangerous[1],
            StartDate = new DateOnly(2026, 1, 1), GoLiveDate = new DateOnly(2026, 6, 1) };
        var populations = Dangerous.Take(3).Select((d, i) =>
            new Population { Name = d + i, Headcount = 10 * (i + 1), ChangeProject = project }).ToList();
        var workshops = new[]
        {
            new Workshop { Title = Dangerous[2], Date = new DateOnly(2026, 2, 1), Phase =
                WorkshopPhase.BeforeGoLive, Facilitator = Dangerous[3], ChangeProject = project },
            new Workshop { Title = "[Bilan]: 1/2?", Date = new DateOnly(2026, 7, 1), Phase = WorkshopPhase.AfterGoLive, ChangeProject = project },
        };
        db.ChangeProjects.Add(project);
        foreach (var workshop in workshops)
        {
            foreach (var (population, i) in populations.Select((p, i) => (p, i)))
            {
                db.OmocAssessments.Add(new OmocAssessment
                {
                    Workshop = workshop,
                    Population = population,
                    ToolsScore = 1 + i,
                    JobScore = 4,
                    OrganisationScore = 3,
                    CultureScore = 1,
                    ToolsJustification = Dangerous[i],
                    JobJustification = Dangerous[i + 1],
                    OrganisationJustification = Dangerous[i + 2],
                    CultureJustification = Dangerous[i + 3],
                    Status = AssessmentStatus.Completed,
                    UpdatedAtUtc = DateTime.UtcNow,
                });
            }
        }
        await db.SaveChangesAsync();
        projectId = project.Id;
    }

    private static async Task<XLWorkbook> ExportAsync(Func<Stream, Task<ExportResult?>> export)
    {
        var stream = new MemoryStream();
        Assert.NotNull(await export(stream));
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    private ExcelExports Exports(bool streamed) => streamed ? streamingExports : exports;

    private Task<XLWorkbook> KpiAsync(ReportRequester who, bool streamed = false) =>
        ExportAsync(async s => await Exports(streamed).ExportKpiAsync(s, March, null, who, TestContext.Current.CancellationToken));

    private Task<XLWorkbook> RfmAsync(ReportRequester who, bool streamed = false) =>
        ExportAsync(async s => await Exports(streamed).ExportRfmAsync(s, new DateOnly(2026, 4, 1), who, TestContext.Current.CancellationToken));

    private Task<XLWorkbook> OmocAsync(ReportRequester who, bool streamed = false) =>
        ExportAsync(s => Exports(streamed).ExportOmocAsync(s, projectId, who, TestContext.Current.CancellationToken));

    private Task<XLWorkbook> CustomerAsync(ReportRequester who, int id, bool streamed = false) =>
        ExportAsync(s => Exports(streamed).ExportCustomerAsync(s, id, who, TestContext.Current.CancellationToken));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryWorkbook_HostileTexts_IntactAndNoFormulaAnywhere(bool streamed)
    {
        var books = new List<XLWorkbook> { await KpiAsync(Admin, streamed), await RfmAsync(Admin, streamed), await OmocAsync(Admin, streamed) };
        var db = Database.CreateContext();
        await using (db)
        {
            foreach (var id in await db.Customers.Select(c => c.Id).ToListAsync(TestContext.Current.CancellationToken))
            {
                books.Add(await CustomerAsync(Admin, id, streamed));
            }
        }
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var book in books)
        {
            ExcelReportWriterTests.AssertNoFormula(book);
            texts.UnionWith(ExcelReportWriterTests.AllTexts(book));
            foreach (var cell in book.Worksheets.SelectMany(s => s.CellsUsed()).Where(c =>
                c.DataType == XLDataType.Text && ExcelReportWriter.IsFormulaLike(c.GetString())))
            {
                Assert.True(cell.Style.IncludeQuotePrefix, $"{cell.Worksheet.Name}!{cell.Address}");
            }
            book.Dispose();
        }
        foreach (var d in Dangerous.Select(ExcelReportWriterTests.WithLineFeeds))
        {
            Assert.True(texts.Contains(d),
                $"missing {d.Replace("\n", "\\n", StringComparison.Ordinal)}"); // comment, justification, product code, city…
            Assert.Contains($"{d}Last", texts);   // last name (admin export)
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExportRfmAsync_Analyst_NoNameEmailOrPhoneAnywhere(bool streamed)
    {
        using var book = await RfmAsync(Analyst, streamed);
        await using var db = Database.CreateContext();
        var personal = (await db.Customers.ToListAsync(TestContext.Current.CancellationToken))
            .SelectMany(c => new[] { c.FirstName, c.LastName, c.Email, c.Phone, c.City })
            .ToList();
        var texts = ExcelReportWriterTests.AllTexts(book);
        Assert.NotEmpty(texts);
        foreach (var value in personal.OfType<string>())
        {
            Assert.DoesNotContain(texts, t => t.Contains(value, StringComparison.Ordinal));
        }
        var customers = book.Worksheet("Clients");
        Assert.Equal(8, customers.Tables.Single().Fields.Count());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExportRfmAsync_Analyst_FiguresEqualRfmQueries(bool streamed)
    {
        var date = new DateOnly(2026, 4, 1);
        var queries = new RfmQueries(Database.Factory, Options.Create(new RfmOptions()));
        var summary = await queries.GetSummaryAsync(date, TestContext.Current.CancellationToken);
        var rows = await queries.GetCustomerRowsAsync(date,
            await new AppSecrets(Database.Factory).GetOrCreateAsync(AppSecret.CustomerKey, TestContext.Current.CancellationToken),
            false, TestContext.Current.CancellationToken);
        using var book = await RfmAsync(Analyst, streamed);

        var segments = book.Worksheet("Segments");
        var first = ExcelReportWriter.HeaderRow + 1;
        for (var i = 0; i < summary.Segments.Count; i++)
        {
            Assert.Equal(summary.Segments[i].Segment.Code(), segments.Cell(first + i, 7).GetString());
            Assert.Equal(summary.Segments[i].Customers, segments.Cell(first + i, 2).GetValue<int>());
            Assert.Equal((double)summary.Segments[i].Monetary, segments.Cell(first + i, 4).GetDouble(), 6);
        }
        var sheet = book.Worksheet("Clients");
        Assert.Equal(rows.Count, sheet.Tables.Single().DataRange.RowCount());
        Assert.Equal(ExcelReportWriter.HeaderRow, sheet.SheetView.SplitRow);
        Assert.True(sheet.Tables.Single().ShowAutoFilter);
        Assert.True(sheet.Cell(first + rows.Count, 1).IsEmpty());
        Assert.Contains("€", sheet.Cell(first, 4).Style.NumberFormat.Format, StringComparison.Ordinal);
        Assert.Equal("#,##0", sheet.Cell(first, 2).Style.NumberFormat.Format);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = first + i;
            Assert.Equal(rows[i].CustomerKey, sheet.Cell(r, 1).GetString());
            Assert.Equal(XLDataType.Number, sheet.Cell(r, 2).DataType);
            Assert.Equal(rows[i].Score.Recency, sheet.Cell(r, 2).GetValue<int>());
            Assert.Equal(rows[i].Score.Frequency, sheet.Cell(r, 3).GetValue<int>());
            Assert.Equal((double)rows[i].Score.Monetary, sheet.Cell(r, 4).GetDouble(), 6);
            Assert.Equal([rows[i].Score.RecencyScore, rows[i].Score.FrequencyScore, rows[i].Score.MonetaryScore],
                [sheet.Cell(r, 5).GetValue<int>(), sheet.Cell(r, 6).GetValue<int>(), sheet.Cell(r, 7).GetValue<int>()]);
            Assert.Equal(rows[i].Score.Segment.Name().French(), sheet.Cell(r, 8).GetString());
        }
    }

    [Fact]
    public async Task ExportKpiAsync_March_FiguresEqualKpiQueries()
    {
        var sales = await new KpiQueries(Database.Factory).GetSalesKpisAsync(March, null, cancellationToken: TestContext.Current.CancellationToken);
        using var book = await KpiAsync(Analyst);
        var sheet = book.Worksheet("Indicateurs");
        var byCode = Enumerable.Range(ExcelReportWriter.HeaderRow + 1, 18).ToDictionary(r => sheet.Cell(r, 6).GetString(), r => r);

        void Equal(string code, double? current, double? previous)
        {
            var row = byCode[code];
            Assert.Equal(current is null, sheet.Cell(row, 2).IsEmpty());
            Assert.Equal(previous is null, sheet.Cell(row, 3).IsEmpty());
            if (current is { } c)
            {
                Assert.Equal(XLDataType.Number, sheet.Cell(row, 2).DataType);
                Assert.Equal(c, sheet.Cell(row, 2).GetDouble(), 9);
            }
            if (previous is { } p)
            {
                Assert.Equal(p, sheet.Cell(row, 3).GetDouble(), 9);
            }
        }
        Assert.True(sales.Current.Orders > 0);
        Equal("orders", sales.Current.Orders, sales.Previous.Orders);
        Equal("grossSales", (double)sales.Current.GrossSales, (double)sales.Previous.GrossSales);
        Equal("netRevenue", (double)sales.Current.NetRevenue, (double)sales.Previous.NetRevenue);
        Equal("averageBasket", (double?)sales.Current.AverageBasket, (double?)sales.Previous.AverageBasket);
        Equal("activeCustomers", sales.Current.ActiveCustomers, sales.Previous.ActiveCustomers);
        Equal("newCustomers", sales.Current.NewCustomers, sales.Previous.NewCustomers);
        Equal("repeatPurchaseRate", sales.Current.RepeatPurchaseRate, sales.Previous.RepeatPurchaseRate);
        Equal("retentionRate", sales.Current.RetentionRate, sales.Previous.RetentionRate);
        Assert.Equal("0.0%", sheet.Cell(byCode["retentionRate"], 2).Style.NumberFormat.Format);
        Assert.Contains("€", sheet.Cell(byCode["grossSales"], 2).Style.NumberFormat.Format, StringComparison.Ordinal);
        Assert.Equal(["Indicateurs", "Tendance mensuelle", "Ventes par canal", "Cohortes", "Satisfaction"], book.Worksheets.Select(s => s.Name));
        Assert.All(book.Worksheets, s => Assert.Equal(ExcelReportWriter.HeaderRow, s.SheetView.SplitRow));
        Assert.Equal(XLDataType.DateTime, book.Worksheet("Tendance mensuelle").Cell(ExcelReportWriter.HeaderRow + 1, 1).DataType);
    }

    [Fact]
    public async Task ExportRfmAsync_QuintilesLeavingLevelsEmpty_SegmentsAndGridSheetsNameThemAndTheSetting()
    {
        var summary = await new RfmQueries(Database.Factory,
            Options.Create(new RfmOptions())).GetSummaryAsync(new DateOnly(2026, 4, 1), TestContext.Current.CancellationToken);
        Assert.NotEmpty(summary.EmptyLevels!.Frequency);

        using var book = await RfmAsync(Analyst);

        foreach (var name in new[] { "Segments", "Grille R×F" })
        {
            var scores = book.Worksheet(name).Cell(4, 2).GetString();
            Assert.Contains("F en quintiles (Rfm:FrequencyScoring = Quintiles)", scores, StringComparison.Ordinal);
            Assert.All(summary.EmptyLevels.Frequency, level => Assert.Contains($"F {level}", scores, StringComparison.Ordinal));
            Assert.Contains("Rfm:FrequencyScoring = Thresholds les remplit", scores, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ExportKpiAsync_FebruaryPartlyBeforeTheFirstOrder_EverySheetSaysPartial()
    {
        // The first order is on 3 February 2026: 26 of February's 28 days lie between the first and last day with data.
        using var book = await KpiAsync(Analyst);

        Assert.All(book.Worksheets, sheet => Assert.Contains(
            "Comparaison\u00a0: période précédente, partielle (92,9\u00a0% des jours ont des données)",
                sheet.Cell(4, 2).GetString(), StringComparison.Ordinal));
        var kpis = book.Worksheet("Indicateurs");
        Assert.Contains("(période précédente 01/02/2026 – 28/02/2026)", kpis.Cell(3, 2).GetString(), StringComparison.Ordinal);
        Assert.False(kpis.Cell(ExcelReportWriter.HeaderRow + 1, 4).IsEmpty());
    }

    [Fact]
    public async Task ExportKpiAsync_LastYearWithoutData_SaysNotAvailableAndWritesNoChange()
    {
        var stream = new MemoryStream();
        await exports.ExportKpiAsync(stream, March, ComparisonMode.LastYear, null, null, Admin, TestContext.Current.CancellationToken);
        stream.Position = 0;
        using var book = new XLWorkbook(stream);

        var kpis = book.Worksheet("KPIs");
        Assert.Contains("(same period last year 01/03/2025 – 31/03/2025)", kpis.Cell(3, 2).GetString(), StringComparison.Ordinal);
        Assert.All(book.Worksheets, sheet => Assert.Contains(
            "Comparison: same period last year, n/a: no data in the comparison period, no change",
                sheet.Cell(4, 2).GetString(), StringComparison.Ordinal));
        var lines = Enumerable.Range(ExcelReportWriter.HeaderRow + 1, 18).ToList();
        Assert.Equal("orders", kpis.Cell(lines[0], 6).GetString());
        Assert.All(lines, row => Assert.True(kpis.Cell(row, 4).IsEmpty()));
        Assert.True(kpis.Cell(lines[0], 2).GetDouble() > 0);
        await using var db = Database.CreateContext();
        var details = await db.AuditEntries.Where(e => e.Action == ExcelExports.AuditAction).Select(e =>
            e.Details).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(details, d => d != null && d.Contains("compare=last-year", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportOmocAsync_KpisSixMonthsAroundGoLive_ReadBackWithPartialAndEmptySidesMarked()
    {
        // Go-live 1 June 2026: before = December 2025 – May 2026, after = June – November 2026. Orders only in
        // February and March 2026, so the before side is partial and the after side has no data at all.
        using var book = await OmocAsync(Analyst);
        var sheet = book.Worksheet("KPI autour mise en service");
        var table = sheet.Tables.Single();
        Assert.Equal(["Mois", "Côté", "CA net", "Commandes", "NPS", "CSAT", "Couverture du mois", "Comparaison (6 mois de ce côté)"],
            table.Fields.Select(f => f.Name).ToList());
        var rows = table.DataRange.Rows().ToList();
        Assert.Equal(12, rows.Count);
        Assert.Equal(new DateTime(2025, 12, 1), rows[0].Cell(1).GetDateTime());
        Assert.Equal(new DateTime(2026, 11, 1), rows[11].Cell(1).GetDateTime());
        Assert.Equal(["avant", "avant", "avant", "avant", "avant", "avant", "après", "après", "après", "après", "après", "après"],
            rows.Select(r => r.Cell(2).GetString()).ToList());

        await using var db = Database.CreateContext();
        var february = await db.Orders.Where(o => o.BusinessMonth == 202602
            && o.Kind == OrderKind.Sale).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(february.Count, rows[2].Cell(4).GetDouble());
        Assert.Equal(february.Sum(o => o.AmountMilli) / 1000m, (decimal)rows[2].Cell(3).GetDouble());
        Assert.Equal(0, rows[6].Cell(4).GetDouble());
        Assert.True(rows[3].Cell(5).GetDouble() is >= -100 and <= 100); // March holds the survey answers: an NPS
        Assert.True(rows[0].Cell(5).IsEmpty()); // no answer in December: no NPS, not 0

        var first = await db.Orders.MinAsync(o => o.BusinessDate, TestContext.Current.CancellationToken);
        var last = await db.Orders.MaxAsync(o => o.BusinessDate, TestContext.Current.CancellationToken);
        var before = (last.DayNumber - first.DayNumber + 1) / (double)GoLiveTrend.Before(new DateOnly(2026, 6, 1)).Days;
        var partial = string.Format(CultureInfo.GetCultureInfo("fr-FR"), "partielle ({0:0} % des jours ont des données)", before * 100);
        Assert.All(rows.Take(6), r => Assert.Equal(partial, r.Cell(8).GetString()));
        Assert.All(rows.Skip(6), r => Assert.Equal("n/a (aucune donnée)", r.Cell(8).GetString()));
        Assert.Equal(0, rows[0].Cell(7).GetDouble());
        Assert.Equal(0, rows[11].Cell(7).GetDouble());
    }

    [Fact]
    public async Task ExportOmocAsync_Project_OneSheetPerWorkshopWithValidNames()
    {
        using var book = await OmocAsync(Analyst);
        var names = book.Worksheets.Select(s => s.Name).ToList();
        Assert.Equal(8, names.Count); // summary, two workshops, plan, plan actions, trend, radar, KPIs around go-live
        Assert.Contains("2026-07-01 _Bilan__ 1_2_", names);
        Assert.All(names, n => Assert.True(n.Length <= 31 && n.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0, n));
        var workshop = book.Worksheet(2);
        var header = workshop.Tables.Single().Fields.Select(f => f.Name).ToList();
        Assert.Contains("Outils – justification", header);
        Assert.Equal(ExcelReportWriterTests.WithLineFeeds(Dangerous[0]), workshop.Cell(ExcelReportWriter.HeaderRow + 1, 5).GetString());
        Assert.Equal(XLDataType.Number, workshop.Cell(ExcelReportWriter.HeaderRow + 1, 4).DataType);
    }

    [Fact]
    public async Task ExportCustomerAsync_AnalystWithoutPersonalData_KeyOnlyNoCommentNoProof_HistoryPresent()
    {
        using var book = await CustomerAsync(Analyst, hostileCustomerId);
        var texts = ExcelReportWriterTests.AllTexts(book);
        Assert.DoesNotContain(texts, t => t.Contains("@mail0.example", StringComparison.Ordinal));
        Assert.DoesNotContain("S0", texts);
        Assert.Equal(["Profil", "Consentements", "Historique des consentements", "Commandes", "Enquêtes"], book.Worksheets.Select(s => s.Name));
        // Comments and proof references are personal data (erasure removes them): only in an admin's file with personal data.
        Assert.Equal([], HeadersOf(book, "Commentaire", "Preuve"));
        var answers = book.Worksheet("Enquêtes");
        Assert.Equal((3, 1),
            (answers.Cell(ExcelReportWriter.HeaderRow + 1, 5).GetValue<int>(), answers.Cell(ExcelReportWriter.HeaderRow + 1, 6).GetValue<int>()));

        using var admin = await CustomerAsync(Admin, hostileCustomerId);
        Assert.Equal(["Proof", "Proof", "Comment"], HeadersOf(admin, "Comment", "Proof")); // the admin reads English
        Assert.Equal([], HeadersOf(book, "Comment", "Proof"));
        Assert.Equal(ExcelReportWriterTests.WithLineFeeds(Dangerous[0]),
            admin.Worksheet("Surveys").Cell(ExcelReportWriter.HeaderRow + 1, 7).GetString());
    }

    private static List<string> HeadersOf(XLWorkbook book, params string[] names) =>
        [.. book.Worksheets.SelectMany(s => s.Row(ExcelReportWriter.HeaderRow).CellsUsed()).Select(c => c.GetString()).Where(names.Contains)];

    [Fact]
    public async Task Exports_EveryKind_AuditedWithRowsAndPersonalFlag()
    {
        (await RfmAsync(Analyst)).Dispose();
        (await CustomerAsync(Admin, hostileCustomerId)).Dispose();
        Assert.Null(await exports.ExportOmocAsync(new MemoryStream(), 9999, Analyst, TestContext.Current.CancellationToken));
        await using var db = Database.CreateContext();
        var entries = await db.AuditEntries.Where(e => e.Action == ExcelExports.AuditAction).OrderBy(e =>
            e.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, entries.Count);
        Assert.Equal(("analyst@test", "rfm"), (entries[0].UserName, entries[0].Target));
        Assert.Equal(Dangerous.Length, entries[0].RowCount);
        Assert.Contains("personalData=no", entries[0].Details, StringComparison.Ordinal);
        Assert.Contains("date=2026-04-01", entries[0].Details, StringComparison.Ordinal);
        Assert.Equal("admin@test", entries[1].UserName);
        Assert.Contains("personalData=yes", entries[1].Details, StringComparison.Ordinal);
        Assert.DoesNotContain("@mail", entries[1].Details, StringComparison.Ordinal);
    }
}

/// <summary>Every test of <see cref="ExcelExportsTests"/> on PostgreSQL.</summary>
public sealed class ExcelExportsOnPostgresTests : ExcelExportsTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

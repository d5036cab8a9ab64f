namespace CustomerInsight.Tests.Core.Rfm;

/// <summary>
/// The RFM segmentation versioned (product.md page 11) on a real SQLite file, five hand-made customers at 2026-01-01:
/// P1 one order on 2025-12-31, P2 two (last 2025-12-20), P3 three (last 2025-11-01), P4 four (last 2025-06-01), P5 six
/// (last 2025-01-01). Recency quintiles give R 5, 4, 3, 2, 1; frequency quintiles F 1 to 5, so with metrics.md's grid
/// P1 is a new customer, P2 a potential loyalist, P3 needs attention, P4 is at risk, P5 can't be lost. Version 2 scores F by
/// thresholds [2, 4, 6, 8] (1 → 1, 2 → 2, 3 → 2, 4 → 3, 6 → 4) and makes the R 5 × F 1 cell "promising": P1 promising,
/// P2 (4, 2) potential loyalist, P3 (3, 2) about to sleep, P4 (2, 3) and P5 (1, 4) at risk.
/// </summary>
public sealed class RfmGridVersionsTests : IAsyncLifetime
{
    private static readonly DateOnly AnalysisDate = new(2026, 1, 1);
    private static readonly int[] Thresholds = [2, 4, 6, 8];

    private TestDatabase database = null!;
    private RfmQueries rfm = null!;
    private RfmGridCommands commands = null!;
    private long nextOrder = 1;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RfmGrid Version2Grid()
    {
        var rows = RfmGrid.Default.ToRows().ToArray();
        rows[0] = rows[0].Replace("new_customers", "promising", StringComparison.Ordinal);
        return RfmGrid.Parse(rows);
    }

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        rfm = new RfmQueries(database.Factory, Options.Create(new RfmOptions()));
        commands = new RfmGridCommands(database.Factory, rfm, new AuditLog(database.Factory, TimeProvider.System), TimeProvider.System);
        await using var db = database.CreateContext();
        var customers = Enumerable.Range(1, 5)
            .Select(i => new Customer { SourceId = $"P{i}", CreatedAtUtc = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc) })
            .ToArray();
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync(Ct);
        (string Last, int Orders)[] plan = [("2025-12-31", 1), ("2025-12-20", 2), ("2025-11-01", 3), ("2025-06-01", 4), ("2025-01-01", 6)];
        for (var i = 0; i < plan.Length; i++)
        {
            var last = DateOnly.Parse(plan[i].Last, CultureInfo.InvariantCulture);
            for (var k = 0; k < plan[i].Orders; k++)
            {
                db.Orders.Add(NewOrder(customers[i].Id, last.AddDays(-10 * k), 100m));
            }
        }
        await db.SaveChangesAsync(Ct);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private Order NewOrder(int customerId, DateOnly businessDate, decimal amount) =>
        TestOrders.Create((nextOrder++).ToString(CultureInfo.InvariantCulture), customerId, businessDate, amount);

    private static Dictionary<RfmSegment, int> Counts(RfmSummary summary) =>
        summary.Segments.Where(s => s.Customers > 0).ToDictionary(s => s.Segment, s => s.Customers);

    private Task<RfmGridSaveResult> SaveVersion2Async(int basedOn = 1, string? reason = "Seuils adaptés aux achats rares") =>
        commands.SaveAsync(RfmFrequencyScoring.Thresholds, Thresholds, Version2Grid(), basedOn, reason, "analyste@test.local", Ct);

    [Fact]
    public async Task NothingSaved_Version1IsTheConfiguration_AndScoresTheMetricsGrid()
    {
        var versions = await rfm.GetSettingsVersionsAsync(Ct);

        var only = Assert.Single(versions);
        Assert.Equal((1, true, (DateTime?)null), (only.Version, only.FromConfiguration, only.SavedAtUtc));
        var summary = await rfm.GetSummaryAsync(AnalysisDate, Ct);
        Assert.Equal(1, summary.Settings!.Version);
        Assert.Equal(new Dictionary<RfmSegment, int>
        {
            [RfmSegment.NewCustomers] = 1, [RfmSegment.PotentialLoyalists] = 1, [RfmSegment.NeedAttention] = 1,
            [RfmSegment.AtRisk] = 1, [RfmSegment.CantLoseThem] = 1,
        }, Counts(summary));
    }

    [Fact]
    public async Task SaveAsync_ThresholdsAndChangedCell_Version2WithWhoWhenWhy_CountsExactly()
    {
        var result = await SaveVersion2Async();

        Assert.Equal(2, result.Version);
        var versions = await rfm.GetSettingsVersionsAsync(Ct);
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        // Version 1 is kept as the configuration was, so figures that name it stay true if the configuration changes.
        Assert.True(versions[1].FromConfiguration);
        Assert.Equal(RfmFrequencyScoring.Quintiles, versions[1].FrequencyScale.Scoring);
        Assert.Equal(RfmSegment.NewCustomers, versions[1].Grid.SegmentOf(5, 1));
        Assert.Equal(("analyste@test.local", "Seuils adaptés aux achats rares", false),
            (versions[0].SavedBy, versions[0].Reason, versions[0].FromConfiguration));
        Assert.NotNull(versions[0].SavedAtUtc);
        Assert.Equal(Thresholds, versions[0].FrequencyScale.Thresholds);

        var summary = await rfm.GetSummaryAsync(AnalysisDate, Ct);
        Assert.Equal(2, summary.Settings!.Version);
        Assert.Equal(new Dictionary<RfmSegment, int>
        {
            [RfmSegment.Promising] = 1, [RfmSegment.PotentialLoyalists] = 1, [RfmSegment.AboutToSleep] = 1, [RfmSegment.AtRisk] = 2,
        }, Counts(summary));
        await using var db = database.CreateContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == RfmGridCommands.SaveAuditAction, Ct);
        Assert.Equal(("analyste@test.local", "rfm:v2"), (audit.UserName, audit.Target));
    }

    [Fact]
    public async Task SaveAsync_NoReason_StaleVersion_Unchanged_BadThresholds_NothingSaved()
    {
        Assert.Equal(RfmGridSaveResult.ReasonRequired, (await SaveVersion2Async(reason: " ")).Error);
        Assert.Equal(RfmGridSaveResult.Conflict, (await SaveVersion2Async(basedOn: 3)).Error);
        Assert.Equal(RfmGridSaveResult.Unchanged,
            (await commands.SaveAsync(RfmFrequencyScoring.Quintiles,
            RfmFrequencyScale.DefaultThresholds, RfmGrid.Default, 1, "rien", "a@test", Ct)).Error);
        Assert.Equal(RfmGridSaveResult.Thresholds,
            (await commands.SaveAsync(RfmFrequencyScoring.Thresholds, [2, 2, 4, 6], RfmGrid.Default, 1, "seuils", "a@test", Ct)).Error);

        Assert.Single(await rfm.GetSettingsVersionsAsync(Ct));
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Set<RfmGridVersion>().CountAsync(Ct));
    }

    [Fact]
    public async Task ScoreCache_AfterASave_ServesTheNewVersion()
    {
        var cache = new RfmScoreCache(rfm, database.Factory, TimeProvider.System);
        Assert.Equal(1, (await cache.GetAsync(AnalysisDate, Ct)).Settings!.Version);

        await SaveVersion2Async();

        var scores = await cache.GetAsync(AnalysisDate, Ct);
        Assert.Equal(2, scores.Settings!.Version);
        Assert.Equal(2, scores.Customers.Count(c => c.Segment == RfmSegment.AtRisk));
    }

    [Fact]
    public async Task Migration_ScoresBothDatesWithTheSameVersion()
    {
        var earlierDate = new DateOnly(2025, 12, 25);
        var earlierV1 = await rfm.ScoreAsync(earlierDate, Ct);
        await SaveVersion2Async();
        var later = await rfm.ScoreAsync(AnalysisDate, Ct);

        // Mixing versions is refused by the pure calculator; the query service scores the earlier date again with the later's version.
        Assert.Throws<ArgumentException>(() => RfmMigrationCalculator.Calculate(earlierV1, later));
        var migration = await rfm.GetMigrationAsync(earlierV1, later, Ct);

        Assert.Equal(2, migration.Settings!.Version);
        var expected = RfmMigrationCalculator.Calculate(await rfm.ScoreAsync(earlierDate, Ct), later);
        Assert.Equal(expected.Flows, migration.Flows);
        // At 2025-12-25, P1 had not bought yet: new at the later date, placed by version 2 (promising).
        Assert.Equal(1, migration.Flow(null, RfmSegment.Promising).Customers);
    }

    [Fact]
    public async Task RfmWorkbook_ReadBack_NamesTheVersionOnEverySheet()
    {
        await SaveVersion2Async();
        var exports = new ExcelExports(
            new KpiQueries(database.Factory), new SatisfactionQueries(database.Factory), rfm, new OmocQueries(database.Factory),
            new CustomerFileQueries(database.Factory), new AppSecrets(database.Factory), new AuditLog(database.Factory, TimeProvider.System),
            CoreTexts.Settings("Test Co", "EUR", TimeZoneInfo.Utc), Options.Create(new RfmOptions()), TimeProvider.System);

        using var stream = new MemoryStream();
        var result = await exports.ExportRfmAsync(stream, AnalysisDate, new ReportRequester("analyste@test.local", new CultureInfo("fr-FR")), Ct);

        Assert.Equal(2, result.RfmSummary!.Settings!.Version);
        stream.Position = 0;
        using var book = new XLWorkbook(stream);
        var saved = (await rfm.GetSettingsAsync(Ct)).SavedAtUtc!.Value;
        var expected = $"grille RFM, version 2 du {DateOnly.FromDateTime(saved).ToString("d", new CultureInfo("fr-FR"))}";
        Assert.All(book.Worksheets, sheet => Assert.Contains(sheet.Range(1, 1, ExcelReportWriter.HeaderRow - 1, 4).CellsUsed(),
            c => c.GetString().Contains(expected, StringComparison.Ordinal)));
        var segments = book.Worksheet("Segments");
        var promising = Enumerable.Range(ExcelReportWriter.HeaderRow + 1, 10).Single(r => segments.Cell(r, 7).GetString() == "promising");
        Assert.Equal(1, segments.Cell(promising, 2).GetValue<int>());
    }
}

using CustomerInsight.Core.Importing.Generation;

namespace CustomerInsight.Tests.Core.Sales;

/// <summary>
/// The sales summaries (day × channel, customer, customer × month) against the orders they are built from: the figures
/// read from them equal a direct computation over the orders on a generated dataset (returns, cancellations, anonymous
/// sales, five channels) for periods that are not whole months, cross a year, last one day; and every writer (import,
/// undo, erasure, unify merge and its undo, a plain SaveChanges) leaves them equal to a fresh rebuild, or unchanged when
/// it fails.
/// </summary>
public class SalesSummariesTests
{
    /// <summary>The engine these tests run on; the OnPostgresTests subclass runs them all on PostgreSQL.</summary>
    protected virtual DatabaseEngine Engine => DatabaseEngine.Sqlite;

    private static readonly ScaleDatasetOptions Small = new() { Customers = 400, Lines = 6_000, Seed = 7 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Period[] OddPeriods =
    [
        Period.Range(new DateOnly(2023, 3, 17), new DateOnly(2023, 5, 9)),
        Period.Range(new DateOnly(2023, 12, 20), new DateOnly(2024, 1, 11)),
        Period.Range(new DateOnly(2024, 7, 4), new DateOnly(2024, 7, 5)),
        Period.Range(new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1)),
        Period.Range(new DateOnly(2022, 12, 30), new DateOnly(2023, 1, 3)),
        Period.Range(new DateOnly(2025, 11, 15), new DateOnly(2026, 2, 1)),
    ];

    private sealed record Row(int? CustomerId, DateOnly Date, int Month, Channel Channel, OrderKind Kind, long AmountMilli)
    {
        public bool IsSale => Kind == OrderKind.Sale;
    }

    private Task<ImportTestContext> GeneratedAsync() => ImportTestContext.CreateGeneratedAsync(Small, Engine, Ct);

    private static async Task<List<Row>> OrdersAsync(ImportTestContext context)
    {
        await using var db = context.Database.CreateContext();
        var orders = await db.Orders.AsNoTracking()
            .Select(o => new { o.CustomerId, o.BusinessDate, o.BusinessMonth, o.Channel, o.Kind, o.AmountMilli })
            .ToListAsync(Ct);
        return orders.Select(o => new Row(o.CustomerId, o.BusinessDate, o.BusinessMonth, o.Channel, o.Kind, o.AmountMilli)).ToList();
    }

    [Fact]
    public async Task Figures_FromTheSummaries_EqualADirectComputationOverTheOrders_ForOddPeriodsAndChannels()
    {
        await using var context = await GeneratedAsync();
        var orders = await OrdersAsync(context);
        Assert.Contains(orders, o => o.Kind == OrderKind.Cancellation);
        Assert.Contains(orders, o => o.CustomerId is null);
        Assert.Equal(Enum.GetValues<Channel>().Length, orders.Select(o => o.Channel).Distinct().Count());
        var kpis = new KpiQueries(context.Database.Factory);

        Assert.Equal((orders.Min(o => o.Date), orders.Max(o => o.Date)), await kpis.GetDataSpanAsync(Ct));
        Assert.Equal(orders.Where(o => o.IsSale).Max(o => o.Date), await kpis.GetLatestSaleDateAsync(Ct));

        foreach (var period in OddPeriods)
        {
            foreach (var channel in new Channel?[] { null, Channel.Store, Channel.Marketplace })
            {
                var inPeriod = orders.Where(o => o.Date >= period.Start && o.Date < period.End && (channel is null || o.Channel == channel)).ToList();
                var facts = (await kpis.GetSalesKpisAsync(period, channel, cancellationToken: Ct)).CurrentFacts;
                var label = $"{period} {channel}";
                Assert.True(
                    (inPeriod.LongCount(o => o.IsSale), inPeriod.Where(o => o.IsSale).Sum(o => o.AmountMilli),
                     inPeriod.Where(o => !o.IsSale).Sum(o => o.AmountMilli), inPeriod.LongCount(o => o.IsSale && o.CustomerId != null))
                    == (facts.SaleOrders, facts.GrossSalesMilli, facts.ReturnsMilli, facts.IdentifiedSaleOrders), label);
                var active = inPeriod.Where(o => o.IsSale && o.CustomerId != null).Select(o => o.CustomerId!.Value).ToHashSet();
                var firstSale = orders.Where(o => o.IsSale && o.CustomerId != null).GroupBy(o =>
                    o.CustomerId!.Value).ToDictionary(g => g.Key, g => g.Min(o => o.Date));
                Assert.Equal(active.Count, facts.ActiveCustomers);
                Assert.Equal(active.Count(c => firstSale[c] >= period.Start), facts.NewCustomers);

                var trend = await kpis.GetMonthlyTrendAsync(period, channel, Ct);
                var months = period.MonthKeys();
                Assert.Equal(months, trend.Select(t => t.Month).ToList());
                foreach (var month in trend)
                {
                    var m = orders.Where(o => o.Month == month.Month && (channel is null || o.Channel == channel)).ToList();
                    Assert.True(
                        SalesTotals.FromMilli(m.LongCount(o => o.IsSale), m.Where(o => o.IsSale).Sum(o => o.AmountMilli),
                            m.Where(o => !o.IsSale).Sum(o => o.AmountMilli),
                            m.Where(o => o.IsSale && o.CustomerId != null).Select(o => o.CustomerId).Distinct().LongCount()) == month.Totals,
                        $"{label} month {month.Month}");
                }
            }

            var channels = await kpis.GetChannelBreakdownAsync(period, Ct);
            foreach (var c in channels)
            {
                var m = orders.Where(o => o.Date >= period.Start && o.Date < period.End && o.Channel == c.Channel).ToList();
                Assert.Equal(
                    SalesTotals.FromMilli(m.LongCount(o => o.IsSale), m.Where(o => o.IsSale).Sum(o => o.AmountMilli),
                        m.Where(o => !o.IsSale).Sum(o => o.AmountMilli),
                        m.Where(o => o.IsSale && o.CustomerId != null).Select(o => o.CustomerId).Distinct().LongCount()),
                    c.Totals);
            }
        }

        // Cohorts: first sale month ever, distinct customers with a sale per later month, over everyone and over a set.
        var sample = orders.Where(o => o.CustomerId is { } id && id % 3 == 0).Select(o => o.CustomerId!.Value).Distinct().ToArray();
        foreach (var set in new int[]?[] { null, sample })
        {
            var cohorts = await kpis.GetCohortInputsAsync(202303, 202406, set, Ct);
            var sales = orders.Where(o => o.IsSale && o.CustomerId is { } id && (set is null || set.Contains(id))).ToList();
            var cohortOf = sales.GroupBy(o => o.CustomerId!.Value).ToDictionary(g => g.Key, g => g.Min(o => o.Month));
            var expectedSizes = cohortOf.Values.Where(c => c is >= 202303 and <= 202406).GroupBy(c => c).OrderBy(g => g.Key)
                .Select(g => new CohortSize(g.Key, g.LongCount())).ToList();
            var expectedActivity = sales.Where(o => cohortOf[o.CustomerId!.Value] is >= 202303 and <= 202406 && o.Month <= 202406)
                .GroupBy(o => (Cohort: cohortOf[o.CustomerId!.Value], o.Month))
                .OrderBy(g => g.Key.Cohort).ThenBy(g => g.Key.Month)
                .Select(g => new CohortActivity(g.Key.Cohort, g.Key.Month, g.Select(o => o.CustomerId).Distinct().LongCount())).ToList();
            Assert.Equal(expectedSizes, cohorts.Sizes);
            Assert.Equal(expectedActivity, cohorts.Activity);
            // The set's orders are read by day and summed per month: every month of a range across a year, odd days at its edges.
            var trend = (await kpis.GetMonthlyTrendAsync(OddPeriods[1], Channel.Web, set, Ct))
                .Concat(await kpis.GetMonthlyTrendAsync(OddPeriods[3], Channel.Web, set, Ct)).ToList();
            Assert.Equal([202312, 202401, .. Period.Year(2024).MonthKeys()], trend.Select(t => t.Month));
            foreach (var month in trend)
            {
                var m = orders.Where(o => o.Month == month.Month && o.Channel == Channel.Web
                    && o.CustomerId is { } id && (set is null || set.Contains(id))).ToList();
                Assert.Equal(
                    SalesTotals.FromMilli(m.LongCount(o => o.IsSale), m.Where(o => o.IsSale).Sum(o => o.AmountMilli),
                        m.Where(o => !o.IsSale).Sum(o => o.AmountMilli), m.Where(o => o.IsSale).Select(o => o.CustomerId).Distinct().LongCount()),
                    month.Totals);
            }
        }

        // RFM inputs at dates before, inside and after the data (default date: the day after the latest sale). Inside, the
        // straddling customers' figures are summed over their earlier orders (early dates) or their totals minus their later
        // orders (late dates): dates of both kinds.
        var rfm = new RfmQueries(context.Database.Factory, Options.Create(new RfmOptions()));
        foreach (var date in new[] { new DateOnly(2022, 12, 1), new DateOnly(2023, 2, 10), new DateOnly(2023, 6, 15),
            new DateOnly(2024, 1, 1), new DateOnly(2025, 3, 20), new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 1),
            new DateOnly(2027, 1, 1) })
        {
            var expected = orders.Where(o => o.CustomerId is not null && o.Date < date)
                .GroupBy(o => o.CustomerId!.Value)
                .Where(g => g.Any(o => o.IsSale))
                .OrderBy(g => g.Key)
                .Select(g => new CustomerActivity(g.Key, g.Where(o => o.IsSale).Max(o => o.Date),
                    g.Count(o => o.IsSale), Money.FromMilli(g.Sum(o => o.AmountMilli))))
                .ToList();
            Assert.Equal(expected, await rfm.GetActivitiesAsync(date, Ct));
        }
    }

    /// <summary>Active, new, repeat, retained, previously active and lapsed customers of a period, straight from the orders (metrics.md).</summary>
    private static long[] ExpectedCounts(List<Row> sales, Period period, Channel? channel, int lapsedAfterDays)
    {
        HashSet<int> Active(Period p) => sales.Where(o => p.Contains(o.Date) && (channel is null || o.Channel == channel))
            .Select(o => o.CustomerId!.Value).ToHashSet();
        var active = Active(period);
        var previous = Active(period.Previous);
        var before = sales.Where(o => o.Date < period.End).GroupBy(o => o.CustomerId!.Value).ToList();
        var cutoff = period.End.AddDays(-lapsedAfterDays);
        return
        [
            active.Count,
            active.Count(c => sales.Where(o => o.CustomerId == c).Min(o => o.Date) >= period.Start),
            sales.Where(o => period.Contains(o.Date) && (channel is null || o.Channel == channel))
                .GroupBy(o => o.CustomerId).Count(g => g.Count() >= 2),
            active.Count(previous.Contains),
            previous.Count,
            before.Count(g => g.Max(o => o.Date) < cutoff && g.Any(o => channel is null || o.Channel == channel)),
        ];
    }

    private static long[] Counts(SalesFacts f) =>
        [f.ActiveCustomers, f.NewCustomers, f.RepeatCustomers, f.RetainedCustomers, f.PreviousActiveCustomers, f.LapsedCustomers];

    [Fact]
    public async Task CustomerCounts_FromTheYearMasksAndEdgeDays_EqualADirectComputationOverTheOrders()
    {
        await using var context = await GeneratedAsync();
        var orders = await OrdersAsync(context);
        var kpis = new KpiQueries(context.Database.Factory);
        var everyone = orders.Where(o => o.IsSale && o.CustomerId is not null).ToList();
        var sample = everyone.Select(o => o.CustomerId!.Value).Where(id => id % 3 == 0).Distinct().ToArray();
        Period[] periods =
            [.. OddPeriods, Period.Month(2024, 2), Period.Year(2024), Period.Range(new DateOnly(2023, 2, 1), new DateOnly(2025, 8, 17))];
        var repeatInAMonthOfOneChannel = false;
        foreach (var (period, mode, channel, set, lapsed) in
            from period in periods
            from mode in new[] { ComparisonMode.Previous, ComparisonMode.LastYear }
            from channel in new Channel?[] { null, Channel.Store, Channel.Web }
            from set in new int[]?[] { null, sample }
            select (period, mode, channel, set, mode == ComparisonMode.Previous ? 180 : 45))
        {
            var sales = set is null ? everyone : everyone.Where(o => set.Contains(o.CustomerId!.Value)).ToList();
            var result = await kpis.GetSalesKpisAsync(period, mode, channel, lapsed, set, Ct);
            var label = $"{period} {mode} {channel} {(set is null ? "everyone" : "sample")} {lapsed}";
            Assert.True(ExpectedCounts(sales, period, channel, lapsed).SequenceEqual(Counts(result.CurrentFacts)), label);
            Assert.True(
                ExpectedCounts(sales, result.PreviousPeriod, channel, lapsed).SequenceEqual(Counts(result.PreviousFacts)), label + " comparison");
            repeatInAMonthOfOneChannel |= period.Unit == PeriodUnit.Month && channel is not null && result.CurrentFacts.RepeatCustomers > 0;
        }
        // The dataset has what the masks must get right: two sales of one channel in one month.
        Assert.True(repeatInAMonthOfOneChannel);

        foreach (var period in periods)
        {
            foreach (var set in new int[]?[] { null, sample })
            {
                var breakdown = await kpis.GetChannelBreakdownAsync(period, set, Ct);
                // The dashboard's read of both: the same channels, the same KPIs as the separate calls.
                var (together, channels) = await kpis.GetSalesKpisAndChannelsAsync(period, ComparisonMode.Previous, Channel.Web, 180, set, Ct);
                var alone = await kpis.GetSalesKpisAsync(period, ComparisonMode.Previous, Channel.Web, 180, set, Ct);
                Assert.Equal(alone.CurrentFacts, together.CurrentFacts);
                Assert.Equal(alone.PreviousFacts, together.PreviousFacts);
                Assert.Equal(breakdown, channels);
                foreach (var c in breakdown)
                {
                    var expected = everyone
                        .Where(o => period.Contains(o.Date) && o.Channel == c.Channel && (set is null || set.Contains(o.CustomerId!.Value)))
                        .Select(o => o.CustomerId).Distinct().LongCount();
                    Assert.True(expected == c.Totals.ActiveCustomers, $"{period} {c.Channel}");
                }
            }
        }
    }

    /// <summary>The summary tables as text, row by row in key order.</summary>
    private static async Task<string[]> SnapshotAsync(InsightDbContext db)
    {
        var days = await db.SalesDays.AsNoTracking().OrderBy(d => d.BusinessDate).ThenBy(d => d.Channel)
            .Select(d => $"D {d.BusinessDate:yyyy-MM-dd} {d.Channel} {d.BusinessMonth} {d.SaleOrders} {d.IdentifiedSaleOrders} {d.GrossMilli} " +
                $"{d.CancellationOrders} {d.ReturnsMilli}")
            .ToListAsync(Ct);
        var customers = await db.CustomerSales.AsNoTracking().OrderBy(c => c.CustomerId)
            .Select(c => $"C {c.CustomerId} {c.FirstOrderDate:yyyy-MM-dd} {c.LastOrderDate:yyyy-MM-dd} {c.FirstSaleDate:yyyy-MM-dd} " +
                $"{c.FirstSaleMonth} {c.LastSaleDate:yyyy-MM-dd} {c.SaleOrders} {c.NetMilli}")
            .ToListAsync(Ct);
        var years = await db.CustomerYears.AsNoTracking().OrderBy(y => y.CustomerId).ThenBy(y => y.Year)
            .Select(y => $"Y {y.CustomerId} {y.Year} {y.Months} {y.RepeatMonths} {y.ChannelMonths} {y.ChannelRepeatMonths}")
            .ToListAsync(Ct);
        return [.. days, .. customers, .. years];
    }

    /// <summary>The summaries as they are, and as a rebuild from every order makes them (the rebuild rolled back).</summary>
    private static async Task<(string[] Kept, string[] Rebuilt)> KeptAndRebuiltAsync(IDbContextFactory<InsightDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        var kept = await SnapshotAsync(db);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        await SalesSummaries.RebuildAsync(db, Ct);
        var rebuilt = await SnapshotAsync(db);
        await transaction.RollbackAsync(Ct);
        return (kept, rebuilt);
    }

    private static async Task AssertEqualToARebuildAsync(IDbContextFactory<InsightDbContext> factory, string after)
    {
        var (kept, rebuilt) = await KeptAndRebuiltAsync(factory);
        Assert.NotEmpty(rebuilt);
        Assert.True(rebuilt.SequenceEqual(kept),
            $"after {after}: first difference kept {kept.Except(rebuilt).FirstOrDefault()} / rebuilt {rebuilt.Except(kept).FirstOrDefault()}");
    }

    private const string MoreOrders = """
        OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice
        X-1,NEW-1,2024-02-29 10:00,Phone,Sale,P1,Kettle,1,49.90
        X-2,NEW-1,2024-03-01 11:00,Web,Sale,P2,Toaster,2,29.50
        X-3,NEW-1,2024-03-05 11:00,Web,Cancellation,P2,Toaster,-1,29.50
        X-4,,2024-03-05 12:00,Store,Sale,P3,Mixer,1,99.00
        """;

    [Fact]
    public async Task Writers_ImportUndoErasureAndSaveChanges_LeaveTheSummariesEqualToAFreshRebuild()
    {
        await using var context = await GeneratedAsync();
        var factory = context.Database.Factory;
        await AssertEqualToARebuildAsync(factory, "the generated imports");
        var before = (await KeptAndRebuiltAsync(factory)).Kept;

        // An import that adds a customer, a sale on 29 February, a cancellation and an anonymous sale to existing days.
        var more = await context.ImportAsync(context.WriteFile("more.csv", MoreOrders), ImportFormat.OrderLines, Ct);
        Assert.True(more.Succeeded);
        var during = (await KeptAndRebuiltAsync(factory)).Kept;
        Assert.NotEqual(before, during);
        await AssertEqualToARebuildAsync(factory, "a small import");

        Assert.Equal(UndoOutcome.Undone, (await context.Undo.UndoAsync(more.BatchId!.Value, "analyst@test", cancellationToken: Ct)).Outcome);
        await AssertEqualToARebuildAsync(factory, "its undo");
        Assert.Equal(before, (await KeptAndRebuiltAsync(factory)).Kept);

        // Erasure keeps the orders (anonymous figures): the summaries do not move.
        int erasedId;
        await using (var db = context.Database.CreateContext())
        {
            erasedId = await db.CustomerSales.Where(c => c.SaleOrders > 1).Select(c => c.CustomerId).FirstAsync(Ct);
        }
        var erasure = new CustomerErasure(factory, new AppSecrets(factory), new AuditLog(factory, TimeProvider.System), TimeProvider.System);
        Assert.Equal(ErasureOutcome.Erased, (await erasure.EraseAsync(erasedId, "admin@test", Ct)).Outcome);
        Assert.Equal(before, (await KeptAndRebuiltAsync(factory)).Kept);
        await AssertEqualToARebuildAsync(factory, "an erasure");

        // Orders written, moved and deleted through the context (SaveChanges) refresh their customers and days.
        await using (var db = context.Database.CreateContext())
        {
            var customers = await db.CustomerSales.Where(c => c.SaleOrders > 1).OrderBy(c =>
                c.CustomerId).Select(c => c.CustomerId).Take(2).ToListAsync(Ct);
            var moved = await db.Orders.Where(o => o.CustomerId == customers[0]).OrderBy(o => o.Id).FirstAsync(Ct);
            moved.CustomerId = customers[1];
            moved.BusinessDate = moved.BusinessDate.AddDays(3);
            moved.BusinessMonth = BusinessCalendar.MonthKey(moved.BusinessDate);
            db.Orders.Remove(await db.Orders.Where(o => o.CustomerId == null).OrderBy(o => o.Id).FirstAsync(Ct));
            db.Orders.Add(KpiQueriesTests.Order("added", null, "2025-06-30", 12.5m, OrderKind.Sale, Channel.Other));
            var customer = new Customer { SourceId = "SAVED-1" };
            db.Customers.Add(customer);
            db.Orders.Add(new Order
            {
                Source = "test", SourceOrderId = "saved", Customer = customer, OrderedAtUtc = new DateTime(2025, 6, 30, 10, 0, 0, DateTimeKind.Utc),
                BusinessDate = new DateOnly(2025, 6, 30), BusinessMonth = 202506, Channel = Channel.Phone, Kind = OrderKind.Sale, AmountMilli = 7_250,
            });
            await db.SaveChangesAsync(Ct);
        }
        Assert.NotEqual(before, (await KeptAndRebuiltAsync(factory)).Kept);
        await AssertEqualToARebuildAsync(factory, "SaveChanges");
    }

    [Fact]
    public async Task Writers_UnifyMergeAndItsUndo_LeaveTheSummariesEqualToAFreshRebuild()
    {
        await using var context = await ImportTestContext.CreateAsync(engine: Engine);
        var customers = context.WriteFile("customers.csv", """
            CustomerId,FirstName,LastName,Email,PostalCode,Country
            STORE-1,Marc,Petit,marc@exemple.fr,69003,France
            WEB-1,Marc,Petit, MARC@exemple.FR ,69003,France
            OTHER-1,Marie,Dupont,marie@exemple.fr,75011,France
            """);
        var orders = context.WriteFile("orders.csv", """
            OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice
            O1,STORE-1,2025-01-31 10:00,Store,Sale,P1,Four,1,100.00
            O2,WEB-1,2025-01-02 10:00,Web,Sale,P2,Bouilloire,1,50.00
            O3,WEB-1,2025-03-10 10:00,Web,Cancellation,P2,Bouilloire,-1,50.00
            O4,OTHER-1,2025-02-01 10:00,Web,Sale,P2,Bouilloire,1,50.00
            """);
        Assert.True((await context.ImportAsync(customers, ImportFormat.Customers, Ct)).Succeeded);
        Assert.True((await context.ImportAsync(orders, ImportFormat.OrderLines, Ct)).Succeeded);
        var factory = context.Database.Factory;
        var before = (await KeptAndRebuiltAsync(factory)).Kept;
        var commands = new UnifyCommands(factory, new AuditLog(factory, TimeProvider.System), new DataChangeNotifier(), TimeProvider.System);

        var merged = await commands.MergeAsync(null, "analyst@test", Ct);
        Assert.Equal(1, merged.Groups);
        await using (var db = context.Database.CreateContext())
        {
            // The survivor now owns both records' orders: first sale in January from WEB-1, two sales, net 100 €.
            var survivor = await db.CustomerSales.AsNoTracking().SingleAsync(c => c.SaleOrders == 2, Ct);
            Assert.Equal((new DateOnly(2025, 1, 2), 202501, 100_000L),
                (survivor.FirstSaleDate!.Value, survivor.FirstSaleMonth!.Value, survivor.NetMilli));
        }
        await AssertEqualToARebuildAsync(factory, "a merge");

        Assert.Equal(MergeUndoOutcome.Undone, (await commands.UndoAsync(merged.MergeIds[0], "analyst@test", Ct)).Outcome);
        await AssertEqualToARebuildAsync(factory, "its undo");
        Assert.Equal(before, (await KeptAndRebuiltAsync(factory)).Kept);
    }

    [Fact]
    public async Task Writers_ARejectedOrCancelledImportOrARolledBackSave_LeaveTheSummariesUnchanged()
    {
        await using var context = await GeneratedAsync();
        var factory = context.Database.Factory;
        var before = (await KeptAndRebuiltAsync(factory)).Kept;

        // Rejected while writing: a cancellation whose lines add up to a positive amount.
        var rejected = await context.ImportAsync(context.WriteFile("bad.csv", """
            OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice
            Y-1,NEW-2,2024-02-29 10:00,Phone,Sale,P1,Kettle,1,49.90
            Y-2,NEW-2,2024-03-05 11:00,Web,Cancellation,P2,Toaster,1,29.50
            """), ImportFormat.OrderLines, Ct);
        Assert.False(rejected.Succeeded);
        Assert.Equal(before, (await KeptAndRebuiltAsync(factory)).Kept);

        // Cancelled once its transaction has begun writing.
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var path = context.WriteFile("more.csv", MoreOrders);
        var progress = new Cancelling(cancel);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            context.Pipeline.ImportAsync(path, "more.csv", ImportFormat.OrderLines, null, "analyst@test", progress, cancel.Token));
        Assert.Equal(before, (await KeptAndRebuiltAsync(factory)).Kept);

        // A save whose summaries were refreshed inside a transaction that is then rolled back.
        await using (var db = context.Database.CreateContext())
        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            db.Orders.Add(KpiQueriesTests.Order("rolled-back", null, "2025-06-30", 12.5m, OrderKind.Sale, Channel.Other));
            await db.SaveChangesAsync(Ct);
            Assert.NotEqual(before, await SnapshotAsync(db));
            await transaction.RollbackAsync(Ct);
        }
        Assert.Equal(before, (await KeptAndRebuiltAsync(factory)).Kept);
    }

    /// <summary>Large enough for several write batches (progress every 5,000 orders; PostgreSQL's COPY every 50,000 rows).</summary>
    private static readonly ScaleDatasetOptions Large = new() { Customers = 2_000, Lines = 60_000, Seed = 11 };

    [Fact]
    public async Task Imports_ABigFirstImportThenOneIntoTheSameCustomersAndDays_EqualARebuild_AndOneRejectedAtItsLastRowChangesNothing()
    {
        await using var context = await ImportTestContext.CreateAsync(engine: Engine);
        var factory = context.Database.Factory;
        var dataset = await ScaleDatasetGenerator.GenerateAsync(Path.Combine(context.Database.Directory, "data"), Large, Ct);
        Assert.True((await context.ImportAsync(dataset.CustomersFile, ImportFormat.Customers, Ct)).Succeeded);
        var first = await context.ImportAsync(dataset.OrderLinesFile, ImportFormat.OrderLines, Ct);
        Assert.True(first.Succeeded);
        Assert.True(first.RowsImported > 50_000 && first.Orders.Created > 5_000, $"{first.RowsImported} lines, {first.Orders.Created} orders");
        await AssertEqualToARebuildAsync(factory, "a first import into empty summaries");

        var lines = new List<string> { "OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice" };
        await using (var db = context.Database.CreateContext())
        {
            var sold = await db.CustomerSales.AsNoTracking().Where(c => c.FirstSaleDate != null).OrderBy(c => c.CustomerId).Take(90)
                .Join(db.Customers, s => s.CustomerId, c => c.Id,
                    (s, c) => new { s.CustomerId, c.SourceId, s.FirstSaleDate, s.FirstSaleMonth, s.LastOrderDate })
                .ToListAsync(Ct);
            var ids = sold.Select(s => s.CustomerId).ToList();
            // The year row of each first sale: its channel bits say on which channel the first sale month was.
            var firstYears = (await db.CustomerYears.AsNoTracking().Where(y => ids.Contains(y.CustomerId)).ToListAsync(Ct))
                .Where(y => sold.Any(s => s.CustomerId == y.CustomerId && s.FirstSaleMonth / 100 == y.Year)).ToDictionary(y => y.CustomerId);
            Channel FirstSaleChannel(int customer, int month) => Enum.GetValues<Channel>().First(channel =>
                ((firstYears[customer].ChannelMonths >> (CustomerYear.ChannelShift(channel) + (month % 100) - 1)) & 1) != 0);
            var bare = await db.Customers.AsNoTracking().Where(c => !db.CustomerSales.Any(s => s.CustomerId == c.Id))
                .OrderBy(c => c.Id).Select(c => c.SourceId).Take(5).ToListAsync(Ct);
            Assert.Equal(5, bare.Count);
            for (var i = 0; i < sold.Count; i++)
            {
                var c = sold[i];
                var (date, kind, channel) = (i % 3) switch
                {
                    // A second sale in the month of the first, on the same channel: a repeat month made of one sale on each side.
                    0 => (c.FirstSaleDate!.Value, "Sale",
                        FirstSaleChannel(c.CustomerId, c.FirstSaleMonth!.Value)),
                    // An earlier first sale: the customer's cohort moves, on every month row.
                    1 => (c.FirstSaleDate!.Value.AddDays(-400), "Sale", Channel.Marketplace),
                    _ => (c.LastOrderDate.AddDays(2), "Cancellation", Channel.Web),
                };
                lines.Add($"Z-{i},{c.SourceId},{date:yyyy-MM-dd} 12:00,{channel},{kind},P9,Blender,{(kind == "Sale" ? 1 : -1)},19.99");
            }
            lines.AddRange(bare.Select((id, i) => $"B-{i},{id},{sold[i].FirstSaleDate:yyyy-MM-dd} 12:00,Phone,Sale,P9,Blender,2,19.99"));
            lines.Add($"N-1,NEW-9,{sold[0].FirstSaleDate:yyyy-MM-dd} 13:00,Store,Sale,P9,Blender,1,19.99");
            lines.Add($"A-1,,{sold[1].FirstSaleDate:yyyy-MM-dd} 13:00,Store,Sale,P9,Blender,1,19.99");
        }
        var before = (await KeptAndRebuiltAsync(factory)).Kept;

        // The same file with a bad last row: rejected, nothing written.
        var bad = context.WriteFile("late-bad.csv", string.Join("\n", [.. lines, "Z-bad,NEW-10,2025-01-01 12:00,Web,Sale,P9,Blender,many,19.99"]));
        var rejected = await context.ImportAsync(bad, ImportFormat.OrderLines, Ct);
        Assert.False(rejected.Succeeded);
        Assert.Equal(lines.Count + 1, rejected.Rejected.Single().Row);
        Assert.Equal(before, (await KeptAndRebuiltAsync(factory)).Kept);

        var second = await context.ImportAsync(context.WriteFile("more.csv", string.Join("\n", lines)), ImportFormat.OrderLines, Ct);
        Assert.True(second.Succeeded);
        Assert.Equal(lines.Count - 1, second.Orders.Created);
        Assert.NotEqual(before, (await KeptAndRebuiltAsync(factory)).Kept);
        await AssertEqualToARebuildAsync(factory, "a second import into the same customers and days");
    }

    /// <summary>
    /// More lines than one chunk of the import's line store (65,536), with an order whose lines lie at the start, across the
    /// chunk boundaries and at the end of the file: the write frees the chunks it has passed, never one a later order still needs.
    /// </summary>
    [Fact]
    public async Task Imports_LinesOverSeveralChunks_AnOrderSpreadOverThemKeepsEveryLine_AndTheSummariesEqualARebuild()
    {
        await using var context = await ImportTestContext.CreateAsync(engine: Engine);
        var lines = new List<string> { "OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice" };
        const int Orders = 130_000;
        long expectedMilli = 0;
        var spread = new List<string>();
        for (var i = 0; i < Orders; i++)
        {
            var day = new DateOnly(2024, 1, 1).AddDays(i % 400);
            var customer = i % 7 == 0 ? "" : $"C{i % 3_000}";
            lines.Add($"O{i},{customer},{day:yyyy-MM-dd} 10:00,Web,Sale,P{i % 50},Item {i % 50},2,1.50");
            expectedMilli += 3_000;
            if (i % 17 == 3)
            {
                lines.Add($"O{i},{customer},{day:yyyy-MM-dd} 10:00,Web,Sale,Q{i % 9},Other,1,0.25");
                expectedMilli += 250;
            }
            if (i % 20_000 == 0)
            {
                // The order spread over the file: one line now and then, its last one at the end.
                spread.Add($"SPREAD,C7,2024-03-03 09:00,Store,Sale,S{i},Spread {i},1,4.00");
                lines.Add(spread[^1]);
                expectedMilli += 4_000;
            }
        }
        lines.Add("SPREAD,C7,2024-03-03 09:00,Store,Sale,S-last,Spread last,3,4.00");
        expectedMilli += 12_000;
        Assert.True(lines.Count > 2 * 65_536, $"{lines.Count} rows");

        var report = await context.ImportAsync(context.WriteFile("spread.csv", string.Join("\n", lines)), ImportFormat.OrderLines, Ct);
        Assert.True(report.Succeeded, string.Join("; ", report.Rejected.Select(r => r.Code)));
        Assert.Equal(lines.Count - 1, report.RowsImported);
        Assert.Equal(Orders + 1, report.Orders.Created);

        await using (var db = context.Database.CreateContext())
        {
            Assert.Equal(lines.Count - 1, await db.OrderLines.CountAsync(Ct));
            Assert.Equal(expectedMilli, await db.OrderLines.SumAsync(l => l.AmountMilli, Ct));
            var spreadLines = await db.OrderLines.AsNoTracking().Where(l => l.Order!.SourceOrderId == "SPREAD")
                .OrderBy(l => l.Id).Select(l => l.Product!.Code).ToListAsync(Ct);
            Assert.Equal(spread.Select(l => l.Split(',')[5]).Append("S-last").ToList(), spreadLines);
            Assert.Equal((spread.Count * 4_000L) + 12_000,
                await db.Orders.Where(o => o.SourceOrderId == "SPREAD").Select(o => o.AmountMilli).SingleAsync(Ct));
            // Every order's amount is the sum of its lines.
            Assert.False(await db.Orders.AnyAsync(o => o.AmountMilli != db.OrderLines.Where(l => l.OrderId == o.Id).Sum(l => l.AmountMilli), Ct));
            // The indexes of the tables loaded empty are built again at the commit.
            foreach (var index in new[] { "IX_OrderLines_OrderId", "IX_Orders_Customer" })
            {
                var sql = Engine == DatabaseEngine.Postgres
                    ? $"SELECT COUNT(*)::int AS \"Value\" FROM pg_indexes WHERE indexname = '{index}'"
                    : $"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'index' AND name = '{index}'";
                Assert.Equal(1, await db.Database.SqlQueryRaw<int>(sql).SingleAsync(Ct));
            }
            if (Engine == DatabaseEngine.Sqlite)
            {
                // Written without SQLite's look-up per row (BulkWriter, references by construction): every reference holds.
                await db.Database.OpenConnectionAsync(Ct);
                await using var check = db.Database.GetDbConnection().CreateCommand();
                check.CommandText = "PRAGMA foreign_key_check";
                await using var violations = await check.ExecuteReaderAsync(Ct);
                Assert.False(await violations.ReadAsync(Ct), "a row refers to a row that does not exist");
            }
        }
        await AssertEqualToARebuildAsync(context.Database.Factory, "an import over several chunks of lines");
    }

    /// <summary>Cancels the import when it reports that it writes (synchronously, unlike <see cref="Progress{T}"/>).</summary>
    private sealed class Cancelling(CancellationTokenSource source) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.Phase == ImportPhase.Writing)
            {
                source.Cancel();
            }
        }
    }
}

/// <summary>Every test of <see cref="SalesSummariesTests"/> on PostgreSQL.</summary>
public sealed class SalesSummariesOnPostgresTests : SalesSummariesTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

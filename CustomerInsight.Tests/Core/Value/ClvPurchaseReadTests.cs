using CustomerInsight.Core.Importing.Generation;

namespace CustomerInsight.Tests.Core.Value;

/// <summary>
/// The one read of a fit (<see cref="ClvQueries.ReadPurchasesAsync"/>: customers from the sales summary, their sale orders in
/// (customer, date) order, the engine's day numbers) against metrics.md's definitions computed directly over the orders of a
/// generated dataset with cancellations, anonymous sales and same-day orders: x, t_x, T, the repeat purchases' value (the first
/// day left out) and, for the weeks after the calibration end, the fitted customers' purchases (distinct days) per week.
/// </summary>
public class ClvPurchaseReadTests : EngineTestBase
{
    private static readonly ScaleDatasetOptions Small = new() { Customers = 300, Lines = 5_000, Seed = 11 };

    private sealed record Row(int? CustomerId, DateOnly Date, OrderKind Kind, long AmountMilli);

    private Task<ImportTestContext> GeneratedAsync() => ImportTestContext.CreateGeneratedAsync(Small, Engine, Token);

    [Fact]
    public async Task GetReportAsync_SameDataAndDate_ReusesTheFit_ANewImportFitsAgain()
    {
        await using var context = await GeneratedAsync();
        var queries = new ClvQueries(context.Database.Factory, Options.Create(new ClvOptions()), TimeProvider.System);
        var end = new DateOnly(2024, 6, 30);

        var first = await queries.GetReportAsync(end, cancellationToken: Token);
        var again = await queries.GetReportAsync(end, cancellationToken: Token);
        var predictions = await queries.GetPredictionsAsync(end, [first!.Model.Customers[0].CustomerId], Token);

        Assert.Same(first, again);
        Assert.Equal(first.Model.Customers[0], predictions.Values.Single());
        var extra = context.WriteFile("more.csv", """
            OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice
            M1,C0000002,2024-05-02 10:00:00,Web,Sale,P1,Kettle,1,19.99
            """);
        Assert.True((await context.ImportAsync(extra, ImportFormat.OrderLines, Token)).Succeeded);
        var refitted = await queries.GetReportAsync(end, cancellationToken: Token);
        Assert.NotSame(first, refitted);
        Assert.NotEqual(first.ModelVersion, refitted!.ModelVersion);
    }

    [Fact]
    public async Task GetModelAsync_TheReportsFit_WithoutItsHoldout()
    {
        await using var context = await GeneratedAsync();
        var queries = new ClvQueries(context.Database.Factory, Options.Create(new ClvOptions()), TimeProvider.System);
        var end = new DateOnly(2024, 6, 30);

        // A custom segment's facts ask for the fit first; the value page's report then adds the holdout to that same fit.
        var model = await queries.GetModelAsync(end, Token);
        var report = await queries.GetReportAsync(end, cancellationToken: Token);

        Assert.Same(model, report!.Model);
        Assert.NotEmpty(report.HoldoutWeeks);
        Assert.Equal(["latest sale", "read purchases"], report.Phases.Take(2).Select(p => p.Name));
        Assert.Equal("holdout: predicted purchases", report.Phases[^1].Name);
        Assert.Null(await queries.GetModelAsync(new DateOnly(2000, 1, 1), Token));
    }

    [Fact]
    public async Task ReadPurchasesAsync_GeneratedOrders_EqualMetricsDefinitionsOverTheOrders()
    {
        await using var context = await GeneratedAsync();
        // Same-day orders of one customer, in the calibration period and in a holdout week, and a cancellation between them.
        var extra = context.WriteFile("extra.csv", """
            OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice
            X1,C0000001,2024-02-10 09:00:00,Web,Sale,P1,Kettle,1,19.99
            X2,C0000001,2024-02-10 18:30:00,Store,Sale,P2,Toaster,2,5.005
            X3,C0000001,2024-02-12 10:00:00,Web,Cancellation,P2,Toaster,-1,5.005
            X4,C0000001,2024-04-03 10:00:00,Web,Sale,P1,Kettle,1,19.99
            X5,C0000001,2024-04-03 11:00:00,Phone,Sale,P1,Kettle,1,19.99
            """);
        Assert.True((await context.ImportAsync(extra, ImportFormat.OrderLines, Token)).Succeeded);
        await using var db = context.Database.CreateContext();
        var orders = (await db.Orders.AsNoTracking().Select(o => new { o.CustomerId, o.BusinessDate, o.Kind, o.AmountMilli }).ToListAsync(Token))
            .Select(o => new Row(o.CustomerId, o.BusinessDate, o.Kind, o.AmountMilli)).ToList();
        Assert.Contains(orders, o => o.Kind == OrderKind.Cancellation && o.CustomerId is not null);
        Assert.Contains(orders, o => o.CustomerId is null);
        var sameDay = orders.Where(o => o.Kind == OrderKind.Sale && o.CustomerId is not null).GroupBy(o => (o.CustomerId, o.Date))
            .Where(g => g.Count() > 1).Select(g => g.Key.Date).ToList();
        Assert.Contains(new DateOnly(2024, 2, 10), sameDay);
        Assert.Contains(new DateOnly(2024, 4, 3), sameDay);
        var queries = new ClvQueries(context.Database.Factory, Options.Create(new ClvOptions()), TimeProvider.System);
        var snapshot = await CustomerActivitySnapshot.LoadAsync(context.Database.Factory, null, Token);

        (DateOnly End, int Weeks)[] ends = [(new DateOnly(2024, 3, 31), 13), (new DateOnly(2023, 6, 30), 0), (new DateOnly(2025, 11, 30), 2)];
        foreach (var (end, weeks, fromSnapshot) in ends.SelectMany(x => new[] { (x.End, x.Weeks, false), (x.End, x.Weeks, true) }))
        {
            // In SQL (the command line's read) and folded from the web app's snapshot of the orders: the same reading.
            var reading = fromSnapshot ? ClvQueries.ReadPurchases(snapshot, end, weeks) : await queries.ReadPurchasesAsync(end, weeks, Token);

            var sales = orders.Where(o => o.Kind == OrderKind.Sale && o.CustomerId is not null).ToList();
            var expected = sales.Where(o => o.Date <= end)
                .GroupBy(o => o.CustomerId!.Value)
                .OrderBy(g => g.Key)
                .Select(g =>
                {
                    var days = g.GroupBy(o => o.Date).OrderBy(d => d.Key).ToList();
                    return new PurchaseHistory(g.Key, days.Count - 1, days[^1].Key.DayNumber - days[0].Key.DayNumber,
                        end.DayNumber - days[0].Key.DayNumber, Money.FromMilli(days.Skip(1).Sum(d => d.Sum(o => o.AmountMilli))));
                })
                .ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, reading.Histories);
            var fitted = expected.Select(h => h.CustomerId).ToHashSet();
            var holdout = new int[weeks];
            foreach (var (_, date) in sales.Where(o => fitted.Contains(o.CustomerId!.Value) && o.Date > end && o.Date <= end.AddDays(7 * weeks))
                         .Select(o => (o.CustomerId, o.Date)).Distinct())
            {
                holdout[(date.DayNumber - end.DayNumber - 1) / 7]++;
            }
            Assert.Equal(holdout, reading.HoldoutPerWeek);
            Assert.True(weeks == 0 || holdout.Sum() > 0, $"{end}: purchases in the holdout weeks");
        }
    }

    [Fact]
    public async Task GetReportAsync_ThroughTheNodeSnapshot_TheSameFitAsFromSql()
    {
        await using var context = await GeneratedAsync();
        var fromSql = new ClvQueries(context.Database.Factory, Options.Create(new ClvOptions()), TimeProvider.System);
        var store = new CustomerActivityStore(context.Database.Factory,
            new CurrentDataVersion(context.Database.Factory, new DataChangeNotifier(), TimeProvider.System));
        var fromSnapshot = new ClvQueries(context.Database.Factory, Options.Create(new ClvOptions()), TimeProvider.System, store);
        var end = new DateOnly(2024, 6, 30);

        var expected = await fromSql.GetReportAsync(end, cancellationToken: Token);
        var actual = await fromSnapshot.GetReportAsync(end, cancellationToken: Token);

        Assert.Equal(1, store.Loads);
        Assert.Equal(expected!.Model.BgNbd.Parameters, actual!.Model.BgNbd.Parameters);
        Assert.Equal(expected.Model.Customers, actual.Model.Customers);
        Assert.Equal(expected.HoldoutWeeks, actual.HoldoutWeeks);
        Assert.Equal(expected.ActualRepeatPurchases, actual.ActualRepeatPurchases);
    }
}

/// <summary>Every test of <see cref="ClvPurchaseReadTests"/> on PostgreSQL.</summary>
public sealed class ClvPurchaseReadOnPostgresTests : ClvPurchaseReadTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

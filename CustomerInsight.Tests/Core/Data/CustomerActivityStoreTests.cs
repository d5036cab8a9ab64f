using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Sales;
using CustomerInsight.Web;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerInsight.Tests.Core.Data;

/// <summary>
/// The customer counts' rows in memory: a snapshot numbers the customers densely and holds every order or only those of given
/// spans; the web app's store keeps one per data version and reads it again once a change is heard, ahead of the first page.
/// </summary>
public class CustomerActivityStoreTests : DatabaseTestBase
{
    // Ids with gaps: the slots are dense all the same.
    private const int A = 10, B = 20, C = 30;

    protected override async Task ArrangeAsync()
    {
        await using var db = Database.CreateContext();
        db.Customers.AddRange(new[] { A, B, C }.Select(id => new Customer { Id = id, SourceId = "C" + id }));
        db.Orders.AddRange(
            TestOrders.Create("a1", A, TestOrders.Day("2011-02-10"), 40m),
            TestOrders.Create("a2", A, TestOrders.Day("2011-03-15"), 50m, channel: Channel.Store),
            TestOrders.Create("b1", B, TestOrders.Day("2011-03-20"), 30m),
            TestOrders.Create("anon", null, TestOrders.Day("2011-03-20"), 20m),
            TestOrders.Create("ca1", A, TestOrders.Day("2011-03-21"), -10m, OrderKind.Cancellation),
            TestOrders.Create("c1", C, TestOrders.Day("2010-12-05"), 60m));
        await db.SaveChangesAsync(Token);
    }

    private static ActivityWindow Window(string from, string to, Channel? channel = null) =>
        new(TestOrders.Day(from), TestOrders.Day(to), channel);

    [Fact]
    public async Task Snapshot_Whole_HoldsEveryCustomerAndIdentifiedSaleOrder_CountsAnyWindow()
    {
        var snapshot = await CustomerActivitySnapshot.LoadAsync(Database.Factory, null, Token);

        // A, B, C; their four identified sale orders (not the anonymous one, not the cancellation).
        Assert.Equal(3, snapshot.Customers);
        Assert.Equal(4, snapshot.Orders);
        Assert.Equal(1, snapshot.Returns);
        Assert.Equal(0, snapshot.Consents.Records);
        // 5 March to 21 March: all edge days. A (store, 15th) and B (web, 20th); on the web only B.
        var tally = snapshot.Tally([Window("2011-03-05", "2011-03-21"), Window("2011-03-05", "2011-03-21", Channel.Web),
            Window("2010-12-01", "2011-04-01")], marks: 1, keep: null);
        Assert.Equal(2, tally.Count(s => s[0] > 0));
        Assert.Equal(1, tally.Count(s => s[1] > 0));
        // December to March in whole months: A twice (February and March), B and C once.
        Assert.Equal(3, tally.Count(s => s[2] > 0));
        Assert.Equal(1, tally.Count(s => s[2] >= 2));
        // First sales in February and March: A (10 February) and B; before 2011 (any channel): C.
        snapshot.MarkFirstSales(tally, TestOrders.Day("2011-02-01"), TestOrders.Day("2011-04-01"), 0, keep: null);
        Assert.Equal(2, tally.Count(s => s[3] == 1));
        var earlier = snapshot.Tally([Window("2011-01-01", "2011-02-01")], marks: 2, keep: null);
        snapshot.MarkEarlierCustomers(earlier, 2011, null, 0, keep: null);
        snapshot.MarkEarlierCustomers(earlier, 2011, Channel.Store, 1, keep: null);
        Assert.Equal(1, earlier.Count(s => s[1] == 1));
        Assert.Equal(0, earlier.Count(s => s[2] == 1));
    }

    [Fact]
    public async Task SalesOf_EachCustomersSaleOrders_InDayOrder_CountedBeforeADay_TheLatestSale()
    {
        // A's two sale orders added in the other order: the snapshot puts them in day order all the same.
        await using (var db = Database.CreateContext())
        {
            db.Orders.Add(TestOrders.Create("a0", A, TestOrders.Day("2011-01-02"), 7.5m, channel: Channel.Phone));
            await db.SaveChangesAsync(Token);
        }
        var snapshot = await CustomerActivitySnapshot.LoadAsync(Database.Factory, null, Token);

        var bySlot = Enumerable.Range(0, snapshot.Customers).ToDictionary(snapshot.IdOf, slot =>
        {
            var sales = snapshot.SalesOf(slot);
            return (Days: sales.Days.ToArray(), Channels: sales.Channels.ToArray(), Amounts: sales.AmountsMilli.ToArray(),
                BeforeMarch15: sales.CountBefore(TestOrders.Day("2011-03-15").DayNumber));
        });

        var a = bySlot[A];
        Assert.Equal(new[] { "2011-01-02", "2011-02-10", "2011-03-15" }.Select(d => TestOrders.Day(d).DayNumber), a.Days);
        Assert.Equal(new[] { Channel.Phone, Channel.Web, Channel.Store }.Select(c => (byte)c), a.Channels);
        Assert.Equal([7_500L, 40_000L, 50_000L], a.Amounts);
        Assert.Equal(2, a.BeforeMarch15);
        // B's sale only (not the anonymous one the same day, not A's cancellation); C's before every date.
        Assert.Equal([30_000L], bySlot[B].Amounts);
        Assert.Equal(0, bySlot[B].BeforeMarch15);
        Assert.Equal(1, bySlot[C].BeforeMarch15);
        // The latest sale: 20 March (A's cancellation the day after is no sale).
        Assert.Equal(TestOrders.Day("2011-03-20"), snapshot.LatestSaleDate);
        var someDays = await CustomerActivitySnapshot.LoadAsync(Database.Factory, [(TestOrders.Day("2011-03-16"), TestOrders.Day("2011-03-31"))], Token);
        Assert.Throws<InvalidOperationException>(() => someDays.SalesOf(0));
        Assert.Throws<InvalidOperationException>(() => someDays.LatestSaleDate);
    }

    [Fact]
    public async Task Snapshot_OfSpans_HoldsOnlyTheirOrders_AndRefusesAWindowWhoseEdgesItLacks()
    {
        var snapshot = await CustomerActivitySnapshot.LoadAsync(Database.Factory, [(TestOrders.Day("2011-03-16"), TestOrders.Day("2011-03-31"))], Token);

        Assert.Equal(1, snapshot.Orders);
        Assert.Equal(1, snapshot.Tally([Window("2011-03-16", "2011-03-31")], 0, null).Count(s => s[0] > 0));
        var lacking = Assert.Throws<InvalidOperationException>(() => snapshot.Tally([Window("2011-03-10", "2011-03-31")], 0, null));
        Assert.Contains("2011-03-10", lacking.Message, StringComparison.Ordinal);
        // The consent records come with a snapshot of every day only (the web app's).
        Assert.Throws<InvalidOperationException>(() => snapshot.Consents);
    }

    [Fact]
    public async Task Keep_OnlyTheGivenCustomers_UnknownIdsIgnored()
    {
        var snapshot = await CustomerActivitySnapshot.LoadAsync(Database.Factory, null, Token);

        var keep = snapshot.Keep([B, 99]);
        var tally = snapshot.Tally([Window("2010-12-01", "2011-04-01")], marks: 1, keep);
        snapshot.MarkFirstSales(tally, TestOrders.Day("2010-12-01"), TestOrders.Day("2011-04-01"), 0, keep);

        Assert.Equal(1, tally.Count(s => s[0] > 0));
        Assert.Equal(1, tally.Count(s => s[1] == 1));
        Assert.Null(snapshot.Keep(null));
    }

    [Fact]
    public async Task Store_WithVersions_OneSnapshotPerVersion_ReadAgainOnceAChangeIsHeard()
    {
        var notifier = new DataChangeNotifier();
        var store = new CustomerActivityStore(Database.Factory, new CurrentDataVersion(Database.Factory, notifier, TimeProvider.System));
        var kpis = new KpiQueries(Database.Factory, store);
        var march = Period.Month(2011, 3);
        await using var db = Database.CreateContext();

        var first = await store.GetAsync([], Token);
        Assert.Same(first, await store.GetAsync([], Token));
        Assert.Equal(2, (await kpis.GetSalesKpisAsync(march, null, cancellationToken: Token)).Current.ActiveCustomers);
        Assert.Equal(1, store.Loads);

        db.Orders.Add(TestOrders.Create("c2", C, TestOrders.Day("2011-03-25"), 15m));
        await db.SaveChangesAsync(Token);
        notifier.NotifyChanged();

        Assert.Equal(3, (await kpis.GetSalesKpisAsync(march, null, cancellationToken: Token)).Current.ActiveCustomers);
        Assert.Equal(2, store.Loads);
        Assert.Equal(5, (await store.GetAsync([], Token)).Orders);
    }

    [Fact]
    public async Task Store_WithoutVersions_ReadsEachCallTheOrdersItNeeds()
    {
        var store = new CustomerActivityStore(Database.Factory);

        var a = await store.GetAsync([(TestOrders.Day("2011-03-16"), TestOrders.Day("2011-03-31"))], Token);
        var b = await store.GetAsync([(TestOrders.Day("2011-03-16"), TestOrders.Day("2011-03-31"))], Token);

        Assert.NotSame(a, b);
        Assert.Equal(1, b.Orders);
        Assert.Equal(0, store.Loads);
    }

    [Fact]
    public async Task Warmup_ReadsAtStart_AndAfterEachChangeHeard_TheNodeReadyAfterTheFirst()
    {
        var notifier = new DataChangeNotifier();
        var store = new CustomerActivityStore(Database.Factory, new CurrentDataVersion(Database.Factory, notifier, TimeProvider.System));
        using var warmup = new ActivityWarmupService(store, notifier, NullLogger<ActivityWarmupService>.Instance);
        var ready = new ActivityWarmupHealthCheck(warmup, TimeSpan.FromMilliseconds(50));
        var notYet = await ready.CheckHealthAsync(new(), Token);

        var first = WarmedAsync(warmup, () => store.Loads == 1);
        await warmup.StartAsync(Token);
        await first;
        // Not ready before the first pass (nothing started it), ready after.
        Assert.Equal((HealthStatus.Unhealthy, "The customer activity is still being read into memory."), (notYet.Status, notYet.Description));
        Assert.Equal(HealthStatus.Healthy, (await ready.CheckHealthAsync(new(), Token)).Status);
        await using (var db = Database.CreateContext())
        {
            db.Orders.Add(TestOrders.Create("b2", B, TestOrders.Day("2011-03-26"), 15m));
            await db.SaveChangesAsync(Token);
        }
        var second = WarmedAsync(warmup, () => store.Loads == 2);
        notifier.NotifyChanged();
        await second;
        await warmup.StopAsync(Token);

        // The page's read finds the new version's snapshot held: no third read.
        Assert.Equal(5, (await store.GetAsync([], Token)).Orders);
        Assert.Equal(2, store.Loads);
    }

    /// <summary>Completes after a warm-up pass that leaves <paramref name="condition"/> true (at most 30 s).</summary>
    private static Task WarmedAsync(ActivityWarmupService warmup, Func<bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        warmup.Warmed += () =>
        {
            if (condition())
            {
                done.TrySetResult();
            }
        };
        return done.Task.WaitAsync(TimeSpan.FromSeconds(30), Token);
    }
}

/// <summary>Every test of <see cref="CustomerActivityStoreTests"/> on PostgreSQL.</summary>
public sealed class CustomerActivityStoreOnPostgresTests : CustomerActivityStoreTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Sales;

/// <summary>
/// A period's sales KPIs beside those of its comparison period (metrics.md), with the facts they come from
/// and the comparison's coverage (share of its days between the first and last day with data).
/// </summary>
public sealed record SalesKpiComparison(
    Period Period,
    Channel? Channel,
    SalesFacts CurrentFacts,
    SalesFacts PreviousFacts,
    SalesKpis Current,
    SalesKpis Previous,
    Period PreviousPeriod,
    double PreviousCoverage,
    ComparisonMode Mode = ComparisonMode.Previous);

/// <summary>Revenue figures of one slice (a month, a channel). Money unrounded; average basket null without orders.</summary>
public sealed record SalesTotals(long Orders, decimal GrossSales, decimal Returns, decimal NetRevenue, decimal? AverageBasket, long ActiveCustomers)
{
    public static SalesTotals FromMilli(long orders, long grossMilli, long returnsMilli, long activeCustomers) =>
        new(orders,
            grossMilli / 1000m,
            returnsMilli / 1000m,
            (grossMilli + returnsMilli) / 1000m,
            orders == 0 ? null : grossMilli / 1000m / orders,
            activeCustomers);
}

/// <summary>One month of the trend series (month key yyyymm).</summary>
public sealed record MonthlySales(int Month, SalesTotals Totals);

/// <summary>One channel's share of a period.</summary>
public sealed record ChannelSales(Channel Channel, SalesTotals Totals);

/// <summary>What <see cref="CohortCalculator"/> needs: cohort sizes and distinct active customers per (cohort, month).</summary>
public sealed record CohortInputs(int FromMonth, int ToMonth, IReadOnlyList<CohortSize> Sizes, IReadOnlyList<CohortActivity> Activity)
{
    public CohortMatrix ToMatrix() => CohortCalculator.Calculate(Sizes, Activity, ToMonth);
}

/// <summary>
/// Reads the inputs of the sales KPIs with set-based SQL over business dates, from the sales summaries kept with the
/// orders (<see cref="SalesSummaries"/>): order counts and amounts from the day × channel rows; the customer counts of any
/// period (active, new, repeat, retained, lapsed, per channel), the active customers per month and the cohorts from the
/// customer × year rows, the first sales and the orders of the period's partial months (<see cref="CustomerActivityTally"/>),
/// held in memory (<see cref="CustomerActivitySnapshot"/>); order totals over a set of customers from the <c>Orders</c> table
/// (order lines are never read), on the long <c>AmountMilli</c> column. One context per call.
/// </summary>
/// <remarks>
/// Channel filter: order-based figures and active, repeat and retained customers count only
/// sale orders of that channel. "First sale order ever" (new customers) and "last sale order"
/// (lapsed customers) look at every channel: a customer who moves from the store to the web is
/// neither new on the web nor lapsed; with a channel, lapsed customers are those who ever bought
/// in that channel before the end of the period.
/// <para>
/// Customer set (<c>customerIds</c>, e.g. the customers of one RFM segment at a date): every figure
/// then counts only orders of those customers (anonymous orders are left out), and the customer counts
/// (active, new, repeat, retained, lapsed, cohorts) only those customers. The set is fixed: the previous
/// period is measured over the same customers. The customer counts keep its customers in memory
/// (<see cref="CustomerActivitySnapshot.Keep"/>); its order totals come from the node's snapshot in the web app, elsewhere from
/// SQL with the set as one parameter.
/// </para>
/// </remarks>
/// <param name="activity">The customer × year rows, first sales and sale orders the customer counts are taken from (the web app's
/// shares one per data version); null: each call reads what it needs.</param>
public sealed class KpiQueries(IDbContextFactory<InsightDbContext> factory, CustomerActivityStore? activity = null)
{
    private readonly CustomerActivityStore activities = activity ?? new CustomerActivityStore(factory);

    /// <summary>The KPIs of <paramref name="period"/> and of its previous period (each with its own retention).</summary>
    public Task<SalesKpiComparison> GetSalesKpisAsync(Period period, Channel? channel, int lapsedAfterDays = KpiOptions.DefaultLapsedAfterDays,
        CancellationToken cancellationToken = default) =>
        GetSalesKpisAsync(period, channel, lapsedAfterDays, null, cancellationToken);

    /// <summary>The KPIs of <paramref name="period"/> and of its previous period over a set of customers.</summary>
    /// <param name="customerIds">Only these customers (see the remarks of the class); null for everyone.</param>
    public Task<SalesKpiComparison> GetSalesKpisAsync(Period period, Channel? channel, int lapsedAfterDays, IReadOnlyCollection<int>? customerIds,
        CancellationToken cancellationToken = default) =>
        GetSalesKpisAsync(period, ComparisonMode.Previous, channel, lapsedAfterDays, customerIds, cancellationToken);

    /// <summary>
    /// The KPIs of <paramref name="period"/> and of its comparison period of <paramref name="mode"/>, with that
    /// comparison's coverage. Retention always compares a period with its previous period (metrics.md), so the
    /// comparison period's retention is measured against its own previous period.
    /// </summary>
    public async Task<SalesKpiComparison> GetSalesKpisAsync(Period period, ComparisonMode mode, Channel? channel, int lapsedAfterDays,
        IReadOnlyCollection<int>? customerIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentOutOfRangeException.ThrowIfNegative(lapsedAfterDays);
        var ids = ToArray(customerIds);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (await GetKpisAsync(db, period, mode, channel, lapsedAfterDays, ids, false, cancellationToken)).Kpis;
    }

    /// <summary>
    /// <see cref="GetSalesKpisAsync(Period, ComparisonMode, Channel?, int, IReadOnlyCollection{int}?, CancellationToken)"/> and
    /// <see cref="GetChannelBreakdownAsync(Period, IReadOnlyCollection{int}?, CancellationToken)"/> of the period together: the
    /// customer counts of both come from one read of the customer × year rows (the dashboard shows both).
    /// </summary>
    public async Task<(SalesKpiComparison Kpis, IReadOnlyList<ChannelSales> Channels)> GetSalesKpisAndChannelsAsync(Period period,
        ComparisonMode mode, Channel? channel, int lapsedAfterDays, IReadOnlyCollection<int>? customerIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentOutOfRangeException.ThrowIfNegative(lapsedAfterDays);
        var ids = ToArray(customerIds);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (kpis, active) = await GetKpisAsync(db, period, mode, channel, lapsedAfterDays, ids, true, cancellationToken);
        return (kpis, await ChannelSalesAsync(db, period, ids, active, cancellationToken));
    }

    private async Task<(SalesKpiComparison Kpis, long[] ActivePerChannel)> GetKpisAsync(InsightDbContext db, Period period,
        ComparisonMode mode, Channel? channel, int lapsedAfterDays, int[]? ids, bool channels, CancellationToken cancellationToken)
    {
        var comparison = period.Comparison(mode);
        var (current, previous, active) = await GetFactsAsync(db, period, comparison, channel, lapsedAfterDays, ids, channels, cancellationToken);
        var coverage = await GetCoverageAsync(db, comparison, cancellationToken);
        return (new SalesKpiComparison(period, channel, current, previous, SalesKpiCalculator.Calculate(current),
            SalesKpiCalculator.Calculate(previous), comparison, coverage, mode), active);
    }

    /// <summary>The coverage of <paramref name="period"/> by the data (metrics.md): the first and last business dates of any order.</summary>
    public async Task<double> GetCoverageAsync(Period period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await GetCoverageAsync(db, period, cancellationToken);
    }

    /// <summary>The first and last business dates of any order (null, null without orders): what coverage is measured against.</summary>
    public async Task<(DateOnly? First, DateOnly? Last)> GetDataSpanAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await SalesReads.DataSpanAsync(db, cancellationToken);
    }

    private static async Task<double> GetCoverageAsync(InsightDbContext db, Period period, CancellationToken cancellationToken)
    {
        var (first, last) = await SalesReads.DataSpanAsync(db, cancellationToken);
        return PeriodCoverage.Of(period, first, last);
    }

    /// <summary>The facts of one period; its retention compares with <see cref="Period.Previous"/>.</summary>
    public async Task<SalesFacts> GetSalesFactsAsync(Period period, Channel? channel, int lapsedAfterDays = KpiOptions.DefaultLapsedAfterDays,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (await GetFactsAsync(db, period, period.Previous, channel, lapsedAfterDays, null, false, cancellationToken)).Current;
    }

    /// <summary>
    /// Monthly series over the whole calendar months that <paramref name="range"/> touches (every
    /// month present, zeros where nothing happened), in month order.
    /// </summary>
    public Task<IReadOnlyList<MonthlySales>> GetMonthlyTrendAsync(Period range, Channel? channel, CancellationToken cancellationToken = default) =>
        GetMonthlyTrendAsync(range, channel, null, cancellationToken);

    /// <summary>The monthly series over a set of customers (null for everyone).</summary>
    public async Task<IReadOnlyList<MonthlySales>> GetMonthlyTrendAsync(Period range, Channel? channel, IReadOnlyCollection<int>? customerIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(range);
        var months = range.MonthKeys();
        var from = BusinessCalendar.MonthStart(months[0]);
        var to = BusinessCalendar.MonthStart(months[^1]).AddMonths(1);
        var ids = ToArray(customerIds);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Order totals: the day summary (everyone) or the set's orders; active customers: a count of customer-month rows.
        var setTotals = ids is null ? null : await SetTotalsAsync(from, to, ids, months.Count,
            (day, c) => channel is { } only && c != only ? -1 : MonthIndex(months[0], day), cancellationToken);
        var totals = setTotals is not null
            ? months.Select((m, i) => new MonthTotals(m, setTotals[i].SaleOrders, setTotals[i].GrossMilli, setTotals[i].ReturnsMilli))
                .ToDictionary(t => t.Month)
            : ids is null
            ? await InRange(db.SalesDays.AsNoTracking(), from, to, channel)
                .GroupBy(d => d.BusinessMonth)
                .Select(g => new MonthTotals(g.Key, g.Sum(d => d.SaleOrders), g.Sum(d => d.GrossMilli), g.Sum(d => d.ReturnsMilli)))
                .ToDictionaryAsync(r => r.Month, cancellationToken)
            : (await InRange(Of(db.Orders.AsNoTracking(), ids), from, to, channel)
                // By day, not by month: the customer index (IX_Orders_Customer) has the day but not the month, and covers
                // the query only so (grouped by month, the set's orders were read row by row from the table).
                .GroupBy(o => o.BusinessDate)
                .Select(g => new
                {
                    Day = g.Key,
                    Orders = g.LongCount(o => o.Kind == OrderKind.Sale),
                    Gross = g.Where(o => o.Kind == OrderKind.Sale).Sum(o => o.AmountMilli),
                    Returns = g.Where(o => o.Kind == OrderKind.Cancellation).Sum(o => o.AmountMilli),
                })
                .ToListAsync(cancellationToken))
                .GroupBy(d => BusinessCalendar.MonthKey(d.Day))
                .ToDictionary(g => g.Key, g => new MonthTotals(g.Key, g.Sum(d => d.Orders), g.Sum(d => d.Gross), g.Sum(d => d.Returns)));
        var snapshot = await activities.GetAsync([], cancellationToken);
        var active = snapshot.ActivePerMonth(months[0], months[^1], channel, snapshot.Keep(ids));
        return months
            .Select(m => totals.TryGetValue(m, out var r)
                ? new MonthlySales(m, SalesTotals.FromMilli(r.Orders, r.GrossMilli, r.ReturnsMilli, active.GetValueOrDefault(m)))
                : new MonthlySales(m, SalesTotals.FromMilli(0, 0, 0, active.GetValueOrDefault(m))))
            .ToList();
    }

    /// <summary>Revenue figures per channel for a period, every channel listed (zeros included), in enum order.</summary>
    public Task<IReadOnlyList<ChannelSales>> GetChannelBreakdownAsync(Period period, CancellationToken cancellationToken = default) =>
        GetChannelBreakdownAsync(period, null, cancellationToken);

    /// <summary>Revenue figures per channel over a set of customers (null for everyone).</summary>
    public async Task<IReadOnlyList<ChannelSales>> GetChannelBreakdownAsync(Period period, IReadOnlyCollection<int>? customerIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var ids = ToArray(customerIds);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Distinct customers per channel over the period: one window per channel (a customer counts once per channel).
        var channels = Enum.GetValues<Channel>();
        ActivityWindow[] windows = [.. channels.Select(c => new ActivityWindow(period.Start, period.End, c))];
        var snapshot = await activities.GetAsync(CustomerActivityTally.EdgeDays(windows), cancellationToken);
        var tally = snapshot.Tally(windows, marks: 0, snapshot.Keep(ids));
        return await ChannelSalesAsync(db, period, ids,
            tally.Count([.. channels.Select((_, w) => (Func<ReadOnlySpan<byte>, bool>)(s => s[w] > 0))]), cancellationToken);
    }

    /// <summary>The channel breakdown's order figures, with its active customers per channel (in enum order) counted elsewhere.</summary>
    private async Task<IReadOnlyList<ChannelSales>> ChannelSalesAsync(InsightDbContext db, Period period, int[]? ids, long[] active,
        CancellationToken cancellationToken)
    {
        var all = Enum.GetValues<Channel>();
        var setTotals = ids is null ? null
            : await SetTotalsAsync(period.Start, period.End, ids, all.Length, (_, c) => Array.IndexOf(all, c), cancellationToken);
        var totals = setTotals is not null
            ? all.Select((c, i) => new { Channel = c, Orders = setTotals[i].SaleOrders, Gross = setTotals[i].GrossMilli,
                Returns = setTotals[i].ReturnsMilli }).ToDictionary(r => r.Channel)
            : ids is null
            ? await InRange(db.SalesDays.AsNoTracking(), period.Start, period.End, null)
                .GroupBy(d => d.Channel)
                .Select(g => new { Channel = g.Key, Orders = g.Sum(d => d.SaleOrders), Gross = g.Sum(d => d.GrossMilli),
                    Returns = g.Sum(d => d.ReturnsMilli) })
                .ToDictionaryAsync(r => r.Channel, cancellationToken)
            : await InRange(Of(db.Orders.AsNoTracking(), ids), period.Start, period.End, null)
                .GroupBy(o => o.Channel)
                .Select(g => new
                {
                    Channel = g.Key,
                    Orders = g.LongCount(o => o.Kind == OrderKind.Sale),
                    Gross = g.Where(o => o.Kind == OrderKind.Sale).Sum(o => o.AmountMilli),
                    Returns = g.Where(o => o.Kind == OrderKind.Cancellation).Sum(o => o.AmountMilli),
                })
                .ToDictionaryAsync(r => r.Channel, cancellationToken);
        return Enum.GetValues<Channel>()
            .Select((c, w) => totals.TryGetValue(c, out var r)
                ? new ChannelSales(c, SalesTotals.FromMilli(r.Orders, r.Gross, r.Returns, active[w]))
                : new ChannelSales(c, SalesTotals.FromMilli(0, 0, 0, active[w])))
            .ToList();
    }

    /// <summary>
    /// Cohorts whose first sale month (ever, all channels) is in <c>[fromMonth, toMonth]</c> and their
    /// distinct active customers per month up to <paramref name="toMonth"/> (month keys yyyymm).
    /// </summary>
    public Task<CohortInputs> GetCohortInputsAsync(int fromMonth, int toMonth, CancellationToken cancellationToken = default) =>
        GetCohortInputsAsync(fromMonth, toMonth, null, cancellationToken);

    /// <summary>The cohorts of a set of customers (null for everyone): their first sale month and monthly activity.</summary>
    public async Task<CohortInputs> GetCohortInputsAsync(int fromMonth, int toMonth, IReadOnlyCollection<int>? customerIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fromMonth, toMonth);
        var ids = ToArray(customerIds);
        // Cohort sizes: customers by first sale month; activity: their months with a sale order (the customer × year rows).
        var snapshot = await activities.GetAsync([], cancellationToken);
        var (sizes, activity) = snapshot.Cohorts(fromMonth, toMonth, snapshot.Keep(ids));
        return new CohortInputs(
            fromMonth,
            toMonth,
            [.. sizes.Select(s => new CohortSize(s.Key, s.Value))],
            [.. activity.Select(a => new CohortActivity(a.Key.Cohort, a.Key.Month, a.Value))]);
    }

    /// <summary>
    /// The business date of the latest sale order, anonymous ones included (null on an empty database): the default
    /// period's reference and, a day later, RFM's default analysis date.
    /// </summary>
    public async Task<DateOnly?> GetLatestSaleDateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await SalesReads.LatestSaleDateAsync(db, cancellationToken);
    }

    private sealed record MonthTotals(int Month, long Orders, long GrossMilli, long ReturnsMilli);

    private static IQueryable<SalesDay> InRange(IQueryable<SalesDay> days, DateOnly start, DateOnly end, Channel? channel)
    {
        var query = days.Where(d => d.BusinessDate >= start && d.BusinessDate < end);
        return channel is { } c ? query.Where(d => d.Channel == c) : query;
    }

    /// <summary>
    /// Only the orders of <paramref name="customerIds"/> when given. <c>EF.Parameter</c> sends the set as one JSON
    /// parameter (on SQLite read with <c>json_each</c>): EF Core 10's default would bind one
    /// SQL variable per id, and SQLite refuses more than 32,766 of them (a large segment of a large base).
    /// </summary>
    private static IQueryable<Order> Of(IQueryable<Order> orders, int[]? customerIds) =>
        customerIds is null ? orders : orders.Where(o => o.CustomerId != null && EF.Parameter(customerIds).Contains(o.CustomerId.Value));

    private static int[]? ToArray(IReadOnlyCollection<int>? customerIds) => customerIds switch
    {
        null => null,
        int[] array => array,
        _ => [.. customerIds],
    };

    /// <summary>
    /// The order totals of a set of customers over <c>[from, to)</c> in buckets (<see cref="CustomerActivitySnapshot.OrderTotals"/>)
    /// from the node's snapshot where the store keeps one (the web app: no statement carrying the set, which at a segment of
    /// 100 k customers cost 0.26–0.32 s each on SQLite at 10 M order lines); null elsewhere (the query reads the set's orders in SQL).
    /// </summary>
    private async Task<(long SaleOrders, long GrossMilli, long ReturnsMilli)[]?> SetTotalsAsync(DateOnly from, DateOnly to, int[] ids,
        int buckets, Func<int, Channel, int> bucketOf, CancellationToken cancellationToken)
    {
        if (!activities.KeepsSnapshots)
        {
            return null;
        }
        var snapshot = await activities.GetWholeAsync(cancellationToken);
        return snapshot.OrderTotals(from, to, snapshot.Keep(ids)!, buckets, bucketOf);
    }

    /// <summary>The position of a day's month among consecutive months starting at <paramref name="firstMonth"/> (yyyymm).</summary>
    private static int MonthIndex(int firstMonth, int dayNumber)
    {
        var day = DateOnly.FromDayNumber(dayNumber);
        return ((day.Year - (firstMonth / 100)) * 12) + day.Month - (firstMonth % 100);
    }

    private static IQueryable<Order> InRange(IQueryable<Order> orders, DateOnly start, DateOnly end, Channel? channel)
    {
        var query = orders.Where(o => o.BusinessDate >= start && o.BusinessDate < end);
        return channel is { } c ? query.Where(o => o.Channel == c) : query;
    }

    /// <summary>
    /// The facts of a period and of its comparison period: two order totals (day rows, or the set's orders), and the
    /// customer counts of both periods from one read of the customer × year rows and of the orders of their edge days.
    /// </summary>
    private async Task<(SalesFacts Current, SalesFacts Previous, long[] ActivePerChannel)> GetFactsAsync(InsightDbContext db, Period period,
        Period comparison, Channel? channel, int lapsedAfterDays, int[]? customerIds, bool channels, CancellationToken cancellationToken)
    {
        var current = await GetOrderTotalsAsync(db, period, channel, customerIds, cancellationToken);
        var before = await GetOrderTotalsAsync(db, comparison, channel, customerIds, cancellationToken);
        var customers = await GetCustomerCountsAsync(period, comparison, channel, lapsedAfterDays, customerIds, channels, cancellationToken);
        return (current.ToFacts(customers.Current), before.ToFacts(customers.Previous), customers.ActivePerChannel);
    }

    private sealed record OrderTotals(long SaleOrders, long GrossMilli, long ReturnsMilli, long IdentifiedSaleOrders)
    {
        public SalesFacts ToFacts(CustomerCounts c) => new(
            SaleOrders: SaleOrders,
            GrossSalesMilli: GrossMilli,
            ReturnsMilli: ReturnsMilli,
            IdentifiedSaleOrders: IdentifiedSaleOrders,
            ActiveCustomers: c.Active,
            NewCustomers: c.New,
            RepeatCustomers: c.Repeat,
            RetainedCustomers: c.Retained,
            PreviousActiveCustomers: c.PreviousActive,
            LapsedCustomers: c.Lapsed);
    }

    private sealed record CustomerCounts(long Active, long New, long Repeat, long Retained, long PreviousActive, long Lapsed);

    private async Task<OrderTotals> GetOrderTotalsAsync(InsightDbContext db, Period period, Channel? channel, int[]? customerIds,
        CancellationToken cancellationToken)
    {
        if (customerIds is null)
        {
            // Everyone: the day summary (plain SQL, as every read of the kpi verb: SqlReads).
            var (saleOrders, gross, returns, identified) = await SalesReads.DayTotalsAsync(db, period.Start, period.End, channel, cancellationToken);
            return new OrderTotals(saleOrders, gross, returns, identified);
        }
        if (await SetTotalsAsync(period.Start, period.End, customerIds, 1, (_, c) => channel is { } only && c != only ? -1 : 0,
                cancellationToken) is [var t])
        {
            // Every order of a set is identified.
            return new OrderTotals(t.SaleOrders, t.GrossMilli, t.ReturnsMilli, t.SaleOrders);
        }
        var byKind = await InRange(Of(db.Orders.AsNoTracking(), customerIds), period.Start, period.End, channel)
            .GroupBy(o => o.Kind)
            .Select(g => new
            {
                Kind = g.Key,
                Orders = g.LongCount(),
                Amount = g.Sum(o => o.AmountMilli),
                Identified = g.LongCount(o => o.CustomerId != null),
            })
            .ToListAsync(cancellationToken);
        var sale = byKind.SingleOrDefault(k => k.Kind == OrderKind.Sale);
        var cancellation = byKind.SingleOrDefault(k => k.Kind == OrderKind.Cancellation);
        return new OrderTotals(sale?.Orders ?? 0, sale?.Amount ?? 0, cancellation?.Amount ?? 0, sale?.Identified ?? 0);
    }

    /// <summary>
    /// Active, new, repeat, retained, previously active and lapsed customers of the period (P) and of its comparison
    /// period (C), from the sale orders per customer in bounded windows (<see cref="CustomerActivityTally"/>: the customer ×
    /// year masks for whole months, the orders of the edge days) and marks from the customer summary: P, P's previous period
    /// (PP, P's retention), C and C's previous period (CP), all of the channel if any; from each lapse cutoff to the end (any
    /// channel); from 1 January of the first year read to each cutoff (the channel); marks: first sale ever within P, within C
    /// (new customers: active and no sale order before the start), a sale of the channel (any) before that first year.
    /// Lapsed: the last sale order (any channel) before the period's end is older than the threshold, measured from the
    /// period's exclusive end, like recency from the RFM analysis date: a sale of the channel before the cutoff and none
    /// (any channel) from the cutoff to the end. With <paramref name="channels"/>, also the customers active in P per channel
    /// (the channel breakdown), from the same read.
    /// </summary>
    private async Task<(CustomerCounts Current, CustomerCounts Previous, long[] ActivePerChannel)> GetCustomerCountsAsync(
        Period period, Period comparison, Channel? channel, int lapsedAfterDays, int[]? customerIds, bool channels,
        CancellationToken cancellationToken)
    {
        if (comparison.End > period.End)
        {
            throw new ArgumentException($"The comparison period {comparison} ends after the period {period}.", nameof(comparison));
        }
        Period[] periods = [period, comparison];
        var cutoffs = periods.Select(p => p.End.AddDays(-lapsedAfterDays)).ToArray();
        // The first year read: every window below starts on or after its 1 January (the cutoffs are window starts).
        var firstYear = periods.SelectMany(p => new[] { p.Start, p.Previous.Start }).Concat(cutoffs).Min().Year;
        var yearStart = new DateOnly(firstYear, 1, 1);
        ActivityWindow[] Windows(int i) =>
        [
            new(periods[i].Start, periods[i].End, channel), new(periods[i].Previous.Start, periods[i].Previous.End, channel),
            new(cutoffs[i], periods[i].End, null), new(yearStart, cutoffs[i], channel),
        ];
        var all = Enum.GetValues<Channel>();
        ActivityWindow[] breakdown = channels ? [.. all.Select(c => new ActivityWindow(period.Start, period.End, c))] : [];
        const int Width = 4, FirstSaleInP = 0, FirstSaleInC = 1, Earlier = 2;
        ActivityWindow[] windows = [.. Windows(0), .. Windows(1), .. breakdown];
        var marks = 2 * Width + breakdown.Length;
        var snapshot = await activities.GetAsync(CustomerActivityTally.EdgeDays(windows), cancellationToken);
        var keep = snapshot.Keep(customerIds);
        var tally = snapshot.Tally(windows, marks: 3, keep);
        snapshot.MarkFirstSales(tally, period.Start, period.End, FirstSaleInP, keep);
        snapshot.MarkFirstSales(tally, comparison.Start, comparison.End, FirstSaleInC, keep);
        snapshot.MarkEarlierCustomers(tally, firstYear, channel, Earlier, keep);
        // Active, new, repeat, retained, previously active, lapsed: of P (window 0), of C (window Width); then per channel.
        Func<ReadOnlySpan<byte>, bool>[] Figures(int w, int firstSale) =>
        [
            s => s[w] > 0, s => s[w] > 0 && s[marks + firstSale] > 0, s => s[w] >= 2, s => s[w] > 0 && s[w + 1] > 0, s => s[w + 1] > 0,
            s => (s[w + 3] > 0 || s[marks + Earlier] > 0) && s[w + 2] == 0,
        ];
        var n = tally.Count([.. Figures(0, FirstSaleInP), .. Figures(Width, FirstSaleInC),
            .. breakdown.Select((_, i) => (Func<ReadOnlySpan<byte>, bool>)(s => s[(2 * Width) + i] > 0))]);
        static CustomerCounts Counts(ReadOnlySpan<long> n) => new(n[0], n[1], n[2], n[3], n[4], n[5]);
        return (Counts(n.AsSpan(0, 6)), Counts(n.AsSpan(6, 6)), n[12..]);
    }
}

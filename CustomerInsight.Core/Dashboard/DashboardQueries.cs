using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Surveys;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Dashboard;

/// <summary>What the dashboard, the satisfaction page and the <c>kpi</c> verb look at.</summary>
/// <param name="Channel">Only orders and responses of this channel.</param>
/// <param name="SurveyKind">Only transactional or only relational responses (sales figures ignore it).</param>
/// <param name="Segment">
/// Only the customers in this RFM segment at the analysis date <see cref="Period.End"/> (the day after the
/// period's last day, as metrics.md's default analysis date is the day after the latest sale): a fixed set,
/// so the previous period, the trends, the channels, the cohorts and the satisfaction figures are all
/// measured over the same customers. Anonymous orders and responses are then left out.
/// </param>
/// <param name="Compare">What the period is compared with (metrics.md): the previous period or the same period last year.</param>
/// <param name="CustomSegment">
/// Only the customers of this custom segment (<see cref="Segments.SegmentRef"/>), placed at <see cref="SegmentDate"/> by the
/// version in use of its segmentation, like <paramref name="Segment"/> otherwise; the two are not combined (the custom one wins).
/// </param>
public sealed record KpiFilter(Period Period, Channel? Channel = null, SurveyKind? SurveyKind = null, RfmSegment? Segment = null,
    ComparisonMode Compare = ComparisonMode.Previous,
    Segments.SegmentRef? CustomSegment = null)
{
    /// <summary>The date the segment is taken at: the period's exclusive end.</summary>
    public DateOnly SegmentDate => Period.End;

    /// <summary>The comparison period of <see cref="Compare"/>.</summary>
    public Period ComparisonPeriod => Period.Comparison(Compare);
}

/// <summary>The customers a segment filter kept: the segment, the analysis date it was scored at and how many customers.</summary>
public sealed record SegmentScope(RfmSegment Segment, DateOnly AnalysisDate, int Customers)
{
    /// <summary>The RFM segmentation version that placed the customers (what the page and the workbook name).</summary>
    public RfmGridSettings? RfmSettings { get; init; }
}

/// <summary>The thresholds of <c>Kpi:*</c>.</summary>
public sealed record KpiThresholds(int LapsedAfterDays = KpiOptions.DefaultLapsedAfterDays, int MinResponses = KpiOptions.DefaultMinResponses);

/// <summary>Every KPI of one period.</summary>
public sealed record KpiSnapshot(SalesKpis Sales, SatisfactionKpis Satisfaction)
{
    /// <summary>The figure a KPI card shows (rates as fractions, NPS in points); null where undefined.</summary>
    public double? Value(Kpi kpi) => kpi switch
    {
        Kpi.Orders => Sales.Orders,
        Kpi.GrossSales => (double)Sales.GrossSales,
        Kpi.Returns => (double)Sales.Returns,
        Kpi.NetRevenue => (double)Sales.NetRevenue,
        Kpi.AverageBasket => (double?)Sales.AverageBasket,
        Kpi.ActiveCustomers => Sales.ActiveCustomers,
        Kpi.NewCustomers => Sales.NewCustomers,
        Kpi.PurchaseFrequency => Sales.PurchaseFrequency,
        Kpi.RepeatPurchaseRate => Sales.RepeatPurchaseRate,
        Kpi.RetentionRate => Sales.RetentionRate,
        Kpi.ChurnRate => Sales.ChurnRate,
        Kpi.LapsedCustomers => Sales.LapsedCustomers,
        Kpi.Nps => Satisfaction.Nps,
        Kpi.Csat => Satisfaction.Csat,
        Kpi.MeanSatisfaction => Satisfaction.MeanSatisfaction,
        _ => throw new ArgumentOutOfRangeException(nameof(kpi), kpi, null),
    };

    /// <summary>Whether the figure rests on fewer responses than <c>Kpi:MinResponses</c>.</summary>
    public bool IsSmallSample(Kpi kpi) => kpi switch
    {
        Kpi.Nps => Satisfaction.IsNpsSmallSample,
        Kpi.Csat or Kpi.MeanSatisfaction => Satisfaction.IsCsatSmallSample,
        _ => false,
    };
}

/// <summary>A period's KPIs beside those of its comparison period, with that period's coverage (0–1, metrics.md).</summary>
public sealed record KpiComparison(KpiFilter Filter, Period PreviousPeriod, KpiSnapshot Current, KpiSnapshot Previous, double PreviousCoverage = 1)
{
    public Period Period => Filter.Period;

    /// <summary>The comparison period has days without data: every change is marked partial.</summary>
    public bool IsPartial => PeriodCoverage.IsPartial(PreviousCoverage);

    /// <summary>The comparison period has no data at all: no change is shown ("n/a").</summary>
    public bool HasNoComparison => PeriodCoverage.IsEmpty(PreviousCoverage);

    /// <summary>The change of a KPI; undefined (no value, no trend) when the comparison period has no data.</summary>
    public KpiChange Change(Kpi kpi) => HasNoComparison
        ? new KpiChange(kpi, KpiChange.KindOf(kpi), null, null, null)
        : Measure(kpi);

    private KpiChange Measure(Kpi kpi) => kpi switch
    {
        // Money compares exactly, in decimal.
        Kpi.GrossSales => KpiChange.Of(kpi, Current.Sales.GrossSales, Previous.Sales.GrossSales),
        Kpi.Returns => KpiChange.Of(kpi, Current.Sales.Returns, Previous.Sales.Returns),
        Kpi.NetRevenue => KpiChange.Of(kpi, Current.Sales.NetRevenue, Previous.Sales.NetRevenue),
        Kpi.AverageBasket => KpiChange.Of(kpi, Current.Sales.AverageBasket, Previous.Sales.AverageBasket),
        _ => KpiChange.Of(kpi, Current.Value(kpi), Previous.Value(kpi)),
    };
}

/// <summary>Satisfaction figures of one month (yyyymm).</summary>
public sealed record MonthlySatisfactionKpis(int Month, SatisfactionKpis Kpis);

/// <summary>Everything the dashboard shows for one filter.</summary>
/// <param name="TrendRange">The whole months of the trend charts: at least the twelve months ending with the period's last month.</param>
/// <param name="Segment">The segment filter's customers; null without a segment filter.</param>
/// <param name="LastYear">The same months one year earlier, with their coverage (the trend charts' overlay); null unless the filter compares with
/// last year.</param>
public sealed record DashboardData(
    KpiComparison Kpis,
    Period TrendRange,
    IReadOnlyList<MonthlySales> SalesTrend,
    IReadOnlyList<MonthlySatisfactionKpis> SatisfactionTrend,
    IReadOnlyList<ChannelSales> Channels,
    CohortMatrix Cohorts,
    SegmentScope? Segment = null,
    LastYearTrend? LastYear = null,
    Segments.SegmentMembers? CustomSegment = null);

/// <summary>The trend months one year earlier (same order as the current ones) and the share of their days with data.</summary>
public sealed record LastYearTrend(
    Period Range,
    IReadOnlyList<MonthlySales> Sales,
    IReadOnlyList<MonthlySatisfactionKpis> Satisfaction,
    double Coverage);

/// <summary>NPS and CSAT of one segment's customers (<see cref="Rfm"/> set for an RFM segment, <see cref="Name"/> for a custom one).</summary>
public sealed record SegmentSatisfaction(string Key, RfmSegment? Rfm, string? Name, int Customers, SatisfactionKpis Kpis);

/// <summary>
/// NPS and CSAT by segment side by side: the segments of the custom segmentation of the filter's segment (its version in use,
/// <see cref="SegmentationName"/> and <see cref="Version"/>), else the RFM segments; at the filter's segment date, over the
/// filter's period, channel and survey kind.
/// </summary>
public sealed record SatisfactionBySegment(string? SegmentationName, int? Version, DateOnly AnalysisDate,
    IReadOnlyList<SegmentSatisfaction> Segments);

/// <summary>
/// The dashboard's and the <c>kpi</c> verb's figures: composes
/// <see cref="KpiQueries"/> and <see cref="SatisfactionQueries"/> (set-based SQL, one context per
/// query) with the pure calculators. The independent reads run concurrently (<see cref="Concurrent"/>). A segment filter is
/// resolved once per call into the ids of its customers (<see cref="RfmScoreCache"/>: the whole base is
/// scored once per analysis date) and every query is then restricted to them in SQL.
/// </summary>
/// <remarks>
/// The dashboard's data are kept a few minutes per filter and <see cref="DataVersion"/>: the page's prerender and its interactive render
/// a moment later, and every executive opening the same view, compute them once (at 10 M order lines, 5 s).
/// </remarks>
public sealed class DashboardQueries(KpiQueries kpiQueries, SatisfactionQueries satisfactionQueries, RfmScoreCache rfmScores,
    IDbContextFactory<InsightDbContext> factory, TimeProvider clock, Segments.SegmentationQueries? segmentations = null,
    CurrentDataVersion? versions = null)
{
    private readonly ResultCache<(KpiFilter Filter, KpiThresholds Thresholds, DataVersion Version, int Segmentations), DashboardData> dashboards =
        new(capacity: 16, lifetime: TimeSpan.FromMinutes(5), clock);

    /// <summary>The KPIs of the filter's period and of its comparison period (<see cref="KpiFilter.ComparisonPeriod"/>).</summary>
    public async Task<KpiComparison> GetKpisAsync(KpiFilter filter, KpiThresholds thresholds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(thresholds);
        return await GetKpisAsync(filter, thresholds, await GetCustomerIdsAsync(filter, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The ids of the customers of the filter's segment at <see cref="KpiFilter.SegmentDate"/>, ascending;
    /// null without a segment filter (every order counts, anonymous ones included).
    /// </summary>
    public async Task<int[]?> GetCustomerIdsAsync(KpiFilter filter, CancellationToken cancellationToken = default) =>
        (await ResolveSegmentAsync(filter, cancellationToken)).Ids;

    /// <summary>
    /// The customers of the filter's segment (RFM or custom) at <see cref="KpiFilter.SegmentDate"/>, ascending, and for a custom
    /// segment the version that placed them; null ids without a segment filter. A custom segment the version in use no longer
    /// has keeps nobody.
    /// </summary>
    public async Task<(int[]? Ids, Segments.SegmentMembers? Custom)> ResolveSegmentAsync(KpiFilter filter,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.CustomSegment is { } custom)
        {
            var members = segmentations is null ? null : await segmentations.GetMembersAsync(custom, filter.SegmentDate,
                cancellationToken: cancellationToken);
            return (members?.CustomerIds ?? [], members);
        }
        return filter.Segment is { } segment
            ? (await rfmScores.GetSegmentIdsAsync(filter.SegmentDate, segment, cancellationToken), null)
            : (null, null);
    }

    private Task<KpiComparison> GetKpisAsync(KpiFilter filter, KpiThresholds thresholds, int[]? customers, CancellationToken cancellationToken) =>
        GetKpisAsync(filter, thresholds, customers, Concurrent.Read(() => kpiQueries.GetSalesKpisAsync(filter.Period, filter.Compare, filter.Channel,
            thresholds.LapsedAfterDays, customers, cancellationToken)), cancellationToken);

    /// <summary>The KPIs from the sales figures being read (<paramref name="sales"/>) and the satisfaction figures, read here.</summary>
    private async Task<KpiComparison> GetKpisAsync(KpiFilter filter, KpiThresholds thresholds, int[]? customers, Task<SalesKpiComparison> sales,
        CancellationToken cancellationToken)
    {
        var period = filter.Period;
        var previous = filter.ComparisonPeriod;
        var current = Concurrent.Read(() => satisfactionQueries.GetFactsAsync(
            new SatisfactionFilter(period, filter.Channel, filter.SurveyKind, customers), cancellationToken));
        var before = Concurrent.Read(() => satisfactionQueries.GetFactsAsync(
            new SatisfactionFilter(previous, filter.Channel, filter.SurveyKind, customers), cancellationToken));
        await Task.WhenAll(sales, current, before);
        return new KpiComparison(
            filter,
            previous,
            new KpiSnapshot(sales.Result.Current, SatisfactionCalculator.Calculate(current.Result, thresholds.MinResponses)),
            new KpiSnapshot(sales.Result.Previous, SatisfactionCalculator.Calculate(before.Result, thresholds.MinResponses)),
            sales.Result.PreviousCoverage);
    }

    /// <summary>Everything the dashboard shows for a filter (from the cache while the data have not changed).</summary>
    public async Task<DashboardData> GetDashboardAsync(KpiFilter filter, KpiThresholds thresholds, CancellationToken cancellationToken = default) =>
        await (await EntryAsync(filter, thresholds, cancellationToken)).WaitAsync(cancellationToken);

    /// <summary>
    /// Starts computing <see cref="GetDashboardAsync"/>'s figures into the cache without waiting for them; returns once the entry is
    /// in place. For a prerender that leaves the figures to the interactive render. A failure is met by whoever asks next.
    /// </summary>
    public async Task StartAsync(KpiFilter filter, KpiThresholds thresholds, CancellationToken cancellationToken = default)
    {
        var entry = await EntryAsync(filter, thresholds, cancellationToken);
        _ = entry.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }

    /// <summary>Whether the figures of <see cref="GetDashboardAsync"/> for the data as they are now are held or being computed.</summary>
    public async Task<bool> HoldsAsync(KpiFilter filter, KpiThresholds thresholds, CancellationToken cancellationToken = default) =>
        dashboards.Contains(await KeyAsync(filter, thresholds, cancellationToken));

    private async Task<Task<DashboardData>> EntryAsync(KpiFilter filter, KpiThresholds thresholds, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(filter, thresholds, cancellationToken);
        // Not cancelled by one caller: another render may be waiting on the same entry.
        return dashboards.GetAsync(key, () => Concurrent.Read(() => ComputeDashboardAsync(filter, thresholds, CancellationToken.None)),
            CancellationToken.None);
    }

    private async Task<(KpiFilter, KpiThresholds, DataVersion, int)> KeyAsync(KpiFilter filter, KpiThresholds thresholds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(thresholds);
        var version = await CurrentDataVersion.ReadAsync(versions, factory, cancellationToken);
        var segmentationVersions = 0;
        if (filter.CustomSegment is not null && segmentations is not null)
        {
            // A new version of the segmentation places other customers: another entry.
            segmentationVersions = await segmentations.GetLatestVersionIdAsync(cancellationToken);
        }
        return (filter, thresholds, version, segmentationVersions);
    }

    private async Task<DashboardData> ComputeDashboardAsync(KpiFilter filter, KpiThresholds thresholds, CancellationToken cancellationToken)
    {
        var range = TrendRange(filter.Period);
        var lastMonth = BusinessCalendar.MonthKey(filter.Period.LastDay);
        var firstCohort = BusinessCalendar.MonthKey(BusinessCalendar.MonthStart(lastMonth).AddMonths(-11));

        var (customers, custom) = await ResolveSegmentAsync(filter, cancellationToken);
        // The KPIs' customer counts and the channels' active customers come from one read.
        var salesAndChannels = Concurrent.Read(() => kpiQueries.GetSalesKpisAndChannelsAsync(filter.Period, filter.Compare, filter.Channel,
            thresholds.LapsedAfterDays, customers, cancellationToken));
        var kpis = GetKpisAsync(filter, thresholds, customers, KpisOf(salesAndChannels), cancellationToken);
        var salesTrend = Concurrent.Read(() => kpiQueries.GetMonthlyTrendAsync(range, filter.Channel, customers, cancellationToken));
        var satisfactionTrend = Concurrent.Read(() => satisfactionQueries.GetByMonthAsync(
            new SatisfactionFilter(range, filter.Channel, filter.SurveyKind, customers), cancellationToken));
        // The cohorts of the segment's customers: their first purchase month, their monthly activity.
        var cohorts = Concurrent.Read(() => kpiQueries.GetCohortInputsAsync(firstCohort, lastMonth, customers, cancellationToken));
        var lastYear = filter.Compare == ComparisonMode.LastYear
            ? Concurrent.Read(() => GetLastYearTrendAsync(range, filter, thresholds, customers, cancellationToken))
            : Task.FromResult<LastYearTrend?>(null);
        await Task.WhenAll(kpis, salesTrend, satisfactionTrend, salesAndChannels, cohorts, lastYear);

        return new DashboardData(
            kpis.Result,
            range,
            salesTrend.Result,
            satisfactionTrend.Result.Select(m => new MonthlySatisfactionKpis(m.Month,
                SatisfactionCalculator.Calculate(m.Facts, thresholds.MinResponses))).ToList(),
            salesAndChannels.Result.Channels,
            cohorts.Result.ToMatrix(),
            filter.CustomSegment is null && filter.Segment is { } segment
                ? new SegmentScope(segment, filter.SegmentDate, customers!.Length)
                {
                    RfmSettings = (await rfmScores.GetSegmentsAsync(filter.SegmentDate, cancellationToken)).Settings,
                }
                : null,
            lastYear.Result,
            custom);
    }

    private static async Task<SalesKpiComparison> KpisOf(Task<(SalesKpiComparison Kpis, IReadOnlyList<ChannelSales> Channels)> read) =>
        (await read).Kpis;

    private async Task<LastYearTrend?> GetLastYearTrendAsync(Period range, KpiFilter filter, KpiThresholds thresholds, int[]? customers,
        CancellationToken cancellationToken)
    {
        // The trend range is whole months: a year earlier it is the same whole months.
        var earlier = Period.Range(range.Start.AddYears(-1), range.End.AddYears(-1));
        var sales = await kpiQueries.GetMonthlyTrendAsync(earlier, filter.Channel, customers, cancellationToken);
        var satisfaction = await satisfactionQueries.GetByMonthAsync(new SatisfactionFilter(earlier, filter.Channel, filter.SurveyKind, customers),
            cancellationToken);
        var coverage = await kpiQueries.GetCoverageAsync(earlier, cancellationToken);
        return new LastYearTrend(
            earlier,
            sales,
            satisfaction.Select(m => new MonthlySatisfactionKpis(m.Month, SatisfactionCalculator.Calculate(m.Facts, thresholds.MinResponses)))
                .ToList(),
            coverage);
    }

    /// <summary>NPS and CSAT of every segment side by side (see <see cref="SatisfactionBySegment"/>).</summary>
    public async Task<SatisfactionBySegment> GetSatisfactionBySegmentAsync(KpiFilter filter, KpiThresholds thresholds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(thresholds);
        var date = filter.SegmentDate;
        var groups = new List<(string Key, RfmSegment? Rfm, string? Name, int[] Ids)>();
        string? name = null;
        int? version = null;
        if (filter.CustomSegment is { } custom && segmentations is not null
            && await segmentations.GetVersionAsync(custom.SegmentationKey, cancellationToken: cancellationToken) is { } saved)
        {
            (name, version) = (saved.Name, saved.Number);
            foreach (var segment in saved.Definition.Segments)
            {
                // The members the segment filter and the dashboard use too (kept per version, date and data version).
                var members = await segmentations.GetMembersAsync(new Segments.SegmentRef(saved.Key, segment.Key), date, saved.Number,
                    cancellationToken);
                groups.Add((segment.Key, null, segment.Name, members?.CustomerIds ?? []));
            }
        }
        else
        {
            var placed = await rfmScores.GetSegmentsAsync(date, cancellationToken);
            foreach (var segment in RfmSegments.All)
            {
                groups.Add((segment.Code(), segment, null, placed.IdsIn(segment)));
            }
        }
        var rows = new List<SegmentSatisfaction>();
        foreach (var (key, rfm, segmentName, ids) in groups)
        {
            var facts = await satisfactionQueries.GetFactsAsync(new SatisfactionFilter(filter.Period, filter.Channel, filter.SurveyKind, ids),
                cancellationToken);
            rows.Add(new SegmentSatisfaction(key, rfm, segmentName, ids.Length, SatisfactionCalculator.Calculate(facts, thresholds.MinResponses)));
        }
        return new SatisfactionBySegment(name, version, date, rows);
    }

    /// <summary>
    /// The whole months of the trend charts: the months the period touches, extended back so
    /// that at least the twelve months ending with the period's last month are shown.
    /// </summary>
    public static Period TrendRange(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var lastMonth = new DateOnly(period.LastDay.Year, period.LastDay.Month, 1);
        var firstMonth = new DateOnly(period.Start.Year, period.Start.Month, 1);
        var twelveBack = lastMonth.AddMonths(-11);
        return Period.Range(firstMonth < twelveBack ? firstMonth : twelveBack, lastMonth.AddMonths(1));
    }
}

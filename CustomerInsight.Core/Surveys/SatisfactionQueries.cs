using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Dashboard;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Sales;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Surveys;

/// <summary>The survey responses a satisfaction figure is computed from.</summary>
/// <param name="Channel">Only responses of this channel (responses without a channel are then left out).</param>
/// <param name="Kind">Only transactional or only relational responses.</param>
/// <param name="CustomerIds">Only responses of these customers (e.g. an RFM segment; anonymous responses are then left out); null for every
/// response.</param>
public sealed record SatisfactionFilter(Period Period, Channel? Channel = null, SurveyKind? Kind = null,
    IReadOnlyCollection<int>? CustomerIds = null);

public sealed record MonthlySatisfaction(int Month, SatisfactionFacts Facts);

/// <param name="Channel">Null for responses not tied to a channel (relational barometers mostly).</param>
public sealed record ChannelSatisfaction(Channel? Channel, SatisfactionFacts Facts);

public sealed record KindSatisfaction(SurveyKind Kind, SatisfactionFacts Facts);

/// <summary>One row of a satisfaction breakdown (a month, a channel or a survey kind).</summary>
public sealed record SatisfactionSlice<TKey>(TKey Key, SatisfactionKpis Kpis);

/// <summary>Everything the satisfaction page shows except the comments (personal data, read separately). <see cref="ByMonth"/> covers
/// <see cref="DashboardQueries.TrendRange"/>.</summary>
public sealed record SatisfactionOverview(
    SatisfactionFilter Filter,
    SatisfactionFacts Facts,
    SatisfactionKpis Kpis,
    IReadOnlyList<SatisfactionSlice<int>> ByMonth,
    IReadOnlyList<SatisfactionSlice<Channel?>> ByChannel,
    IReadOnlyList<SatisfactionSlice<SurveyKind>> ByKind);

/// <summary>A comment for analysts: no customer name or id, only what the response says.</summary>
public sealed record SurveyComment(long ResponseId, DateOnly Date, int? RecommendScore, int? SatisfactionScore, string Comment, SurveyKind Kind,
    Channel? Channel);

/// <summary>
/// Reads score histograms (the inputs of <see cref="SatisfactionCalculator"/>) with GROUP BY in
/// the database over business dates; one context per call.
/// </summary>
public sealed class SatisfactionQueries(IDbContextFactory<InsightDbContext> factory)
{
    /// <summary>Histograms of every response of the filter (the distributions 0–10 and 1–5).</summary>
    public async Task<SatisfactionFacts> GetFactsAsync(SatisfactionFilter filter, CancellationToken cancellationToken = default) =>
        ToFacts((await HistogramsAsync(filter, ScoreBreakdown.None, cancellationToken)).Select(r => r.Row));

    /// <summary>
    /// The satisfaction page's figures: the filter's NPS and CSAT, by month over the trend months
    /// (<see cref="DashboardQueries.TrendRange"/>), by channel and by survey kind; the reads run concurrently.
    /// </summary>
    public async Task<SatisfactionOverview> GetOverviewAsync(SatisfactionFilter filter, int minResponses,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var facts = Concurrent.Read(() => GetFactsAsync(filter, cancellationToken));
        var byMonth = Concurrent.Read(() => GetByMonthAsync(filter with { Period = DashboardQueries.TrendRange(filter.Period) }, cancellationToken));
        var byChannel = Concurrent.Read(() => GetByChannelAsync(filter, cancellationToken));
        var byKind = Concurrent.Read(() => GetByKindAsync(filter, cancellationToken));
        await Task.WhenAll(facts, byMonth, byChannel, byKind);

        SatisfactionKpis Calc(SatisfactionFacts f) => SatisfactionCalculator.Calculate(f, minResponses);
        return new SatisfactionOverview(
            filter,
            facts.Result,
            Calc(facts.Result),
            byMonth.Result.Select(m => new SatisfactionSlice<int>(m.Month, Calc(m.Facts))).ToList(),
            byChannel.Result.Select(c => new SatisfactionSlice<Channel?>(c.Channel, Calc(c.Facts))).ToList(),
            byKind.Result.Select(k => new SatisfactionSlice<SurveyKind>(k.Kind, Calc(k.Facts))).ToList());
    }

    /// <summary>Histograms per business month (yyyymm) of the months the period touches, every month present.</summary>
    public async Task<IReadOnlyList<MonthlySatisfaction>> GetByMonthAsync(SatisfactionFilter filter, CancellationToken cancellationToken = default)
    {
        var rows = await HistogramsAsync(filter, ScoreBreakdown.BusinessMonth, cancellationToken);
        var byMonth = rows.GroupBy(r => r.Key!.Value).ToDictionary(g => g.Key, g => ToFacts(g.Select(x => x.Row)));
        return filter.Period.MonthKeys()
            .Select(m => new MonthlySatisfaction(m, byMonth.GetValueOrDefault(m) ?? SatisfactionFacts.Empty))
            .ToList();
    }

    /// <summary>Histograms per channel (channels without a response left out; null channel last).</summary>
    public async Task<IReadOnlyList<ChannelSatisfaction>> GetByChannelAsync(SatisfactionFilter filter, CancellationToken cancellationToken = default)
    {
        var rows = await HistogramsAsync(filter, ScoreBreakdown.Channel, cancellationToken);
        return rows.GroupBy(r => (Channel?)r.Key)
            .OrderBy(g => g.Key is null).ThenBy(g => g.Key)
            .Select(g => new ChannelSatisfaction(g.Key, ToFacts(g.Select(x => x.Row))))
            .ToList();
    }

    /// <summary>Histograms per survey kind, both kinds always listed.</summary>
    public async Task<IReadOnlyList<KindSatisfaction>> GetByKindAsync(SatisfactionFilter filter, CancellationToken cancellationToken = default)
    {
        var rows = await HistogramsAsync(filter, ScoreBreakdown.Kind, cancellationToken);
        return Enum.GetValues<SurveyKind>()
            .Where(k => filter.Kind is null || filter.Kind == k)
            .Select(k => new KindSatisfaction(k, ToFacts(rows.Where(r => r.Key == (int)k).Select(r => r.Row))))
            .ToList();
    }

    /// <summary>The latest comments that are not blank of the filter, newest first (for analysts only: comments are personal data).</summary>
    public async Task<IReadOnlyList<SurveyComment>> GetLatestCommentsAsync(SatisfactionFilter filter, int count,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Filtered(db, filter)
            .Where(r => r.Comment != null && r.Comment.Trim() != "")
            .OrderByDescending(r => r.BusinessDate).ThenByDescending(r => r.RespondedAtUtc).ThenByDescending(r => r.Id)
            .Take(count)
            .Select(r => new SurveyComment(r.Id, r.BusinessDate, r.RecommendScore, r.SatisfactionScore, r.Comment!, r.Kind, r.Channel))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The filter's score histograms, broken down by <paramref name="breakdown"/> (key null without one): the same responses as
    /// <see cref="Filtered"/>, read in plain SQL (<see cref="SurveyReads"/>: the <c>kpi</c> verb reads its satisfaction figures
    /// here and compiles no LINQ query).
    /// </summary>
    private async Task<List<(int? Key, ScoreRow Row)>> HistogramsAsync(SatisfactionFilter filter, ScoreBreakdown breakdown,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = new List<(int? Key, ScoreRow Row)>();
        await SurveyReads.ScoreHistogramsAsync(db, filter.Period.Start, filter.Period.End, filter.Kind, filter.Channel, filter.CustomerIds,
            breakdown, (key, recommend, satisfaction, count) => rows.Add((key, new ScoreRow(recommend, satisfaction, count))), cancellationToken);
        return rows;
    }

    /// <summary>The responses of the filter, untracked (shared with <see cref="Themes.ThemeQueries"/>).</summary>
    internal static IQueryable<SurveyResponse> Filtered(InsightDbContext db, SatisfactionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var start = filter.Period.Start;
        var end = filter.Period.End;
        var query = db.SurveyResponses.AsNoTracking().Where(r => r.BusinessDate >= start && r.BusinessDate < end);
        if (filter.Kind is { } kind)
        {
            query = query.Where(r => r.Kind == kind);
        }
        if (filter.Channel is { } channel)
        {
            query = query.Where(r => r.Channel == channel);
        }
        if (filter.CustomerIds is { } customers)
        {
            // One parameter (a JSON array on SQLite) whatever the size of the set: EF Core 10 would otherwise
            // bind one SQL variable per id, beyond SQLite's limit for a large segment.
            int[] ids = [.. customers];
            query = query.Where(r => r.CustomerId != null && EF.Parameter(ids).Contains(r.CustomerId.Value));
        }
        return query;
    }

    private static SatisfactionFacts ToFacts(IEnumerable<ScoreRow> rows)
    {
        var list = rows.ToList();
        return SatisfactionFacts.FromCounts(
            list.Where(r => r.Recommend is not null).Select(r => new ScoreCount(r.Recommend!.Value, r.Count)),
            list.Where(r => r.Satisfaction is not null).Select(r => new ScoreCount(r.Satisfaction!.Value, r.Count)));
    }

    private sealed record ScoreRow(int? Recommend, int? Satisfaction, long Count);
}

using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Dashboard;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Surveys.Themes;

/// <summary>One row of the version history: who saved which version, when and why.</summary>
public sealed record ThemeSetVersionInfo(int Number, DateTime SavedAtUtc, string SavedBy, string Reason, int Themes);

/// <summary>The result of a save: the new version number, or why nothing was saved.</summary>
public sealed record ThemeSaveResult(int? Version, IReadOnlyList<ThemeError> Errors)
{
    public bool Saved => Version is not null;
}

/// <summary>The figures of every theme in one scope (a month, a channel, a segment).</summary>
public sealed record ThemeSlice<TKey>(TKey Key, IReadOnlyList<ThemeFigures> Figures);

/// <summary>
/// The theme figures of a filter: over the period (<see cref="Overall"/>, by channel, by RFM segment at the period's end)
/// and by month over <see cref="DashboardQueries.TrendRange"/>, computed with the theme set <see cref="Set"/>.
/// </summary>
public sealed record ThemeOverview(
    ThemeSet Set,
    KpiFilter Filter,
    IReadOnlyList<ThemeFigures> Overall,
    IReadOnlyList<ThemeSlice<int>> ByMonth,
    IReadOnlyList<ThemeSlice<Channel?>> ByChannel,
    IReadOnlyList<ThemeSlice<RfmSegment>> BySegment)
{
    /// <summary>Comments of the period (the share's denominator).</summary>
    public long Comments => Overall.Count > 0 ? Overall[0].Comments : 0;
}

/// <summary>A comment of a theme with the theme's words marked.</summary>
public sealed record ThemedComment(SurveyComment Comment, IReadOnlyList<CommentPart> Parts);

/// <summary>The comments of one theme in a filter's period, newest first; <see cref="Total"/> counts them all.</summary>
public sealed record ThemeCommentList(ThemeSet Set, ThemeDefinition Theme, int Total, IReadOnlyList<ThemedComment> Comments);

/// <summary>How many of the latest comments each theme of a draft set matches (the editor's live count).</summary>
public sealed record ThemeMatchCounts(int Comments, IReadOnlyList<int> PerTheme);

/// <summary>
/// The voice of the customer: the versioned theme set, the theme figures of a filter and the comments of a theme.
/// The database does the set-based part (the responses of the filter, the score histograms of every response by
/// GROUP BY through <see cref="SatisfactionQueries"/>); matching (<see cref="ThemeMatcher"/>) and figures
/// (<see cref="ThemeCalculator"/>) are pure. Nothing is stored about a comment: an erased comment stops counting at once.
/// </summary>
public sealed class ThemeQueries(
    IDbContextFactory<InsightDbContext> factory,
    SatisfactionQueries satisfaction,
    RfmScoreCache rfmScores,
    AuditLog audit,
    TimeProvider clock,
    ITextResolver texts,
    Segments.SegmentationQueries? segmentations = null,
    DataChangeNotifier? notifier = null,
    CurrentDataVersion? versions = null)
{
    public const string AuditAction = "themes.save";

    // Every dashboard's top themes key their figures by the set in use: read once per change heard, not per filter change.
    private readonly SharedRead<ThemeSet>? current = notifier is null ? null
        : new(cancellationToken => ReadCurrentAsync(factory, texts, cancellationToken), notifier, clock);

    private readonly ResultCache<(KpiFilter Filter, int MinResponses, int ThemeSet, DataVersion Version, int Segmentations), ThemeOverview> periodFigures =
        new(capacity: 32, lifetime: TimeSpan.FromMinutes(5), clock);

    /// <summary>How many of the latest comments the editor counts matches in.</summary>
    public const int LiveCountComments = 20_000;

    /// <summary>The set in use: the latest saved version, or the default set (version 0) before any save.</summary>
    public Task<ThemeSet> GetCurrentAsync(CancellationToken cancellationToken = default) =>
        current?.GetAsync(cancellationToken) ?? ReadCurrentAsync(factory, texts, cancellationToken);

    private static async Task<ThemeSet> ReadCurrentAsync(IDbContextFactory<InsightDbContext> factory, ITextResolver texts,
        CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var latest = await db.Set<ThemeSetVersion>().AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? ThemeSet.Default(texts) : ToSet(latest);
    }

    /// <summary>Every saved version, newest first.</summary>
    public async Task<IReadOnlyList<ThemeSetVersionInfo>> GetVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var versions = await db.Set<ThemeSetVersion>().AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        return versions.Select(v => new ThemeSetVersionInfo(v.Number, v.SavedAtUtc, v.SavedBy, v.Reason, ThemeSets.Deserialize(v.Definition).Count))
            .ToList();
    }

    /// <summary>
    /// Saves <paramref name="themes"/> as a new version (who, when, why), audited; refused with the errors of
    /// <see cref="ThemeSets.Validate"/>, or <see cref="ThemeError.Conflict"/> when someone saved after <paramref name="basedOnVersion"/>.
    /// The caller checks the policy.
    /// </summary>
    public async Task<ThemeSaveResult> SaveAsync(IReadOnlyList<ThemeDefinition> themes, int basedOnVersion, string? reason, string userName,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var cleaned = themes.Select(Clean).ToList();
        var errors = ThemeSets.Validate(cleaned, reason);
        if (errors.Count > 0)
        {
            return new ThemeSaveResult(null, errors);
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var latest = await db.Set<ThemeSetVersion>().MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        if (latest != basedOnVersion)
        {
            return new ThemeSaveResult(null, [new ThemeError(ThemeError.Conflict)]);
        }
        var number = latest + 1;
        db.Set<ThemeSetVersion>().Add(new ThemeSetVersion
        {
            Number = number,
            SavedAtUtc = clock.GetUtcNow().UtcDateTime,
            SavedBy = userName,
            Reason = reason!.Trim(),
            Definition = ThemeSets.Serialize(cleaned),
        });
        db.AuditEntries.Add(audit.NewEntry(userName, AuditAction, $"themes:v{number}", $"themes={cleaned.Count}", cleaned.Count));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.CommitAndNotifyAsync(db, transaction, cancellationToken);
        return new ThemeSaveResult(number, []);
    }

    /// <summary>The customers of the filter's segment, RFM or custom (nobody for a custom segment that no longer exists); null without one.</summary>
    private async Task<int[]?> SegmentCustomersAsync(KpiFilter filter, CancellationToken cancellationToken)
    {
        if (filter.CustomSegment is { } custom)
        {
            return segmentations is null ? [] : (await segmentations.GetMembersAsync(custom, filter.SegmentDate,
                cancellationToken: cancellationToken))?.CustomerIds ?? [];
        }
        return filter.Segment is { } wanted ? await rfmScores.GetSegmentIdsAsync(filter.SegmentDate, wanted, cancellationToken) : null;
    }

    /// <summary>The theme figures of the filter with the set in use (small samples by <paramref name="minResponses"/>).</summary>
    public Task<ThemeOverview> GetOverviewAsync(KpiFilter filter, int minResponses, CancellationToken cancellationToken = default) =>
        ComputeAsync(filter, minResponses, withBreakdowns: true, cancellationToken);

    /// <summary>
    /// The period's theme figures only (the dashboard's top themes): no month, channel or segment breakdown is read.
    /// Every dashboard shows them, so they are computed once per filter, theme set and data version and shared by every
    /// open page (reading and matching the period's comments per circuit and per filter change is what held a node to a
    /// few dozen users: bench/RESULTS.md, circuits); with a custom segment, per version of the segmentations too (its members
    /// follow the segmentation's versions).
    /// </summary>
    public async Task<ThemeOverview> GetPeriodFiguresAsync(KpiFilter filter, int minResponses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var set = await GetCurrentAsync(cancellationToken);
        var version = await CurrentDataVersion.ReadAsync(versions, factory, cancellationToken);
        var segmentationVersion = filter.CustomSegment is not null && segmentations is not null
            ? await segmentations.GetLatestVersionIdAsync(cancellationToken) : 0;
        // Not cancelled by one caller: another page may be waiting on the same entry.
        return await periodFigures.GetAsync((filter, minResponses, set.Version, version, segmentationVersion),
            () => ComputeAsync(filter, minResponses, withBreakdowns: false, CancellationToken.None, set), cancellationToken);
    }

    private async Task<ThemeOverview> ComputeAsync(KpiFilter filter, int minResponses, bool withBreakdowns, CancellationToken cancellationToken,
        ThemeSet? inUse = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var set = inUse ?? await GetCurrentAsync(cancellationToken);
        var matcher = ThemeMatcher.Create(set.Themes);
        var customers = await SegmentCustomersAsync(filter, cancellationToken);
        var trend = DashboardQueries.TrendRange(filter.Period);
        var inPeriod = new SatisfactionFilter(filter.Period, filter.Channel, filter.SurveyKind, customers);

        var comments = await ReadCommentsAsync(withBreakdowns ? inPeriod with { Period = trend } : inPeriod, cancellationToken);
        var matched = comments.Select(c => (c.Row, Response: new ThemedResponse(c.Row.Recommend, c.Row.Satisfaction, matcher.Themes(c.Text))))
            .ToList();
        var period = matched.Where(m => filter.Period.Contains(m.Row.Date)).ToList();

        var all = await satisfaction.GetFactsAsync(inPeriod, cancellationToken);
        IReadOnlyList<ThemeFigures> Figures(IEnumerable<ThemedResponse> responses, SatisfactionFacts facts) =>
            ThemeCalculator.Calculate(set.Themes.Count, responses.ToList(), facts, minResponses);
        if (!withBreakdowns)
        {
            return new ThemeOverview(set, filter, Figures(period.Select(m => m.Response), all), [], [], []);
        }
        var months = await satisfaction.GetByMonthAsync(inPeriod with { Period = trend }, cancellationToken);
        var channels = await satisfaction.GetByChannelAsync(inPeriod, cancellationToken);

        var scores = await rfmScores.GetAsync(filter.SegmentDate, cancellationToken);
        var segmentOf = scores.Customers.ToDictionary(c => c.CustomerId, c => c.Segment);
        var bySegment = new List<ThemeSlice<RfmSegment>>();
        var inFilter = filter.CustomSegment is null ? null : CustomerIdSet.Of(customers!);
        foreach (var group in scores.Customers.Where(c => inFilter is null ? filter.Segment is null
            || c.Segment == filter.Segment : inFilter.Contains(c.CustomerId))
                     .GroupBy(c => c.Segment).OrderBy(g => g.Key))
        {
            var facts = await satisfaction.GetFactsAsync(inPeriod with { CustomerIds = group.Select(c => c.CustomerId).ToArray() },
                cancellationToken);
            if (facts.RecommendResponses + facts.SatisfactionResponses == 0)
            {
                continue;
            }
            var responses = period.Where(m => m.Row.CustomerId is { } id && segmentOf.TryGetValue(id, out var s) && s == group.Key)
                .Select(m => m.Response).ToList();
            bySegment.Add(new ThemeSlice<RfmSegment>(group.Key, ThemeCalculator.Calculate(set.Themes.Count, responses, facts, minResponses)));
        }

        return new ThemeOverview(
            set,
            filter,
            Figures(period.Select(m => m.Response), all),
            months.Select(m => new ThemeSlice<int>(m.Month, Figures(matched.Where(x => x.Row.Month == m.Month).Select(x => x.Response), m.Facts)))
                .ToList(),
            channels.Select(c => new ThemeSlice<Channel?>(c.Channel,
                Figures(period.Where(x => x.Row.Channel == c.Channel).Select(x => x.Response), c.Facts))).ToList(),
            bySegment);
    }

    /// <summary>
    /// The comments of the filter's period that carry the theme <paramref name="key"/>, newest first (at most <paramref name="max"/>),
    /// with its words marked; null when the set in use has no such theme. Personal data: the caller checks the policy.
    /// </summary>
    public async Task<ThemeCommentList?> GetCommentsAsync(KpiFilter filter, string key, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var set = await GetCurrentAsync(cancellationToken);
        var index = set.IndexOf(key);
        if (index < 0)
        {
            return null;
        }
        var matcher = ThemeMatcher.Create(set.Themes);
        var customers = await SegmentCustomersAsync(filter, cancellationToken);
        var comments = await ReadCommentsAsync(new SatisfactionFilter(filter.Period, filter.Channel, filter.SurveyKind, customers),
            cancellationToken);
        var total = 0;
        var list = new List<ThemedComment>();
        foreach (var (row, text) in comments)
        {
            var hits = matcher.Match(text).Where(h => h.Theme == index).ToList();
            if (hits.Count == 0)
            {
                continue;
            }
            total++;
            if (list.Count < max)
            {
                list.Add(new ThemedComment(
                    new SurveyComment(row.Id, row.Date, row.Recommend, row.Satisfaction, text, row.Kind, row.Channel),
                    ThemeMatcher.Highlight(text, hits)));
            }
        }
        return new ThemeCommentList(set, set.Themes[index], total, list);
    }

    /// <summary>How many of the latest <see cref="LiveCountComments"/> comments each theme of <paramref name="themes"/> matches.</summary>
    public async Task<ThemeMatchCounts> CountMatchesAsync(IReadOnlyList<ThemeDefinition> themes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(themes);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var texts = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.Comment != null && r.Comment.Trim() != "")
            .OrderByDescending(r => r.Id)
            .Take(LiveCountComments)
            .Select(r => r.Comment!)
            .ToListAsync(cancellationToken);
        var matcher = ThemeMatcher.Create(themes);
        var counts = new int[themes.Count];
        foreach (var text in texts)
        {
            foreach (var theme in matcher.Themes(text))
            {
                counts[theme]++;
            }
        }
        return new ThemeMatchCounts(texts.Count, counts);
    }

    /// <summary>
    /// The comments of the filter, newest first. A customer set is applied here, not in SQL: the period's comments of identified
    /// customers are read and those of the set kept (a segment of 85 k customers as one parameter made this read 0.85 s on SQLite
    /// at 10 M order lines: bench/RESULTS.md).
    /// </summary>
    private async Task<List<(CommentRow Row, string Text)>> ReadCommentsAsync(SatisfactionFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var members = filter.CustomerIds is { } ids ? CustomerIdSet.Of(ids) : null;
        var query = SatisfactionQueries.Filtered(db, filter with { CustomerIds = null }).Where(r => r.Comment != null && r.Comment.Trim() != "");
        if (members is not null)
        {
            query = query.Where(r => r.CustomerId != null);
        }
        var rows = (await query
            .OrderByDescending(r => r.BusinessDate).ThenByDescending(r => r.RespondedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.BusinessDate, r.BusinessMonth, r.Channel, r.Kind, r.CustomerId, r.RecommendScore, r.SatisfactionScore,
                r.Comment })
            .ToListAsync(cancellationToken))
            .Where(r => members is null || members.Contains(r.CustomerId!.Value));
        return rows.Select(r => (new CommentRow(r.Id, r.BusinessDate, r.BusinessMonth, r.Channel, r.Kind, r.CustomerId, r.RecommendScore,
            r.SatisfactionScore), r.Comment!)).ToList();
    }

    private static ThemeDefinition Clean(ThemeDefinition theme) => new(
        theme.Key.Trim(),
        theme.NameFr.Trim(),
        theme.NameEn.Trim(),
        theme.TermsFr.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
        theme.TermsEn.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList());

    private static ThemeSet ToSet(ThemeSetVersion v) =>
        new(v.Number, DateTime.SpecifyKind(v.SavedAtUtc, DateTimeKind.Utc), v.SavedBy, v.Reason, ThemeSets.Deserialize(v.Definition));

    private sealed record CommentRow(long Id, DateOnly Date, int Month, Channel? Channel, SurveyKind Kind, int? CustomerId, int? Recommend,
        int? Satisfaction);
}

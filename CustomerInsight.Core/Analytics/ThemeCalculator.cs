namespace CustomerInsight.Core.Analytics;

/// <summary>A response with a comment, reduced to its scores and the themes its comment carries (indexes in the theme set).</summary>
public sealed record ThemedResponse(int? Recommend, int? Satisfaction, IReadOnlyList<int> Themes);

/// <summary>
/// The figures of one theme in one scope (a period, a month, a channel or a segment).
/// </summary>
/// <param name="Theme">Index of the theme in its set.</param>
/// <param name="Mentions">Comments that carry the theme.</param>
/// <param name="Comments">Comments of the scope (the share's denominator).</param>
/// <param name="Share">Mentions / comments, 0–1; null without comments.</param>
/// <param name="Kpis">NPS and CSAT of the responses whose comment carries the theme (small samples marked as for NPS).</param>
/// <param name="All">NPS and CSAT of every response of the scope, with or without a comment.</param>
/// <param name="NpsGap">Theme NPS − NPS of every response, in points; null when either is undefined.</param>
/// <param name="Impact">Share × NPS gap, in NPS points: what the theme pulls the scope's NPS by; most negative first.</param>
public sealed record ThemeFigures(int Theme, long Mentions, long Comments, double? Share, SatisfactionKpis Kpis, SatisfactionKpis All, double? NpsGap,
    double? Impact);

/// <summary>Theme figures (docs/themes.md, "Figures"): pure, over responses already matched.</summary>
public static class ThemeCalculator
{
    /// <summary>
    /// The figures of every theme of a set of <paramref name="themeCount"/> themes in one scope, the themes that pull
    /// NPS down the most first (impact ascending; themes without an impact last, then by index).
    /// </summary>
    /// <param name="commented">The scope's responses whose comment is not blank, each with its themes.</param>
    /// <param name="all">Score histograms of every response of the scope (the baseline).</param>
    public static IReadOnlyList<ThemeFigures> Calculate(int themeCount, IReadOnlyList<ThemedResponse> commented, SatisfactionFacts all,
        int minResponses)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(themeCount);
        ArgumentNullException.ThrowIfNull(commented);
        ArgumentNullException.ThrowIfNull(all);
        var baseline = SatisfactionCalculator.Calculate(all, minResponses);
        var byTheme = Enumerable.Range(0, themeCount).Select(_ => new List<ThemedResponse>()).ToArray();
        foreach (var response in commented)
        {
            foreach (var theme in response.Themes.Distinct())
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(theme, themeCount, nameof(commented));
                byTheme[theme].Add(response);
            }
        }
        long comments = commented.Count;
        var figures = new List<ThemeFigures>(themeCount);
        for (var t = 0; t < themeCount; t++)
        {
            var mentions = byTheme[t];
            var kpis = SatisfactionCalculator.Calculate(SatisfactionFacts.FromResponses(mentions.Select(r => (r.Recommend, r.Satisfaction))),
                minResponses);
            double? share = comments == 0 ? null : (double)mentions.Count / comments;
            var gap = kpis.Nps - baseline.Nps;
            figures.Add(new ThemeFigures(t, mentions.Count, comments, share, kpis, baseline, gap, share * gap));
        }
        return figures
            .OrderBy(f => f.Impact is null)
            .ThenBy(f => f.Impact ?? 0)
            .ThenBy(f => f.Theme)
            .ToList();
    }
}

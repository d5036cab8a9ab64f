using CustomerInsight.Core.Surveys.Themes;

namespace CustomerInsight.Web.Components.Pages.Satisfaction;

/// <summary>
/// The comments of one theme in the filters' period, newest first, the theme's words marked. Comments are
/// personal data: the page's policy (CustomerData) is checked on the server before anything is read.
/// </summary>
public sealed partial class ThemeComments
{
    public const int MaxComments = 200;

    private bool unknown;
    private ThemeCommentList? list;

    [Inject] public required ThemeQueries Themes { get; set; }
    [Inject] public required IStringLocalizer<ThemesText> T { get; set; }
    [Inject] public required DisplayFormat Format { get; set; }

    [Parameter] public required string Key { get; set; }


    /// <summary>The comments ignore the comparison filter.</summary>
    protected override FilterState ReadFilters() => FilterState.FromQuery(PeriodQuery, FromQuery, ToQuery, ChannelQuery, KindQuery, SegmentQuery);

    protected override async Task LoadFiguresAsync(DateOnly? reference, CancellationToken cancellationToken)
    {
        var day = reference ?? DateOnly.FromDateTime(DateTime.UtcNow);
        list = await Themes.GetCommentsAsync(State.ToKpiFilter(day), Key, MaxComments, cancellationToken);
        unknown = list is null;
    }
}

using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Surveys.Themes;
using CustomerInsight.Web.Components.Shared;
using CustomerInsight.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CustomerInsight.Web.Components.Pages.Satisfaction;

/// <summary>
/// The comments of one theme in the filters' period, newest first, the theme's words marked. Comments are
/// personal data: the page's policy (CustomerData) is checked on the server before anything is read.
/// </summary>
public sealed partial class ThemeComments : IDisposable
{
    public const int MaxComments = 200;

    private readonly CancellationTokenSource disposed = new();
    private FilterState state = FilterState.Default;
    private DateOnly? reference;
    private bool loading;
    private bool error;
    private bool unknown;
    private ThemeCommentList? list;

    [Inject] public required ThemeQueries Themes { get; set; }
    [Inject] public required KpiQueries KpiQueries { get; set; }
    [Inject] public required IStringLocalizer<ThemesText> T { get; set; }
    [Inject] public required DisplayFormat Format { get; set; }
    [Inject] public required ILogger<ThemeComments> Logger { get; set; }

    [Parameter] public required string Key { get; set; }

    [SupplyParameterFromQuery(Name = FilterState.PeriodKey)] public string? PeriodQuery { get; set; }
    [SupplyParameterFromQuery(Name = FilterState.FromKey)] public string? FromQuery { get; set; }
    [SupplyParameterFromQuery(Name = FilterState.ToKey)] public string? ToQuery { get; set; }
    [SupplyParameterFromQuery(Name = FilterState.ChannelKey)] public string? ChannelQuery { get; set; }
    [SupplyParameterFromQuery(Name = FilterState.KindKey)] public string? KindQuery { get; set; }
    [SupplyParameterFromQuery(Name = FilterState.SegmentKey)] public string? SegmentQuery { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        state = FilterState.FromQuery(PeriodQuery, FromQuery, ToQuery, ChannelQuery, KindQuery, SegmentQuery);
        loading = true;
        error = false;
        try
        {
            reference ??= await KpiQueries.GetLatestSaleDateAsync(disposed.Token);
            var day = reference ?? DateOnly.FromDateTime(DateTime.UtcNow);
            list = await Themes.GetCommentsAsync(state.ToKpiFilter(day), Key, MaxComments, disposed.Token);
            unknown = list is null;
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
            // The page is gone.
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Comments of theme {Theme} failed to load for {Filter}", Key, state);
            error = true;
        }
        finally
        {
            loading = false;
        }
    }

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }
}

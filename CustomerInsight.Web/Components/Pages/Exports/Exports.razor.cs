using CustomerInsight.Core.Omoc;
using CustomerInsight.Web.Endpoints;

namespace CustomerInsight.Web.Components.Pages.Exports;

/// <summary>
/// The list of Excel reports with their parameters. Buttons are plain links to the download
/// endpoints of <see cref="ExportEndpoints"/>, which check the policies and the admin role themselves.
/// </summary>
public partial class Exports
{
    private IReadOnlyList<ChangeProjectSummary>? projects;
    private bool loadFailed;
    private DateTime? kpiFrom;
    private DateTime? kpiTo;
    private Channel? kpiChannel;
    private DateTime? rfmDate;
    private bool rfmPersonal;

    [Inject] public required IStringLocalizer<ExportsText> T { get; set; }
    [Inject] public required OmocQueries Omoc { get; set; }
    [Inject] public required KpiQueries Kpi { get; set; }
    [Inject] public required ILogger<Exports> Logger { get; set; }

    private string? KpiHref => kpiFrom is { } from && kpiTo is { } to && to >= from
        ? AppUrls.KpiWorkbook(DateOnly.FromDateTime(from), DateOnly.FromDateTime(to).AddDays(1), kpiChannel)
        : null;

    private string RfmHref => AppUrls.RfmWorkbook(rfmDate is { } d ? DateOnly.FromDateTime(d) : null, rfmPersonal);

    protected override async Task OnInitializedAsync()
    {
        loadFailed = !await PageLoad.TryAsync(Logger, "The exports page", async () =>
        {
            projects = await Omoc.ListProjectsAsync();
            // Default period: the calendar month of the latest sale (the RFM date defaults server-side).
            if (await Kpi.GetLatestSaleDateAsync() is { } latest)
            {
                var start = new DateOnly(latest.Year, latest.Month, 1);
                kpiFrom = start.ToDateTime(TimeOnly.MinValue);
                kpiTo = start.AddMonths(1).AddDays(-1).ToDateTime(TimeOnly.MinValue);
            }
        });
    }
}

using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Reporting;
using CustomerInsight.Web.Components.Pages.Privacy;
using MudBlazor;

namespace CustomerInsight.Web.Components.Pages.Audit;

/// <summary>"/audit": the audit log in words, filtered by action, user and date range, paged on the server; the same entries as a workbook.</summary>
public sealed partial class AuditPage
{
    private MudDataGrid<AuditLogLine>? grid;
    private IReadOnlyList<string> actions = [];
    private string? action;
    private string? user;
    private DateTime? from;
    private DateTime? to;
    private bool denied;

    [Inject] public required PrivacyActions Actions { get; set; }
    [Inject] public required AuditDescriber Describer { get; set; }

    protected override async Task OnInitializedAsync()
    {
        try
        {
            actions = await Actions.GetAuditActionsAsync();
        }
        catch (AccessDeniedException)
        {
            denied = true;
        }
    }

    /// <summary>Dates are UTC days; "to" is inclusive (the query's bound is the next midnight).</summary>
    internal AuditFilter Filter => new(action, user,
        from is { } f ? DateTime.SpecifyKind(f.Date, DateTimeKind.Utc) : null,
        to is { } t ? DateTime.SpecifyKind(t.Date.AddDays(1), DateTimeKind.Utc) : null);

    private async Task<GridData<AuditLogLine>> LoadAsync(GridState<AuditLogLine> state, CancellationToken cancellationToken)
    {
        var data = new GridData<AuditLogLine> { Items = [], TotalItems = 0 };
        await CircuitAction.RunAsync(Logger, "Audit log read", async () =>
        {
            var (total, lines) = await Actions.GetAuditLinesAsync(Filter, state.Page * state.PageSize, state.PageSize, cancellationToken);
            data = new GridData<AuditLogLine> { Items = lines, TotalItems = total };
        }, m => Snackbar.Add(m, Severity.Error), new(T["Denied"], T["Failed"]));
        return data;
    }

    private Task ActionChangedAsync(string? value) => ReloadAsync(() => action = value);

    private Task UserChangedAsync(string? value) => ReloadAsync(() => user = value);

    private Task FromChangedAsync(DateTime? value) => ReloadAsync(() => from = value);

    private Task ToChangedAsync(DateTime? value) => ReloadAsync(() => to = value);

    private async Task ReloadAsync(Action set)
    {
        set();
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }
}

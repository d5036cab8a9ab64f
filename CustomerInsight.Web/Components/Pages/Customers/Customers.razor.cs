using System.Globalization;
using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Sales;
using CustomerInsight.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CustomerInsight.Web.Components.Pages.Customers;

/// <summary>
/// The customer list: server-side paging and sorting over <see cref="CustomerQueries"/>. The total is counted
/// only when the filter changes (not per page or sort), the search is debounced, and the segment filter
/// comes from the URL (<c>?segment=champions&amp;date=2011-12-10</c>, the links of the segments page).
/// </summary>
public sealed partial class Customers
{
    private MudDataGrid<CustomerListRow>? grid;
    private IReadOnlyList<string> countries = [];
    private string? search;
    private string? country;
    private Channel? channel;
    private bool? lapsed;
    private RfmSegment? segment;
    private DateOnly? referenceDate;
    private CustomerFilter? countedFilter;
    private int total;
    private bool error;

    [Inject]
    public required CustomerQueries Queries { get; set; }

    [Inject]
    public required IOptions<KpiOptions> Kpi { get; set; }

    [Inject]
    public required IStringLocalizer<CustomersText> T { get; set; }

    [Inject]
    public required ILogger<Customers> Logger { get; set; }

    [SupplyParameterFromQuery(Name = "segment")]
    public string? SegmentQuery { get; set; }

    [SupplyParameterFromQuery(Name = "date")]
    public string? DateQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        segment = RfmSegments.TryParseCode(SegmentQuery, out var s) ? s : null;
        referenceDate = QueryDate.Parse(DateQuery);
        try
        {
            countries = await Queries.GetCountriesAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "Countries failed");
            error = true;
        }
    }

    private CustomerFilter CurrentFilter() => new(search, country, channel, lapsed, segment, referenceDate, Kpi.Value.LapsedAfterDays);

    private async Task<GridData<CustomerListRow>> LoadAsync(GridState<CustomerListRow> state, CancellationToken cancellationToken)
    {
        var filter = CurrentFilter();
        var sortDefinition = state.SortDefinitions.FirstOrDefault();
        var sort = Enum.TryParse<CustomerSort>(sortDefinition?.SortBy, out var column) ? column : CustomerSort.Id;
        try
        {
            if (filter != countedFilter)
            {
                total = await Queries.CountAsync(filter, cancellationToken);
                countedFilter = filter;
            }
            var rows = await Queries.ListAsync(filter, sort, sortDefinition?.Descending ?? false, state.Page * state.PageSize, state.PageSize, cancellationToken);
            error = false;
            return new GridData<CustomerListRow> { Items = rows, TotalItems = total };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "Customer list failed");
            error = true;
            return new GridData<CustomerListRow> { Items = [], TotalItems = 0 };
        }
    }

    private Task ReloadAsync() => grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task OnSearchAsync(string? value)
    {
        search = value;
        return ReloadAsync();
    }

    private Task OnSegmentAsync(RfmSegment? value)
    {
        segment = value;
        return ReloadAsync();
    }

    private Task OnDateAsync(DateTime? value)
    {
        referenceDate = value is { } v ? DateOnly.FromDateTime(v) : null;
        return ReloadAsync();
    }

    private Task OnCountryAsync(string? value)
    {
        country = value;
        return ReloadAsync();
    }

    private Task OnChannelAsync(Channel? value)
    {
        channel = value;
        return ReloadAsync();
    }

    private Task OnLapsedAsync(bool? value)
    {
        lapsed = value;
        return ReloadAsync();
    }
}

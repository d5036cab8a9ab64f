using CustomerInsight.Core.Customers;
using MudBlazor;

namespace CustomerInsight.Web.Components.Pages.Customers;

/// <summary>
/// The customer list: server-side paging and sorting over <see cref="CustomerQueries"/>. The search, the filters and the sort
/// live in the address (<see cref="CustomerListQuery"/>): a change navigates, so a view can be bookmarked and the back button
/// returns to the previous one; a new filter starts again at the first page. The total is counted only when the filter
/// changes (not per page or sort); the search is debounced. The segments page links here with a segment or an R×F cell.
/// </summary>
public sealed partial class Customers
{
    private static readonly Dictionary<CustomerSort, Func<CustomerListRow, object>> SortKeys = new()
    {
        [CustomerSort.SourceId] = r => r.SourceId,
        [CustomerSort.LastName] = r => r.LastName ?? "",
        [CustomerSort.Email] = r => r.Email ?? "",
        [CustomerSort.City] = r => r.City ?? "",
        [CustomerSort.Country] = r => r.Country ?? "",
        [CustomerSort.Orders] = r => r.Orders,
        [CustomerSort.NetRevenue] = r => r.NetRevenue,
        [CustomerSort.LastOrder] = r => r.LastOrder ?? DateOnly.MinValue,
    };

    private MudDataGrid<CustomerListRow>? grid;
    private IReadOnlyList<string> countries = [];
    private CustomerListQuery query = new();
    private CustomerListQuery initialQuery = new();
    private CustomerFilter? countedFilter;
    private string? pendingHref;
    private DateOnly? figuresAt;
    private int total;
    private bool error;

    [Inject]
    public required CustomerQueries Queries { get; set; }

    [Inject]
    public required IOptions<KpiOptions> Kpi { get; set; }

    [Inject]
    public required NavigationManager Navigation { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? SearchQuery { get; set; }

    [SupplyParameterFromQuery(Name = "segment")]
    public string? SegmentQuery { get; set; }

    [SupplyParameterFromQuery(Name = "date")]
    public string? DateQuery { get; set; }

    [SupplyParameterFromQuery(Name = "r")]
    public string? RecencyQuery { get; set; }

    [SupplyParameterFromQuery(Name = "f")]
    public string? FrequencyQuery { get; set; }

    [SupplyParameterFromQuery(Name = "country")]
    public string? CountryQuery { get; set; }

    [SupplyParameterFromQuery(Name = "channel")]
    public string? ChannelQuery { get; set; }

    [SupplyParameterFromQuery(Name = "lapsed")]
    public string? LapsedQuery { get; set; }

    [SupplyParameterFromQuery(Name = "sort")]
    public string? SortQuery { get; set; }

    [SupplyParameterFromQuery(Name = "desc")]
    public string? DescendingQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        // The address's view before the first await: the page renders during that await, and the grid loads its first
        // page as soon as it is rendered (with an asynchronous database, PostgreSQL, before OnParametersSetAsync runs).
        initialQuery = query = FromAddress();
        error = !await PageLoad.TryAsync(Logger, "Countries", async () => countries = await Queries.GetCountriesAsync());
    }

    /// <summary>The address changed (a filter picked here, a link, the back button): show that view from its first page.</summary>
    protected override async Task OnParametersSetAsync()
    {
        pendingHref = null;
        var next = FromAddress();
        if (next == query || grid is null)
        {
            query = next;
            return;
        }
        var previous = query;
        query = next;
        if ((next.Sort, next.Descending) != (previous.Sort, previous.Descending))
        {
            // Back to a view sorted otherwise: the grid's headers follow.
            if (next.Sort == CustomerSort.Id)
            {
                await grid.RemoveSortAsync(previous.Sort.ToString());
            }
            else
            {
                await grid.SetSortAsync(next.Sort.ToString(), next.Descending ? SortDirection.Descending : SortDirection.Ascending,
                    SortKeys[next.Sort]);
            }
        }
        await FirstPageAsync();
    }

    private CustomerListQuery FromAddress() => CustomerListQuery.Parse(SearchQuery, SegmentQuery, DateQuery, RecencyQuery,
        FrequencyQuery, CountryQuery, ChannelQuery, LapsedQuery, SortQuery, DescendingQuery);

    /// <summary>The columns' initial sort: the first address's (the grid reads this query when it first loads).</summary>
    private SortDirection InitialDirection(CustomerSort column) =>
        initialQuery.Sort == column
            ? (initialQuery.Descending ? SortDirection.Descending : SortDirection.Ascending)
            : SortDirection.None;

    private async Task FirstPageAsync()
    {
        if (grid is null)
        {
            return;
        }
        if (grid.CurrentPage != 0)
        {
            grid.NavigateTo(Page.First);
        }
        await grid.ReloadServerData();
    }

    private async Task<GridData<CustomerListRow>> LoadAsync(GridState<CustomerListRow> state, CancellationToken cancellationToken)
    {
        var definition = state.SortDefinitions.FirstOrDefault();
        var sort = definition is not null && Enum.TryParse<CustomerSort>(definition.SortBy, out var column) ? column : CustomerSort.Id;
        var descending = sort != CustomerSort.Id && definition!.Descending;
        if ((sort, descending) != (query.Sort, query.Descending))
        {
            // A click on a column header: the address follows (the grid already shows that sort).
            query = query with { Sort = sort, Descending = descending };
            Navigation.NavigateTo(AppUrls.Customers(query));
        }
        var filter = query.ToFilter(Kpi.Value.LapsedAfterDays);
        try
        {
            if (filter != countedFilter)
            {
                total = await Queries.CountAsync(filter, cancellationToken);
                figuresAt = await Queries.GetReferenceDateAsync(filter, cancellationToken);
                countedFilter = filter;
                // The caption above the grid is the page's: the grid re-renders only itself.
                StateHasChanged();
            }
            var rows = await Queries.ListAsync(filter, sort, descending, state.Page * state.PageSize, state.PageSize, cancellationToken);
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

    /// <summary>Navigates to the view <paramref name="next"/>, once: a field can report the same value twice before the browser confirms the first
    /// navigation.</summary>
    private void Go(CustomerListQuery next)
    {
        var href = AppUrls.Customers(next);
        if (next != query && href != pendingHref)
        {
            pendingHref = href;
            Navigation.NavigateTo(href);
        }
    }

    private void OnSearch(string? value) => Go(query with { Search = CustomerQueries.NormalizeSearch(value) });

    private void OnDate(DateTime? value) => Go(query with { Date = value is { } v ? DateOnly.FromDateTime(v) : null });
}

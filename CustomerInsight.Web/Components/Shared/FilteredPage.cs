namespace CustomerInsight.Web.Components.Shared;

/// <summary>
/// What every page whose figures follow the filters of its address shares (dashboard, satisfaction, a theme's
/// comments): it reads the filters (<see cref="FilterState"/>), the reference day (the latest sale: the period
/// presets are relative to it), loads the page's figures with one error path (logged with the filters; the page
/// shows its error text when <see cref="Failed"/>), loads again when an import or an undo changes the data, and
/// cancels its queries when the page goes away. A page says <c>@inherits FilteredPage</c> and implements
/// <see cref="LoadFiguresAsync"/>.
/// </summary>
public abstract class FilteredPage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource disposed = new();

    [Inject] public required KpiQueries KpiQueries { get; set; }
    [Inject] public required DataChangeNotifier Notifier { get; set; }
    [Inject] public required ILoggerFactory LoggerFactory { get; set; }

    [SupplyParameterFromQuery(Name = FilterState.PeriodKey)] public string? PeriodQuery { get; set; }
    [SupplyParameterFromQuery(Name = FilterState.FromKey)] public string? FromQuery { get; set; }
    [SupplyParameterFromQuery(Name = FilterState.ToKey)] public string? ToQuery { get; set; }
    [SupplyParameterFromQuery(Name = FilterState.ChannelKey)] public string? ChannelQuery { get; set; }
    [SupplyParameterFromQuery(Name = FilterState.KindKey)] public string? KindQuery { get; set; }
    [SupplyParameterFromQuery(Name = FilterState.SegmentKey)] public string? SegmentQuery { get; set; }
    [SupplyParameterFromQuery(Name = FilterState.CompareKey)] public string? CompareQuery { get; set; }

    /// <summary>The filters of the address, as <see cref="ReadFilters"/> reads them.</summary>
    protected FilterState State { get; private set; } = FilterState.Default;

    /// <summary>The latest day with a sale; null when there is none (or until <see cref="ReferenceLoaded"/>).</summary>
    protected DateOnly? Reference { get; private set; }

    protected bool ReferenceLoaded { get; private set; }

    protected bool Loading { get; private set; }

    /// <summary>The last load failed (logged): the page shows its error text instead of figures.</summary>
    protected bool Failed { get; private set; }

    /// <summary>The filters this page reads from its address (a page that ignores some filters leaves them out).</summary>
    protected virtual FilterState ReadFilters() =>
        FilterState.FromQuery(PeriodQuery, FromQuery, ToQuery, ChannelQuery, KindQuery, SegmentQuery, CompareQuery);

    /// <summary>Loads the page's figures for <see cref="State"/> at <paramref name="reference"/> (null: no sales yet).</summary>
    protected abstract Task LoadFiguresAsync(DateOnly? reference, CancellationToken cancellationToken);

    /// <summary>
    /// In the prerender, instead of <see cref="LoadFiguresAsync"/>: starts computing what it will read, without waiting, and says
    /// whether it did. The page then leaves with its loading state, and the browser loads the scripts and starts the circuit while
    /// the figures are computed; the interactive render finds them ready or on their way. By default nothing is started: the
    /// prerender loads the figures.
    /// </summary>
    protected virtual Task<bool> StartFiguresAsync(DateOnly? reference, CancellationToken cancellationToken) => Task.FromResult(false);

    protected override void OnInitialized() => Notifier.Changed += OnDataChanged;

    protected override async Task OnParametersSetAsync()
    {
        State = ReadFilters();
        await LoadAsync(reloadReference: !ReferenceLoaded);
    }

    private async Task LoadAsync(bool reloadReference)
    {
        Loading = true;
        Failed = false;
        var started = false;
        try
        {
            if (reloadReference)
            {
                Reference = await KpiQueries.GetLatestSaleDateAsync(disposed.Token);
                ReferenceLoaded = true;
            }
            started = !RendererInfo.IsInteractive && await StartFiguresAsync(Reference, disposed.Token);
            if (!started)
            {
                await LoadFiguresAsync(Reference, disposed.Token);
            }
        }
        catch (OperationCanceledException) when (disposed.IsCancellationRequested)
        {
            // The page is gone.
        }
        catch (Exception e)
        {
            LoggerFactory.CreateLogger(GetType()).LogError(e, "The figures of {Page} failed to load for {Filter}", GetType().Name, State);
            Failed = true;
        }
        finally
        {
            // Figures only started (a prerender): the page shows that they are on their way.
            Loading = started;
        }
    }

    private void OnDataChanged() => _ = InvokeAsync(async () =>
    {
        await LoadAsync(reloadReference: true);
        StateHasChanged();
    });

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Notifier.Changed -= OnDataChanged;
            disposed.Cancel();
            disposed.Dispose();
        }
    }
}

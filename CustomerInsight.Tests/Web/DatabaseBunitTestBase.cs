namespace CustomerInsight.Tests.Web;

/// <summary>
/// bUnit context over a fresh real database (disposed with the context): a test class arranges it in
/// <see cref="ArrangeAsync"/>, typically with <see cref="SeedDemoAsync"/> (the demo company and the app's own services).
/// </summary>
public abstract class DatabaseBunitTestBase(bool migrate = true) : BunitTestBase, IAsyncLifetime
{
    protected static readonly BusinessCalendar Paris = BusinessCalendar.ForZone("Europe/Paris");

    protected TestDatabase Database { get; private set; } = null!;

    /// <summary>How long a test waits for the page to render what it asserts (a busy machine is slow, never wrong).</summary>
    protected virtual TimeSpan Wait => TimeSpan.FromSeconds(30);

    protected static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(migrate);
        await ArrangeAsync();
    }

    /// <summary>What the class puts in the database and the container before each test.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    /// <summary>Seeds the demo company with this many customers and registers the app's services over the database.</summary>
    protected async Task SeedDemoAsync(int customers)
    {
        await new DemoSeeder(Database.Factory, Paris).SeedIfEmptyAsync(customers, Token);
        AddAppServices(Database.ConnectionString);
    }

    /// <summary>Seeds the demo company and prepares the chart component's JS module, for the pages that draw charts.</summary>
    protected async Task SeedDemoWithChartsAsync(int customers)
    {
        await new DemoSeeder(Database.Factory, Paris).SeedIfEmptyAsync(customers, Token);
        AddAppServicesWithCharts();
    }

    /// <summary>
    /// The app's own registrations over the database (AddCustomerInsightCore, AddCircuitActions: queries, commands,
    /// editors, calendar) and the chart component's JS module.
    /// </summary>
    protected void AddAppServicesWithCharts()
    {
        AddAppServices(Database.ConnectionString);
        JSInterop.SetupModule(ChartJs.ModulePath);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

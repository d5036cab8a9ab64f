namespace CustomerInsight.Tests.Web.Value;

/// <summary>
/// The value page's states over the app's services and real SQLite files: Cancel stops a running fit (the fit waits on a
/// gate that only the cancellation token opens, no sleep), a fit without any repeat purchase says why, every state names
/// the calibration end; the 360's value panel shows ClvQueries' own values for the customer.
/// </summary>
public sealed class ValuePageCompletenessTests : DatabaseBunitTestBase
{
    protected override TimeSpan Wait => TimeSpan.FromSeconds(60);

    /// <summary>Holds every cancellable context request while <see cref="Closed"/>, until its token is cancelled.</summary>
    private sealed class GatedFactory(IDbContextFactory<InsightDbContext> inner) : IDbContextFactory<InsightDbContext>
    {
        public volatile bool Closed = true;
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public InsightDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<InsightDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
        {
            if (Closed && cancellationToken.CanBeCanceled)
            {
                Entered.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            return await inner.CreateDbContextAsync(cancellationToken);
        }
    }

    [Fact]
    public async Task Cancel_StopsTheRunningFit_ThenRetryFits()
    {
        await SeedDemoAsync(150);
        var gate = new GatedFactory(Database.Factory);
        Services.AddSingleton(sp => new ClvQueries(gate, sp.GetRequiredService<IOptions<ClvOptions>>(), TimeProvider.System));
        JSInterop.SetupModule(ChartJs.ModulePath);
        SignInInteractiveAs(Roles.Analyst);
        var end = new DateOnly(2026, 6, 30);
        Services.GetRequiredService<NavigationManager>().NavigateTo(AppUrls.Value(end));

        var page = Render<ValuePage>();
        await gate.Entered.Task.WaitAsync(Wait, Token);
        page.WaitForElement("[data-testid=value-cancel]", Wait);
        // While it fits, the screen names the calibration end it is fitting.
        Assert.Contains(DisplayFormat.Date(end), page.Find("[data-testid=value-summary]").TextContent, StringComparison.Ordinal);

        page.Find("[data-testid=value-cancel]").Click();

        page.WaitForElement("[data-testid=value-cancelled]", Wait);
        Assert.Empty(page.FindAll("[data-testid=value-by-segment]"));
        Assert.Contains(DisplayFormat.Date(end), page.Find("[data-testid=value-summary]").TextContent, StringComparison.Ordinal);

        gate.Closed = false;
        page.Find("[data-testid=value-retry]").Click();
        page.WaitForElement("[data-testid=value-by-segment]", Wait);
        var report = (await Services.GetRequiredService<ClvQueries>().GetReportAsync(end, cancellationToken: Token))!;
        var summary = page.Find("[data-testid=value-summary]").TextContent;
        Assert.Contains(DisplayFormat.Count(report.Model.Customers.Count), summary, StringComparison.Ordinal);
        Assert.Contains(report.ModelVersion, page.Find("[data-testid=value-model-version]").TextContent, StringComparison.Ordinal);
        Assert.Equal(AppUrls.ClvWorkbook(end), page.Find("a[data-testid=value-download]").GetAttribute("href"));
        Assert.Contains("version 1", page.Find("[data-testid=value-rfm-version]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoRepeatPurchase_FitFails_ClearMessageWithTheCalibrationEnd()
    {
        // Three customers who each bought once: the dropout after a purchase (a, b) cannot be fitted.
        await using (var db = Database.CreateContext())
        {
            var customers = Enumerable.Range(1, 3).Select(i =>
                new Customer { SourceId = $"U{i}", CreatedAtUtc = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc) }).ToArray();
            db.Customers.AddRange(customers);
            await db.SaveChangesAsync(Token);
            for (var i = 0; i < customers.Length; i++)
            {
                db.Orders.Add(TestOrders.Create($"O{i}", customers[i].Id, new DateOnly(2025, 3, 1).AddDays(i * 20), 50m));
            }
            await db.SaveChangesAsync(Token);
        }
        AddAppServices(Database.ConnectionString);
        JSInterop.SetupModule(ChartJs.ModulePath);
        SignInInteractiveAs(Roles.Analyst);
        var end = new DateOnly(2025, 6, 30);
        Services.GetRequiredService<NavigationManager>().NavigateTo(AppUrls.Value(end));

        var page = Render<ValuePage>();

        page.WaitForElement("[data-testid=value-failed]", Wait);
        Assert.Equal("Les modèles n'ont pas pu être ajustés à cette date (trop peu de clients ou d'achats répétés). Choisissez une date de " +
            "calibration plus tardive.",
            page.Find("[data-testid=value-failed]").TextContent.Trim());
        Assert.Contains(DisplayFormat.Date(end), page.Find("[data-testid=value-summary]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=value-download]"));
    }

    [Fact]
    public async Task Customer360_ValuePanel_ShowsClvQueriesValuesForThatCustomer()
    {
        await SeedDemoAsync(150);
        SignInInteractiveAs(Roles.Analyst);
        var clv = Services.GetRequiredService<ClvQueries>();
        var end = (await clv.GetDefaultCalibrationEndAsync(Token))!.Value;
        var report = (await clv.GetReportAsync(end, cancellationToken: Token))!;
        // A customer with repeat purchases, so every figure is a real prediction (not the defaults of a one-off buyer).
        var customer = report.Model.Customers.First(c => c.RepeatPurchases >= 2 && c.Clv is > 0);

        var panel = Render<CustomerValuePanel>(p => p.Add(c => c.CustomerId, customer.CustomerId));

        panel.WaitForElement("[data-testid=customer-value]", Wait);
        var format = Services.GetRequiredService<DisplayFormat>();
        Assert.Equal(DisplayFormat.Percent(customer.ProbabilityAlive), panel.Find("[data-testid=customer-palive]").TextContent);
        Assert.Equal(DisplayFormat.Number(customer.ExpectedPurchases, 2), panel.Find("[data-testid=customer-expected-purchases]").TextContent);
        Assert.Equal(format.Money((decimal?)customer.Clv), panel.Find("[data-testid=customer-clv]").TextContent);
        Assert.Contains(DisplayFormat.Date(end), panel.Markup, StringComparison.Ordinal);
    }
}

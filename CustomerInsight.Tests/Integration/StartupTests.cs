using Microsoft.AspNetCore.Identity;

namespace CustomerInsight.Tests.Integration;

[Collection(AppCollection.Name)]
public class StartupTests(InsightAppFactory app)
{
    /// <summary>The demo customers and the store card records of one in 50 of them (issue 16's duplicates).</summary>
    private const int DemoCustomerRecords = InsightAppFactory.DemoCustomers + (InsightAppFactory.DemoCustomers / DemoCompanyGenerator.DuplicateEvery);

    [Fact]
    public async Task Start_EmptyDatabase_MigratesSeedsDemoCompanyAndDemoAccounts()
    {
        _ = app.Server; // starts the app
        var factory = app.Services.GetRequiredService<IDbContextFactory<InsightDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        // The demo customers and the store card records of one in 50 of them (issue 16's duplicates).
        Assert.Equal(DemoCustomerRecords, await db.Customers.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, await db.ChangeProjects.CountAsync(TestContext.Current.CancellationToken));

        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var (email, role, _) in DemoAccounts.All)
        {
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.Equal([role], await users.GetRolesAsync(user));
        }
    }

    [Fact]
    public void Start_TheWebAppRegistersTheValueWarmUp()
    {
        _ = app.Server; // starts the app
        Assert.Single(app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<CustomerInsight.Web.ValueWarmupService>());
    }

    [Fact]
    public async Task PrepareDatabase_SecondStart_DoesNotSeedAgain()
    {
        _ = app.Server;
        var factory = app.Services.GetRequiredService<IDbContextFactory<InsightDbContext>>();
        int orders;
        await using (var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            orders = await db.Orders.CountAsync(TestContext.Current.CancellationToken);
        }

        await CustomerInsight.Web.WebApp.PrepareDatabaseAsync(app.Services, TestContext.Current.CancellationToken);

        await using var after = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(orders, await after.Orders.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(DemoCustomerRecords, await after.Customers.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Start_DemoDisabled_LeavesTheDatabaseEmptyAndCreatesNoDemoAccount()
    {
        await using var quiet = new InsightAppFactory(new Dictionary<string, string?> { ["DemoData:Enabled"] = "false" });
        _ = quiet.Server;
        var factory = quiet.Services.GetRequiredService<IDbContextFactory<InsightDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await db.Customers.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Users.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync(TestContext.Current.CancellationToken));
    }
}

/// <summary>Every test of <see cref="StartupTests"/> on the app over PostgreSQL.</summary>
[Collection(AppOnPostgresCollection.Name)]
public sealed class StartupOnPostgresTests(PostgresAppFactory app) : StartupTests(app);

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerInsight.Tests.Integration;

/// <summary><c>/health/live</c> and <c>/health/ready</c>: anonymous, ready checks the database.</summary>
[Collection(AppCollection.Name)]
public sealed class HealthEndpointsTests(InsightAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_Anonymous_HealthyWithoutSigningIn(string path)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task DatabaseCheck_MigratedDatabase_Healthy()
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await new DatabaseHealthCheck(database.Factory).CheckHealthAsync(new HealthCheckContext(), Ct);

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task DatabaseCheck_DatabaseWithoutItsMigrations_Unhealthy()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using (var empty = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString))
        {
            await empty.OpenAsync(Ct); // an existing file without tables
        }

        var result = await new DatabaseHealthCheck(database.Factory).CheckHealthAsync(new HealthCheckContext(), Ct);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("migrations are not applied", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseCheck_PostgresServerUnreachable_Unhealthy()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<InsightDbContext>();
        InsightDatabase.Configure(options, DatabaseEngine.Postgres, $"Host=127.0.0.1;Port={port};Database=insight;Username=insight;Timeout=5");
        var contexts = new SingleFactory(() => InsightDatabase.CreateContext(DatabaseEngine.Postgres, options.Options));

        var result = await new DatabaseHealthCheck(contexts).CheckHealthAsync(new HealthCheckContext(), Ct);

        Assert.Equal((HealthStatus.Unhealthy, "The database cannot be reached."), (result.Status, result.Description));
    }

    private sealed class SingleFactory(Func<InsightDbContext> create) : Microsoft.EntityFrameworkCore.IDbContextFactory<InsightDbContext>
    {
        public InsightDbContext CreateDbContext() => create();
    }
}

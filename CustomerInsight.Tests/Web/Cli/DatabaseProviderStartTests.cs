using CustomerInsight.Tests.Integration;
using Microsoft.Extensions.Logging;
using System.Net.Sockets;

namespace CustomerInsight.Tests.Web.Cli;

/// <summary><c>Database:Provider</c>: an unknown name or an unreachable server stops the start with ONE clear line (web app and command
/// line).</summary>
public sealed class DatabaseProviderStartTests
{
    [Fact]
    public async Task CommandLine_UnknownProvider_OneLineNamingTheKeyAndTheChoices_ExitTwo()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);

        var result = await CliTestRunner.RunAsync(database.ConnectionString, ["kpi", "--from", "2024-01-01", "--to", "2024-02-01", "--json"],
            settings: new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "Configuration error: Database:Provider \"Oracle\" is not a database provider: use Sqlite or Postgres (appsettings.json, or the " +
                "environment variable Database__Provider).",
            Assert.Single(Lines(result.Error)));
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task CommandLine_PostgresServerUnreachable_OneLineNamingTheServer_ExitOne()
    {
        var port = ClosedPort();

        var result = await CliTestRunner.RunAsync($"Host=127.0.0.1;Port={port};Database=insight;Username=insight;Timeout=5",
            ["kpi", "--from", "2024-01-01", "--to", "2024-02-01", "--json"],
            settings: new Dictionary<string, string?> { ["Database:Provider"] = "Postgres" });

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(Lines(result.Error));
        Assert.StartsWith($"Database error: The PostgreSQL database \"insight\" on 127.0.0.1:{port} cannot be reached (ConnectionStrings:Insight): ",
            line, StringComparison.Ordinal);
        Assert.Contains("refused", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WebApp_UnknownProvider_OneLine_ExitOne()
    {
        using var error = new StringWriter();

        var code = await WebApp.RunAsync(["--Database:Provider=Mongo", "--DemoData:Enabled=false", "--urls=http://127.0.0.1:0"],
            error, TestContext.Current.CancellationToken);

        Assert.Equal(1, code);
        Assert.Equal(
            "CustomerInsight cannot start: Database:Provider \"Mongo\" is not a database provider: use Sqlite or Postgres (appsettings.json, or " +
                "the environment variable Database__Provider).",
            Assert.Single(Lines(error.ToString())));
    }

    [Fact]
    public async Task WebApp_PostgresServerUnreachable_PreparingTheDatabaseStopsWithOneLine()
    {
        var port = ClosedPort();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Insight"] = $"Host=127.0.0.1;Port={port};Database=insight;Username=insight;Timeout=5",
            ["DemoData:Enabled"] = "false",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddCustomerInsightCore(configuration).BuildServiceProvider();

        // WebApp.RunAsync prints this message after "CustomerInsight cannot start: " and exits with 1.
        var refused = await Assert.ThrowsAsync<CustomerInsight.Core.Data.DatabaseStartException>(() =>
            WebApp.PrepareDatabaseAsync(services, TestContext.Current.CancellationToken));

        Assert.StartsWith($"The PostgreSQL database \"insight\" on 127.0.0.1:{port} cannot be reached (ConnectionStrings:Insight): ",
            refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public async Task WebApp_FirstStartOnADatabaseNotCreatedYet_CreatesAndMigratesIt_WithoutAnyErrorLogged()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = server.UncreatedDatabase();
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Insight"] = connectionString,
                ["DemoData:Enabled"] = "false",
            }).Build();
            var collection = new ServiceCollection().AddLogging().AddCustomerInsightCore(configuration);
            collection.AddInsightIdentityCore();
            await using var services = collection.BuildServiceProvider();
            using var logs = LogCapture.Attach(services);

            await WebApp.PrepareDatabaseAsync(services, TestContext.Current.CancellationToken);

            // EF Core probing the missing database logged "fail: …Database.Connection[20004]" twice before the migrations.
            var alarming = logs.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => e.Message).ToList();
            Assert.True(alarming.Count == 0, string.Join("\n", alarming));
            Assert.Contains(logs.Entries, e => e.Message.StartsWith("Preparing the database", StringComparison.Ordinal));
            await using var db = services.GetRequiredService<IDbContextFactory<InsightDbContext>>().CreateDbContext();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A loopback port nothing listens on (taken, then released).</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

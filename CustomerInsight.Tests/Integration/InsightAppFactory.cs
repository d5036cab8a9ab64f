using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerInsight.Tests.Integration;

/// <summary>
/// The real app over a temporary SQLite file (or, <see cref="PostgresAppFactory"/>, a new database on the tests'
/// PostgreSQL server), seeded with a small demo company. In-memory test server by default; <see cref="StartKestrel"/>
/// serves it on a loopback port for a browser.
/// </summary>
public partial class InsightAppFactory : WebApplicationFactory<Program>
{
    public const int DemoCustomers = 400;

    private readonly Dictionary<string, string?> settings;

    public InsightAppFactory()
        : this(null)
    {
    }

    /// <summary>An app with other settings (e.g. demo data off); the test disposes it.</summary>
    internal InsightAppFactory(IDictionary<string, string?>? overrides, DatabaseEngine engine = DatabaseEngine.Sqlite)
    {
        Directory = Path.Combine(Path.GetTempPath(), "ci-app-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Engine = engine;
        if (engine == DatabaseEngine.Postgres)
        {
            // A fixture's constructor cannot await: the server and its migrated template are ready after the first use.
            postgres = PostgresServer.GetAsync().GetAwaiter().GetResult();
            ConnectionString = postgres.CreateDatabaseAsync(migrated: true).GetAwaiter().GetResult();
        }
        else
        {
            ConnectionString = $"Data Source={DatabasePath}";
        }
        settings = new Dictionary<string, string?>
        {
            [DatabaseOptions.ProviderKey] = engine.ToString(),
            ["ConnectionStrings:Insight"] = ConnectionString,
            ["DemoData:Enabled"] = "true",
            ["DemoData:Customers"] = DemoCustomers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }

    private readonly PostgresServer? postgres;

    public string Directory { get; }
    public DatabaseEngine Engine { get; }
    public string DatabasePath => Path.Combine(Directory, "app.db");
    public string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Serves the app with Kestrel on a free loopback port; returns its base address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    /// <summary>An HTTP client that does not follow redirects, so tests see 302s to the login or not-allowed pages.</summary>
    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>An HTTP client signed in through the real login form as the demo account of this role.</summary>
    public async Task<HttpClient> CreateClientAsAsync(string role)
    {
        var email = DemoAccounts.All.Single(a => a.Role == role).Email;
        return await TrySignInAsync(email, DemoAccounts.Password)
            ?? throw new InvalidOperationException($"Sign-in as {email} failed.");
    }

    /// <summary>GET <paramref name="path"/> as the demo account of <paramref name="role"/> (redirects not followed, content read).</summary>
    public async Task<HttpResponseMessage> GetAsAsync(string role, string path, CancellationToken cancellationToken)
    {
        using var client = await CreateClientAsAsync(role);
        return await client.GetAsync(path, cancellationToken);
    }

    /// <summary>The page at <paramref name="path"/> as the demo account of <paramref name="role"/> gets it (a success status required).</summary>
    public async Task<string> GetStringAsAsync(string role, string path, CancellationToken cancellationToken)
    {
        using var client = await CreateClientAsAsync(role);
        return await client.GetStringAsync(path, cancellationToken);
    }

    /// <summary>Signs in through the real login form; the signed-in client, or null when the form refused the account.</summary>
    public async Task<HttpClient?> TrySignInAsync(string email, string password)
    {
        var client = CreateAnonymousClient();
        if (await SignInAsync(client, email, password) is null)
        {
            client.Dispose();
            return null;
        }
        return client;
    }

    /// <summary>
    /// Signs <paramref name="client"/> (which keeps cookies: the form's antiforgery cookie goes back with the post) in
    /// through the real login form; the session cookie issued (<c>name=value</c>), or null when the form refused the account.
    /// </summary>
    public static async Task<string?> SignInAsync(HttpClient client, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var response = await client.PostAsync("/Account/Login", content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            return null;
        }
        return response.Headers.GetValues("Set-Cookie")
            .Select(c => c.Split(';')[0])
            .Single(c => c.StartsWith(SessionCookieName + "=", StringComparison.Ordinal));
    }

    /// <summary>The name of Identity's session cookie.</summary>
    public const string SessionCookieName = ".AspNetCore.Identity.Application";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (postgres is not null)
        {
            await postgres.DropDatabaseAsync(ConnectionString);
        }
        GC.SuppressFinalize(this);
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean: a file still held by a closing connection.
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

/// <summary>One app (and one database) shared by the integration tests of a collection.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<InsightAppFactory>
{
    public const string Name = "App";
}

/// <summary>The real app over a new database on the tests' PostgreSQL server (<c>Database:Provider=Postgres</c>).</summary>
public sealed class PostgresAppFactory : InsightAppFactory
{
    public PostgresAppFactory()
        : base(null, DatabaseEngine.Postgres)
    {
    }
}

/// <summary>The integration tests' second fixture: the same tests, one app over PostgreSQL.</summary>
[CollectionDefinition(Name)]
public sealed class AppOnPostgresCollection : ICollectionFixture<PostgresAppFactory>
{
    public const string Name = "App on PostgreSQL";
}

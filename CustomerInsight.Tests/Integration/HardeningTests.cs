using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace CustomerInsight.Tests.Integration;

/// <summary>What a hostile or unlucky visitor found (issue 14): unknown addresses, headers, redirects, sessions, sign-in.</summary>
[Collection(AppCollection.Name)]
public partial class HardeningTests(InsightAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> UnknownAddresses() => new("/nonexistent", "/customers/abc", "//admin", "/exports//rfm.xlsx");

    [Theory]
    [MemberData(nameof(UnknownAddresses))]
    public async Task Get_UnknownAddress_Anonymous_FriendlyNotFoundPageAndOneLogLine(string path)
    {
        using var logs = LogCapture.Attach(app.Services);
        using var client = app.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://localhost" + path));

        var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var entries = logs.Entries;
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Warning || e.HasException);
        Assert.Single(entries, e => e.Message.Contains(path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_AnyResponse_CarriesSecurityHeadersAndTheImportMapHasTheCspNonce()
    {
        using var client = app.CreateAnonymousClient();
        foreach (var path in new[] { "/Account/Login", "/nonexistent", "/css/app.css" })
        {
            var response = await client.GetAsync(path, Ct);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
            Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]+';", csp);
        }

        var login = await client.GetAsync("/Account/Login", Ct);
        var nonce = Regex.Match(login.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;
        var html = await login.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Strict-Transport-Security", login.Headers.ToString(), StringComparison.Ordinal); // served over HTTP
    }

    [Fact]
    public async Task Get_HostNotAllowed_Refused_RedirectsNeverCarryTheHost()
    {
        using var client = app.CreateAnonymousClient();
        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/admin");
        foreign.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(foreign, Ct)).StatusCode);

        var redirect = await client.GetAsync("/admin", Ct);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/Account/Login?ReturnUrl=", redirect.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    public static TheoryData<string> OffSiteAddresses() => new("https://evil.example/", "//evil.example/", "javascript:alert(1)", "/\\evil.example");

    [Theory]
    [MemberData(nameof(OffSiteAddresses))]
    public async Task SignIn_OffSiteReturnUrl_LandsOnTheHomePage(string returnUrl)
    {
        using var client = app.CreateAnonymousClient();
        var token = Token().Match(await client.GetStringAsync("/Account/Login", Ct)).Groups[1].Value;
        using var form = SignInForm(token, "analyste@demo.local", DemoAccounts.Password);

        var response = await client.PostAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), form, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(OffSiteAddresses))]
    public async Task Culture_OffSiteRedirectUri_RedirectsHome(string redirectUri)
    {
        using var client = app.CreateAnonymousClient();
        var response = await client.GetAsync("/culture?name=en&redirectUri=" + Uri.EscapeDataString(redirectUri), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/exports/kpi.xlsx?from=0001-01-01&to=9999-12-31")]
    [InlineData("/exports/kpi.xlsx?from=1899-12-31&to=2026-01-01")]
    [InlineData("/exports/rfm.xlsx?date=0001-01-01")]
    public async Task Export_ExtremeDates_BadRequest(string path)
    {
        var response = await app.GetAsAsync(Roles.Analyst, path, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1900-01-01", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?period=custom&from=0001-01-01&to=9999-12-31")]
    [InlineData("/satisfaction?period=custom&from=0001-01-01&to=9999-12-31")]
    [InlineData("/segments?date=0001-01-01")]
    [InlineData("/segments?date=9999-12-31&from=0001-01-01")]
    public async Task Page_ExtremeDates_RendersThePageNotAnError(string path)
    {
        using var logs = LogCapture.Attach(app.Services);
        var response = await app.GetAsAsync(Roles.Analyst, path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("data-testid=\"error-boundary\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.HasException);
    }

    [Fact]
    public async Task SignOut_ReplayedCookie_Refused()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect =
            false, HandleCookies = false });
        var jar = new Dictionary<string, string>();
        var login = await SendAsync(client, jar, HttpMethod.Get, "/Account/Login");
        var token = Token().Match(await login.Content.ReadAsStringAsync(Ct)).Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect,
            (await SendAsync(client, jar, HttpMethod.Post, "/Account/Login",
            SignInForm(token, "changement@demo.local", DemoAccounts.Password))).StatusCode);
        var signedIn = new Dictionary<string, string>(jar);
        var home = await SendAsync(client, jar, HttpMethod.Get, "/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        var formToken = Token().Match(await home.Content.ReadAsStringAsync(Ct)).Groups[1].Value;
        using var logout = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = formToken });
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(client, jar, HttpMethod.Post, "/Account/Logout", logout)).StatusCode);

        // The cookie as it was before sign-out, sent again (copied, stolen or kept by a proxy).
        var replayed = await SendAsync(client, signedIn, HttpMethod.Get, "/");
        Refusals.AssertRedirectsToLogin(replayed);
    }

    [Fact]
    public async Task SignIn_UnknownAccount_HashesAPasswordAsForAKnownOne()
    {
        using var scope = app.Services.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var counting = new CountingHasher(signIn.UserManager.PasswordHasher);
        signIn.UserManager.PasswordHasher = counting;
        var gate = scope.ServiceProvider.GetRequiredService<SignInGate>();

        Assert.Equal(SignInOutcome.Failed, await gate.PasswordSignInAsync("nobody@example.org", "a guessed password", false, "192.0.2.10"));
        var unknown = counting.Verifications;
        Assert.Equal(SignInOutcome.Failed, await gate.PasswordSignInAsync("direction@demo.local", "a guessed password", false, "192.0.2.10"));

        Assert.Equal(1, unknown);
        Assert.Equal(2, counting.Verifications);
    }

    [Fact]
    public async Task SignIn_ManyFailuresFromOneClient_ThatClientThrottledOthersNot()
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var gate = scope.ServiceProvider.GetRequiredService<SignInGate>();
        var limit = new SignInThrottleOptions().MaxFailuresPerClient;

        // Many accounts from one client: each account's lockout never triggers, the client's limit does.
        for (var i = 0; i < limit; i++)
        {
            Assert.Equal(SignInOutcome.Failed, await gate.PasswordSignInAsync($"guess{i}@example.org", "a guessed password", false, "198.51.100.7"));
        }
        Assert.Equal(SignInOutcome.Throttled, await gate.PasswordSignInAsync("admin@demo.local", DemoAccounts.Password, false, "198.51.100.7"));
        Assert.Equal(SignInOutcome.Succeeded, await gate.PasswordSignInAsync("admin@demo.local", DemoAccounts.Password, false, "198.51.100.8"));
    }

    private static FormUrlEncodedContent SignInForm(string token, string email, string password) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["_handler"] = "login",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    });

    /// <summary>Sends with the cookies of <paramref name="jar"/> and keeps those the response sets.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Dictionary<string,
        string> jar, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (jar.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        }
        var response = await client.SendAsync(request, Ct);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0];
            var (name, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            if (value.Length == 0)
            {
                jar.Remove(name);
            }
            else
            {
                jar[name] = value;
            }
        }
        return response;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private sealed class CountingHasher(IPasswordHasher<AppUser> inner) : IPasswordHasher<AppUser>
    {
        private int verifications;

        public int Verifications => verifications;

        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>Log entries written while attached (the app's logger factory gets this provider for the test's duration).</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly List<(LogLevel Level, string Message, bool HasException)> entries = [];
    private bool attached = true;

    public IReadOnlyList<(LogLevel Level, string Message, bool HasException)> Entries
    {
        get
        {
            lock (entries)
            {
                return entries.ToList();
            }
        }
    }

    public static LogCapture Attach(IServiceProvider services)
    {
        var capture = new LogCapture();
        services.GetRequiredService<ILoggerFactory>().AddProvider(capture);
        return capture;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() => attached = false;

    private sealed class Logger(LogCapture owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => owner.attached;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!owner.attached)
            {
                return;
            }
            lock (owner.entries)
            {
                owner.entries.Add((logLevel, formatter(state, exception), exception is not null));
            }
        }
    }
}

/// <summary>Every test of <see cref="HardeningTests"/> on the app over PostgreSQL.</summary>
[Collection(AppOnPostgresCollection.Name)]
public sealed class HardeningOnPostgresTests(PostgresAppFactory app) : HardeningTests(app);

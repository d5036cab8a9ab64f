using CustomerInsight.Tests.Integration;
using Microsoft.Playwright;

namespace CustomerInsight.Tests.Browser;

/// <summary>
/// The real app on a loopback port and Debian's Chromium driven by Playwright (never a
/// downloaded browser). Without Chromium the browser tests skip with a reason, except under
/// CI=true where a missing browser is a failure.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private InsightAppFactory? app;
    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public InsightAppFactory App => app ?? throw new InvalidOperationException("The app did not start.");

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }
        // Assertions wait as long as actions do: a loaded CI machine renders a page in more than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout((float)WaitTimeout.TotalMilliseconds);
        app = CreateApp();
        await PrepareAsync(app);
        BaseAddress = app.StartKestrel();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>The engine of the app's database: SQLite here, PostgreSQL in <see cref="PostgresBrowserFixture"/>.</summary>
    protected virtual DatabaseEngine Engine => DatabaseEngine.Sqlite;

    /// <summary>The app under test: the demo company by default; a derived fixture may start another one.</summary>
    protected virtual InsightAppFactory CreateApp() => CreateApp(null);

    /// <summary>The app with these settings over a new database of this fixture's <see cref="Engine"/>.</summary>
    protected InsightAppFactory CreateApp(IDictionary<string, string?>? settings) => new(settings, Engine);

    /// <summary>Runs before the app starts (e.g. an import into its database); nothing by default.</summary>
    protected virtual Task PrepareAsync(InsightAppFactory app) => Task.CompletedTask;

    /// <summary>Skips the calling test when Chromium is missing (fails it under CI=true).</summary>
    public IBrowser RequireBrowser()
    {
        if (Browser is not null)
        {
            return Browser;
        }
        if (IsCi)
        {
            Assert.Fail($"CI=true but no Chromium at {ChromiumPath}: .ci/run installs it with apt-get.");
        }
        Assert.Skip($"No Chromium at {ChromiumPath} (apt-get install -y chromium): browser tests skipped.");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>A fresh browser context (French, like a first visit) and page, not signed in.</summary>
    public Task<IPage> NewPageAsync(string locale = "fr-FR") => NewPageAsync(locale, storageState: null);

    /// <summary>A fresh browser context and page; <paramref name="storageState"/>: the cookies of an earlier context (Playwright's JSON).</summary>
    private async Task<IPage> NewPageAsync(string locale, string? storageState)
    {
        var context = await RequireBrowser().NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            StorageState = storageState,
        });
        context.SetDefaultTimeout((float)WaitTimeout.TotalMilliseconds);
        return await context.NewPageAsync();
    }

    // Per role, the cookies of this fixture's last sign-in through the form: a sign-in costs a browser test about 2.5 s.
    private readonly Dictionary<string, string> sessions = new(StringComparer.Ordinal);

    /// <summary>
    /// A page signed in as the demo account of this role, at <paramref name="path"/> (the dashboard by default), its circuit
    /// interactive. The first page of a role signs in through the login form, which the app shows for the path and which
    /// brings the user back to it; the next ones start with the session cookie of the last one (each test still gets its own
    /// context), and go through the form again when the app no longer takes it (a test signed out: sign-out ends every copy
    /// of the session). The browser's own locale does not choose the app's language (French until the user switches).
    /// </summary>
    public async Task<IPage> NewPageAsAsync(string role, string browserLocale = "fr-FR", string path = "/")
    {
        var page = await NewPageAsync(browserLocale, sessions.GetValueOrDefault(role));
        await page.GotoAsync(path);
        if (page.Url.Contains("/Account/Login", StringComparison.Ordinal))
        {
            await page.FillAsync("#email", DemoAccounts.All.Single(a => a.Role == role).Email);
            await page.FillAsync("#password", DemoAccounts.Password);
            await page.ClickAsync("button[type=submit]");
            await WaitForUrlAsync(page, url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        }
        await WaitForCircuitAsync(page);
        sessions[role] = await page.Context.StorageStateAsync();
        return page;
    }

    /// <summary>
    /// Waits until the interactive circuit has rendered the layout and its components have run their first after-render
    /// work (the layout's <c>data-interactive</c> marker, absent from the prerendered HTML): from then on a click reaches
    /// the server and opens what it opens the first time, and links are routed in the page.
    /// </summary>
    public static async Task WaitForCircuitAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => document.querySelector('.mud-layout[data-interactive=true]') !== null");

    /// <summary>How long a browser step waits for the page (Playwright's actions and assertions, <see cref="WaitForUrlAsync"/>).</summary>
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Waits until the page's address matches, then for its load state, as Playwright's <c>WaitForURLAsync</c> does, but listening
    /// before it looks: <c>WaitForURLAsync</c> reads the address, then starts waiting for the next navigation, so a navigation
    /// reported between the two (Blazor's <c>NavigateTo</c> right after a click) is missed and the wait runs into its timeout (seen
    /// once in a run of every PostgreSQL test, with the figures of the new address on the screenshot).
    /// </summary>
    public static async Task WaitForUrlAsync(IPage page, Func<string, bool> matches)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == page.MainFrame && matches(frame.Url))
            {
                arrived.TrySetResult();
            }
        }
        page.FrameNavigated += OnNavigated;
        try
        {
            if (!matches(page.Url))
            {
                await arrived.Task.WaitAsync(WaitTimeout);
            }
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The page's address stayed {page.Url} for {WaitTimeout.TotalSeconds:F0} s.");
        }
        finally
        {
            page.FrameNavigated -= OnNavigated;
        }
        await page.WaitForLoadStateAsync();
    }

    /// <summary>The input of a MudBlazor field by its test id (MudBlazor puts the attribute on the input or on its wrapper).</summary>
    public static ILocator Input(IPage page, string testId) => page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    /// <summary>
    /// Picks a MudBlazor radio as a person does, by clicking its label, then waits for the server's state to check it. Not the
    /// input itself with Force: that skips the wait for a stable element, and a click during a dialog's opening transition
    /// landed beside the radio (one CI run in several).
    /// </summary>
    public static async Task CheckRadioAsync(ILocator scope, string testId)
    {
        await scope.Locator($"label:has(input[data-testid={testId}])").ClickAsync();
        await Assertions.Expect(scope.Locator($"input[data-testid={testId}]")).ToBeCheckedAsync();
    }

    /// <summary>Runs a browser step and saves a screenshot under TestResults/ when it fails.</summary>
    public static async Task WithScreenshotOnFailureAsync(IPage page, string name, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}

/// <summary>Browser tests share one app and one Chromium and run one at a time (2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// The same app (the demo company) over a new database on the tests' PostgreSQL server (<c>Database:Provider=Postgres</c>),
/// for the <c>…OnPostgres</c> browser tests: the main journeys on the server engine.
/// </summary>
public sealed class PostgresBrowserFixture : BrowserFixture
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

/// <summary>The browser tests on PostgreSQL: one app and one Chromium, one test at a time (in parallel with the SQLite ones).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserOnPostgresCollection : ICollectionFixture<PostgresBrowserFixture>
{
    public const string Name = "Browser on PostgreSQL";
}

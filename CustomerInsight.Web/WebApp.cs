using CustomerInsight.Core.Data.Demo;
using CustomerInsight.Web.Components;
using CustomerInsight.Web.Components.Account;
using CustomerInsight.Web.Endpoints;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Web;

/// <summary>The web app's services and request pipeline.</summary>
public static class WebApp
{
    public static readonly CultureInfo[] SupportedCultures = [new("fr-FR"), new("en-GB")];

    /// <summary>Where the app listens when neither <c>ASPNETCORE_URLS</c>, <c>--urls</c> nor <c>Kestrel:Endpoints</c> says.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>
    /// The web app from start to stop (Program's no-verb path): 1 when it cannot start, with ONE line on
    /// <paramref name="error"/> saying why when the database is the cause (unknown provider, server unreachable).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        WebApplication app;
        try
        {
            app = Build(args);
        }
        catch (DatabaseStartException e)
        {
            await error.WriteLineAsync("CustomerInsight cannot start: " + e.Message);
            return 1;
        }
        await using (app)
        {
            if (MissingStaticAsset(app) is { } missing)
            {
                // Started from a folder the app cannot find its files from: say so instead of serving empty pages.
                await error.WriteLineAsync(
                    $"CustomerInsight cannot start: its static file \"{missing}\" is missing under {app.Environment.WebRootPath} "
                    + "(build the app, or publish it, and start that build).");
                return 1;
            }
            try
            {
                await PrepareDatabaseAsync(app.Services, cancellationToken);
            }
            catch (DatabaseStartException e)
            {
                await error.WriteLineAsync("CustomerInsight cannot start: " + e.Message);
                return 1;
            }
            await app.RunAsync(cancellationToken);
            return 0;
        }
    }

    public static WebApplication Build(string[] args)
    {
        // The content root is the app's own folder, not the working directory: started from any folder, the app
        // finds its static assets (a build's manifest points at the project's wwwroot and the packages; a publish
        // has wwwroot beside the app).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        AppPaths.AddRootConfiguration(builder.Configuration);
        if (!builder.Environment.IsDevelopment()
            && File.Exists(Path.Combine(AppContext.BaseDirectory, $"{builder.Environment.ApplicationName}.staticwebassets.runtime.json")))
        {
            builder.WebHost.UseStaticWebAssets(); // a build run outside Development (README's run command)
        }
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(builder.Configuration["http_ports"]) && string.IsNullOrEmpty(builder.Configuration["https_ports"])
            && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        builder.Services.AddFeatureOptions<SignInThrottleOptions>(SignInThrottleOptions.Section);
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddScoped<SignInGate>();
        ConfigureForwardedHeaders(builder);

        builder.Services.AddCustomerInsightCore(builder.Configuration);
        builder.Services.AddInsightHealthChecks();
        builder.Services.AddScaleOut();
        builder.Services.AddActivityWarmup();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddLocalizedMudServices();
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.AddScoped<DisplayFormat>();
        builder.Services.AddScoped<Components.Account.AccountAudit>();
        builder.Services.AddCircuitActions();

        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IdentityRedirectManager>();
        builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.Events = SessionCookieEvents.Create();
        });
        // A disabled account or a changed role (security stamp renewed) reaches requests within 5 minutes, as it
        // reaches open pages (IdentityRevalidatingAuthenticationStateProvider), not after the default 30.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(5));
        builder.Services.AddInsightIdentityCore().AddSignInManager().AddDefaultTokenProviders();

        return Configure(builder.Build());
    }

    private static WebApplication Configure(WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.ForwardedHeaders != ForwardedHeaders.None)
        {
            app.UseForwardedHeaders();
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        // HSTS is only sent on requests served over HTTPS (directly, or by a proxy that says so); HTTPS redirection
        // only when the app itself listens on HTTPS (behind a proxy, the proxy redirects).
        app.UseHsts();
        if (ServesHttps(app.Configuration))
        {
            app.UseHttpsRedirection();
        }
        app.UseSecurityHeaders();
        app.UseNotFoundLog();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(SupportedCultures[0]),
            SupportedCultures = SupportedCultures,
            SupportedUICultures = SupportedCultures,
            // The user's choice (cookie) wins; the browser's language is not consulted: French first.
            RequestCultureProviders = [new CookieRequestCultureProvider()],
        });

        // Explicit, after the status code pages and the exception handler: their re-executed requests (the not-found
        // and error pages) pass through authorization too, as every endpoint with authorization metadata requires.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapHealthEndpoints();
        app.MapAccountEndpoints();
        app.MapCultureEndpoint();
        app.MapExportEndpoints();
        app.MapAudienceEndpoints();
        app.MapPrivacyEndpoints();
        return app;
    }

    /// <summary>
    /// The static assets every page needs, missing from this build's web root (started from a folder the app
    /// cannot find them from); null when they are all there.
    /// </summary>
    public static string? MissingStaticAsset(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        string[] required = ["_framework/blazor.web.js", "_content/MudBlazor/MudBlazor.min.js", "lib/chart.js/chart.umd.min.js", "css/app.css"];
        return required.FirstOrDefault(path => app.Environment.WebRootFileProvider.GetFileInfo(path) is not { Exists: true, Length: > 0 });
    }

    /// <summary>One log line per address that answered 404 (after the not-found page was shown): no stack trace.</summary>
    private static void UseNotFoundLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("CustomerInsight.Web.NotFound");
        app.Use(async (context, next) =>
        {
            var (method, path) = (context.Request.Method, context.Request.Path.Value);
            await next(context);
            if (context.Response.StatusCode == StatusCodes.Status404NotFound)
            {
                logger.LogInformation("Not found: {Method} {Path}", method, path);
            }
        });
    }

    private static bool ServesHttps(IConfiguration configuration) =>
        (configuration[WebHostDefaults.ServerUrlsKey] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase)
        || !string.IsNullOrEmpty(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(e => (e["Url"] ?? "").StartsWith("https://",
            StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Behind a reverse proxy (<c>ForwardedHeaders:Enabled</c>): the client's address (sign-in throttling) and the
    /// scheme (HSTS) come from the proxy's X-Forwarded-For and X-Forwarded-Proto, trusted from loopback proxies
    /// and the addresses in <c>ForwardedHeaders:KnownProxies</c> only.
    /// </summary>
    private static void ConfigureForwardedHeaders(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("ForwardedHeaders");
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            if (!section.GetValue<bool>("Enabled"))
            {
                options.ForwardedHeaders = ForwardedHeaders.None;
                return;
            }
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in (section["KnownProxies"] ?? "").Split([';', ','],
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
    }

    /// <summary>Migrations, roles, and, in demo mode, the demo company and accounts.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        // The first start says what it does and how long it takes (README's run command): a person waiting in
        // front of a silent terminal stops it.
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebApp));
        var contexts = services.GetRequiredService<IDbContextFactory<InsightDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await InsightDatabase.EnsureReachableAsync(db, createMissing: true, cancellationToken);
            var pending = (await InsightDatabase.PendingMigrationsAsync(db, cancellationToken)).Count;
            if (pending > 0)
            {
                logger.LogInformation("Preparing the database {Database}: applying {Count} migrations (a few seconds)...",
                    db.Database.GetDbConnection().DataSource, pending);
            }
        }
        await InsightDatabase.MigrateAsync(contexts, cancellationToken);
        ScaleOut.PrepareKeyRing(services);
        await RecordCurrencyAsync(services, cancellationToken);
        using var scope = services.CreateScope();
        await DemoAccounts.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());

        var demo = services.GetRequiredService<IOptions<DemoDataOptions>>().Value;
        if (!demo.Enabled)
        {
            var retired = await DemoAccounts.RetireAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
            if (retired > 0)
            {
                logger.LogWarning("Demo data is off: {Count} demo accounts can no longer sign in (their published password was removed).", retired);
            }
            return;
        }
        var seeder = services.GetRequiredService<DemoSeeder>();
        if (await seeder.IsEmptyAsync(cancellationToken))
        {
            logger.LogInformation(
                "First start: creating the demo company ({Customers} customers, three years of orders and surveys; about {Seconds} seconds)...",
                demo.Customers, Math.Max(5, demo.Customers / 250));
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await seeder.SeedIfEmptyAsync(demo.Customers, cancellationToken);
        if (result.Seeded)
        {
            logger.LogInformation("Demo company created in {Seconds:0} s: {Customers} customers, {Orders} orders.", clock.Elapsed.TotalSeconds,
                result.Customers, result.Orders);
        }
        await DemoAccounts.EnsureAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
        logger.LogInformation("Ready. Sign in with a demo account (README: Demo accounts) at the address below.");
    }

    /// <summary>
    /// A new database records <c>Business:Currency</c> as its reporting currency; an existing one keeps its own, which is
    /// what amounts are labelled with (a different setting is reported, never applied to data imported in another currency).
    /// </summary>
    public static async Task RecordCurrencyAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var currency = services.GetRequiredService<DatabaseCurrency>();
        var code = await currency.GetAsync(cancellationToken);
        if (code != currency.Configured)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebApp)).LogWarning(
                "Business:Currency is {Configured} but the database's reporting currency is {Currency} (recorded when it was created): "
                + "amounts are shown in {Currency}.",
                currency.Configured, code, code);
        }
    }

    private static void MapCultureEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture", (HttpContext context, string name, string? redirectUri) =>
        {
            var culture = SupportedCultures.FirstOrDefault(c => c.Name == name || c.TwoLetterISOLanguageName == name) ?? SupportedCultures[0];
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            // Only local redirects: never an open redirect (anything else, "/\\host" included, goes to "/").
            return Results.LocalRedirect(LocalUrl.OrRoot(redirectUri));
        }).AllowAnonymous();
}

using System.Globalization;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Data.Demo;
using CustomerInsight.Web.Components;
using CustomerInsight.Web.Components.Account;
using CustomerInsight.Web.Exports;
using CustomerInsight.Web.Localization;
using CustomerInsight.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerInsight.Web;

/// <summary>The web app's services and request pipeline.</summary>
public static class WebApp
{
    public static readonly CultureInfo[] SupportedCultures = [new("fr-FR"), new("en-GB")];

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        AppPaths.AddRootConfiguration(builder.Configuration);

        builder.Services.AddCustomerInsightCore(builder.Configuration);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddLocalizedMudServices();
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.AddScoped<DisplayFormat>();
        builder.Services.AddScoped<CustomerInsight.Web.Importing.ImportActions>();
        builder.Services.AddScoped<AdminGuard>();
        builder.Services.AddScoped<Components.Pages.Privacy.PrivacyActions>();
        builder.Services.AddScoped<Components.Pages.Audit.AuditDescriber>();
        builder.Services.AddScoped<Components.Account.AccountAudit>();
        builder.Services.AddScoped<UserAdministration>();
        builder.Services.AddScoped<Components.Pages.Omoc.OmocEditor>();

        builder.Services.AddCascadingAuthenticationState();
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
        });
        // A disabled account or a changed role (security stamp renewed) reaches requests within 5 minutes, as it
        // reaches open pages (IdentityRevalidatingAuthenticationStateProvider), not after the default 30.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(5));
        builder.Services.AddAuthorizationBuilder().AddInsightPolicies();
        builder.Services.AddInsightIdentityCore().AddSignInManager().AddDefaultTokenProviders();

        return Configure(builder.Build());
    }

    private static WebApplication Configure(WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(SupportedCultures[0]),
            SupportedCultures = SupportedCultures,
            SupportedUICultures = SupportedCultures,
            // The user's choice (cookie) wins; the browser's language is not consulted: French first.
            RequestCultureProviders = [new CookieRequestCultureProvider()],
        });

        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapCultureEndpoint();
        app.MapExportEndpoints();
        Components.Pages.Privacy.PrivacyEndpoints.MapPrivacyEndpoints(app);
        return app;
    }

    /// <summary>Migrations, roles, and, in demo mode, the demo company and accounts.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await InsightDatabase.MigrateAsync(services.GetRequiredService<IDbContextFactory<InsightDbContext>>(), cancellationToken);
        await RecordCurrencyAsync(services, cancellationToken);
        using var scope = services.CreateScope();
        await DemoAccounts.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());

        var demo = services.GetRequiredService<IOptions<DemoDataOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebApp));
        if (!demo.Enabled)
        {
            var retired = await DemoAccounts.RetireAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
            if (retired > 0)
            {
                logger.LogWarning("Demo data is off: {Count} demo accounts can no longer sign in (their published password was removed).", retired);
            }
            return;
        }
        var result = await services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(demo.Customers, cancellationToken);
        if (result.Seeded)
        {
            logger.LogInformation("Demo company seeded: {Customers} customers, {Orders} orders.", result.Customers, result.Orders);
        }
        await DemoAccounts.EnsureAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
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
                "Business:Currency is {Configured} but the database's reporting currency is {Currency} (recorded when it was created): amounts are shown in {Currency}.",
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
            // Only local redirects: never an open redirect.
            var target = redirectUri is { Length: > 0 } && redirectUri.StartsWith('/') && !redirectUri.StartsWith("//", StringComparison.Ordinal) ? redirectUri : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous();
}

using System.Security.Claims;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace CustomerInsight.Tests.Web;

/// <summary>
/// bUnit context with what the app's components need: MudBlazor, localization (French by default),
/// DisplayFormat, and authorization. JS interop is loose because MudBlazor calls JS internally;
/// tests that assert JS calls (the chart component) switch to strict mode.
/// </summary>
public abstract class BunitTestBase : BunitContext
{
    protected BunitTestBase(string culture = "fr-FR")
    {
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLocalizedMudServices();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Services.AddSingleton(Options.Create(new BusinessOptions()));
        Services.AddSingleton(Options.Create(new KpiOptions()));
        Services.AddScoped<DisplayFormat>();
        Services.AddCircuitActions();
    }

    /// <summary>Signs a user with this role in for the rendered components (policies are evaluated for real).</summary>
    protected void SignInAs(string role, string name = "test@demo.local")
    {
        Services.AddCascadingAuthenticationState();
        Services.AddSingleton<AuthenticationStateProvider>(new FixedUser(role, name));
        // bUnit's placeholders refuse to answer; the app's own evaluate its policies against the role.
        Services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        Services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
    }

    /// <summary>Signs this user in and renders as the app does (interactive server), once the page's services are complete.</summary>
    protected void SignInInteractiveAs(string role, string name = "test@demo.local")
    {
        SignInAs(role, name);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>Types into a MudBlazor text field by its test id (MudBlazor puts the attribute on the input, textarea or wrapper).</summary>
    protected static void Type<TComponent>(IRenderedComponent<TComponent> view, string testId, string value)
        where TComponent : IComponent =>
        view.Find($"input[data-testid={testId}], [data-testid={testId}] input, " +
            $"textarea[data-testid={testId}], [data-testid={testId}] textarea").Change(value);

    /// <summary>The app's own Core registrations (<c>AddCustomerInsightCore</c>) over a test database, as pages use them.</summary>
    protected void AddAppServices(string connectionString) => AddAppServices(Services, connectionString);

    /// <summary>
    /// A database holding <see cref="Core.Privacy.PrivacyTestContext"/>'s customers, the app's services over it and a user with
    /// this role signed in; the caller disposes it.
    /// </summary>
    private protected async Task<Core.Privacy.PrivacyTestContext> SignInOverPrivacyDataAsync(string role)
    {
        var context = await Core.Privacy.PrivacyTestContext.CreateAsync(Xunit.TestContext.Current.CancellationToken);
        AddAppServices(context.Import.Database.ConnectionString);
        SignInAs(role);
        return context;
    }

    /// <summary>The app's own Core registrations over a test database, for tests of the services pages call.</summary>
    public static IServiceCollection AddAppServices(IServiceCollection services, string connectionString)
    {
        var configuration = new ConfigurationManager();
        AppPaths.AddRootConfiguration(configuration);
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Insight"] = connectionString });
        services.AddLogging();
        return services.AddCustomerInsightCore(configuration);
    }

    protected static IReadOnlyList<string> AllRoles => Roles.All;

    /// <summary>
    /// Waits until <paramref name="condition"/> holds: checked now and after each render of <paramref name="page"/> (a lifecycle that
    /// goes on after the first render ends with one), failing with <paramref name="failure"/> after <paramref name="timeout"/>.
    /// </summary>
    protected static async Task UntilAsync<TComponent>(IRenderedComponent<TComponent> page, Func<Task<bool>> condition, TimeSpan timeout,
        string failure)
        where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            // Listening before the check: a render between the check and the wait is not missed.
            var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnRender(object? sender, EventArgs e) => rendered.TrySetResult();
            page.OnAfterRender += OnRender;
            try
            {
                if (await condition())
                {
                    return;
                }
                var left = deadline - DateTime.UtcNow;
                Assert.True(left > TimeSpan.Zero, failure);
                try
                {
                    await rendered.Task.WaitAsync(left);
                }
                catch (TimeoutException)
                {
                    Assert.Fail(failure);
                }
            }
            finally
            {
                page.OnAfterRender -= OnRender;
            }
        }
    }
}

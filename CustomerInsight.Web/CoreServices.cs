using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Dashboard;
using CustomerInsight.Core.Importing;
using CustomerInsight.Core.Omoc;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Reporting;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Surveys;
using CustomerInsight.Core.Data.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerInsight.Web;

/// <summary>What the web app and the command line share: options, database, Identity stores, feature services.</summary>
public static class CoreServices
{
    public static IServiceCollection AddCustomerInsightCore(this IServiceCollection services, IConfiguration configuration)
    {
        // Every feature's options: bound from its section, validated (data annotations and IValidatableObject) once, at start-up.
        services.TryAddSingleton(configuration);
        services.AddFeatureOptions<DatabaseOptions>(DatabaseOptions.Section);
        services.AddFeatureOptions<DemoDataOptions>(DemoDataOptions.Section);
        services.AddFeatureOptions<BusinessOptions>(BusinessOptions.Section);
        services.AddFeatureOptions<KpiOptions>(KpiOptions.Section);
        services.AddFeatureOptions<OmocOptions>(OmocOptions.Section);
        services.AddFeatureOptions<PrivacyOptions>(PrivacyOptions.Section);
        services.AddFeatureOptions<RfmOptions>(RfmOptions.SectionName);
        services.AddFeatureOptions<ImportOptions>(ImportOptions.Section);
        services.AddFeatureOptions<CustomerInsight.Core.Value.ClvOptions>(CustomerInsight.Core.Value.ClvOptions.SectionName);

        var connectionString = configuration.GetConnectionString("Insight")
            ?? throw new ConfigurationMissingException("ConnectionStrings:Insight is missing from appsettings.json.");
        // The provider decides the context type and the migrations, so it is read here, before options validation runs.
        var engine = DatabaseOptions.ParseProvider(configuration[DatabaseOptions.ProviderKey]);
        services.AddInsightDatabase(engine, InsightDatabase.ResolveConnectionString(engine, connectionString, AppPaths.Root));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => BusinessCalendar.ForZone(sp.GetRequiredService<IOptions<BusinessOptions>>().Value.TimeZone));
        services.AddSingleton<AuditLog>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<DataChangeNotifier>();
        services.AddSingleton<CurrentDataVersion>();
        services.AddSingleton(sp => new DatabaseCurrency(sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<InsightDbContext>>(),
            sp.GetRequiredService<IOptions<BusinessOptions>>().Value.Currency));
        services.AddSingleton<AppSecrets>();

        // Feature services: stateless over the context factory (one context per operation).
        services.AddSingleton<KpiQueries>();
        // The command line reads per call what a verb needs; the web app shares one per data version (AddActivityWarmup).
        services.AddSingleton(sp => new CustomerInsight.Core.Data.CustomerActivityStore(
            sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<InsightDbContext>>()));
        services.AddSingleton<SatisfactionQueries>();
        services.AddSingleton<CustomerInsight.Core.Text.ITextResolver>(ResxTextResolver.Instance);
        services.AddSingleton<CustomerInsight.Core.Surveys.Themes.ThemeQueries>();
        services.AddSingleton<DashboardQueries>();
        services.AddSingleton<RfmQueries>();
        services.AddSingleton<ConsentQueries>();
        services.AddSingleton<RfmScoreCache>();
        services.AddSingleton<RfmGridCommands>();
        services.AddSingleton<CustomerInsight.Core.Value.ClvQueries>();
        services.AddSingleton<CustomerQueries>();
        services.AddSingleton<SegmentQueries>();
        services.AddSingleton<CustomerInsight.Core.Segments.SegmentationQueries>();
        services.AddSingleton<CustomerInsight.Core.Segments.AudienceExport>();
        services.AddSingleton<OmocQueries>();
        services.AddSingleton<OmocCommands>();
        services.AddSingleton<ImportPipeline>();
        services.AddSingleton<ImportHistoryQueries>();
        services.AddSingleton<ImportUndo>();
        services.AddSingleton<CustomerInsight.Core.Quality.QualityQueries>();
        services.AddSingleton<CustomerInsight.Core.Unify.UnifyQueries>();
        services.AddSingleton<CustomerInsight.Core.Unify.UnifyCommands>();
        services.AddSingleton<CustomerFileQueries>();
        services.AddSingleton<CustomerFileJsonExport>();
        services.AddSingleton(sp =>
        {
            var kpi = sp.GetRequiredService<IOptions<KpiOptions>>().Value;
            // Workbooks label amounts with the database's currency, never the configured one.
            return new ReportSettings(ReportSettings.DefaultCompany, sp.GetRequiredService<DatabaseCurrency>().Code,
                sp.GetRequiredService<BusinessCalendar>().Zone, kpi.LapsedAfterDays, kpi.MinResponses)
            {
                Texts = ResxTextResolver.Instance,
            };
        });
        services.AddSingleton<ExcelExports>();
        services.AddSingleton<AuditQueries>();
        services.AddSingleton<CustomerErasure>();
        services.AddSingleton<RetentionPurge>();
        services.AddSingleton<PrivacyCommands>();
        return services;
    }

    /// <summary>Identity's user and role stores on the app database, with the password rules of engineering.md.</summary>
    public static IdentityBuilder AddInsightIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<AppUser>(options =>
            {
                // OWASP ASVS: length over composition rules.
                options.Password.RequiredLength = Security.PasswordRules.MinimumLength;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireDigit = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddPasswordValidator<Security.CommonPasswordValidator>()
            .AddEntityFrameworkStores<InsightDbContext>();

    /// <summary>Options of one feature: bound with <c>BindConfiguration</c>, validated on start.</summary>
    public static OptionsBuilder<TOptions> AddFeatureOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}

/// <summary>A setting the app cannot start without is missing (the command line exits 2 on it, as on an invalid one).</summary>
public sealed class ConfigurationMissingException(string message) : InvalidOperationException(message);

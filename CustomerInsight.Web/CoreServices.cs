using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Dashboard;
using CustomerInsight.Core.Importing;
using CustomerInsight.Core.Omoc;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Reporting;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Surveys;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Data.Demo;
using CustomerInsight.Core.Sales;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerInsight.Web;

/// <summary>What the web app and the command line share: options, database, Identity stores, feature services.</summary>
public static class CoreServices
{
    public static IServiceCollection AddCustomerInsightCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoDataOptions>().Bind(configuration.GetSection(DemoDataOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BusinessOptions>().Bind(configuration.GetSection(BusinessOptions.Section)).ValidateDataAnnotations()
            .Validate(o => TryFindZone(o.TimeZone), "Business:TimeZone is not a known time zone.").ValidateOnStart();
        services.AddOptions<KpiOptions>().Bind(configuration.GetSection(KpiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OmocOptions>().Bind(configuration.GetSection(OmocOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RfmOptions>().Bind(configuration.GetSection(RfmOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CustomerInsight.Core.Value.ClvOptions>().BindConfiguration(CustomerInsight.Core.Value.ClvOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ImportUploadOptions>().Bind(configuration.GetSection(ImportUploadOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        var connectionString = configuration.GetConnectionString("Insight")
            ?? throw new InvalidOperationException("ConnectionStrings:Insight is missing from appsettings.json.");
        services.AddInsightDatabase(InsightDatabase.ResolveConnectionString(connectionString, AppPaths.Root));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => BusinessCalendar.ForZone(sp.GetRequiredService<IOptions<BusinessOptions>>().Value.TimeZone));
        services.AddSingleton<AuditLog>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<DataChangeNotifier>();
        services.AddSingleton(sp => new DatabaseCurrency(sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<InsightDbContext>>(),
            sp.GetRequiredService<IOptions<BusinessOptions>>().Value.Currency));
        services.AddSingleton<AppSecrets>();

        // Feature services: stateless over the context factory (one context per operation).
        services.AddSingleton<KpiQueries>();
        services.AddSingleton<SatisfactionQueries>();
        services.AddSingleton<CustomerInsight.Core.Surveys.Themes.ThemeQueries>();
        services.AddSingleton<DashboardQueries>();
        services.AddSingleton<RfmQueries>();
        services.AddSingleton<ConsentQueries>();
        services.AddSingleton<RfmScoreCache>();
        services.AddSingleton<CustomerInsight.Core.Value.ClvQueries>();
        services.AddSingleton<CustomerQueries>();
        services.AddSingleton<SegmentQueries>();
        services.AddSingleton<OmocQueries>();
        services.AddSingleton<OmocCommands>();
        services.AddSingleton(new ImportOptions());
        services.AddSingleton<ImportPipeline>();
        services.AddSingleton<ImportHistoryQueries>();
        services.AddSingleton<ImportUndo>();
        services.AddSingleton<CustomerFileQueries>();
        services.AddSingleton<CustomerFileJsonExport>();
        services.AddSingleton(sp =>
        {
            var kpi = sp.GetRequiredService<IOptions<KpiOptions>>().Value;
            // Workbooks label amounts with the database's currency, never the configured one.
            return new ReportSettings(ReportSettings.DefaultCompany, sp.GetRequiredService<DatabaseCurrency>().Code, sp.GetRequiredService<BusinessCalendar>().Zone, kpi.LapsedAfterDays, kpi.MinResponses);
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

    private static bool TryFindZone(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
    }
}

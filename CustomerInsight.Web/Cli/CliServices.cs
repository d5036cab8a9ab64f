namespace CustomerInsight.Web.Cli;

/// <summary>The verbs the executable knows, in the order of <c>--help</c>.</summary>
public static class CliServices
{
    public static IServiceCollection AddCliVerbs(this IServiceCollection services)
    {
        services.AddTransient<ICliVerb, SeedDemoVerb>();
        services.AddTransient<ICliVerb, CreateAdminVerb>();
        services.AddTransient<ICliVerb, ImportVerb>();
        services.AddTransient<ICliVerb, UndoImportVerb>();
        services.AddTransient<ICliVerb, ExportCustomerVerb>();
        services.AddTransient<ICliVerb, KpiVerb>();
        services.AddTransient<ICliVerb, RfmVerb>();
        services.AddTransient<ICliVerb, ClvVerb>();
        services.AddTransient<ICliVerb, EraseVerb>();
        services.AddTransient<ICliVerb, PurgeVerb>();
        services.AddTransient<ICliVerb, QualityVerb>();
        services.AddTransient<ICliVerb, UnifyVerb>();
        services.AddTransient<ICliVerb, GenerateVerb>();
        return services;
    }
}

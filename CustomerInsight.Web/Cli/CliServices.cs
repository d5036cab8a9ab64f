namespace CustomerInsight.Web.Cli;

/// <summary>
/// The verbs the executable knows, in the order of <c>--help</c>, each under its name: a run builds only the verb it
/// is asked for (building them all would build every feature's services, Identity's among them, for one verb).
/// </summary>
public static class CliServices
{
    public static IServiceCollection AddCliVerbs(this IServiceCollection services) => services
        .AddTransient(typeof(Deferred<>))
        .AddVerb<SeedDemoVerb>("seed-demo")
        .AddVerb<CreateAdminVerb>("create-admin")
        .AddVerb<ImportVerb>("import")
        .AddVerb<UndoImportVerb>("undo-import")
        .AddVerb<ExportCustomerVerb>("export-customer")
        .AddVerb<KpiVerb>("kpi")
        .AddVerb<RfmVerb>("rfm")
        .AddVerb<ClvVerb>("clv")
        .AddVerb<EraseVerb>("erase")
        .AddVerb<PurgeVerb>("purge")
        .AddVerb<QualityVerb>("quality")
        .AddVerb<UnifyVerb>("unify")
        .AddVerb<GenerateVerb>("generate");

    /// <summary>The verb called <paramref name="name"/> (its <see cref="ICliVerb.Name"/>), null when there is none.</summary>
    public static ICliVerb? GetVerb(this IServiceProvider services, string name) => services.GetKeyedService<ICliVerb>(name);

    /// <summary>Every verb, in the order of <c>--help</c>.</summary>
    public static IReadOnlyList<ICliVerb> GetVerbs(this IServiceProvider services) =>
        [.. services.GetKeyedServices<ICliVerb>(KeyedService.AnyKey)];

    private static IServiceCollection AddVerb<TVerb>(this IServiceCollection services, string name)
        where TVerb : class, ICliVerb =>
        services.AddKeyedTransient<ICliVerb, TVerb>(name);
}

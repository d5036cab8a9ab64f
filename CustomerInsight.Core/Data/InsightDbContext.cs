using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Importing;
using CustomerInsight.Core.Omoc;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Surveys;
using CustomerInsight.Core.Unify;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerInsight.Core.Data;

/// <summary>
/// The one database: customer data, OMOC, audit, Identity's tables and the web nodes' Data Protection keys. Identity
/// and the keys live here rather than in other contexts so one migration history describes the whole database.
/// </summary>
public class InsightDbContext(DbContextOptions<InsightDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();
    public DbSet<ChangeProject> ChangeProjects => Set<ChangeProject>();
    public DbSet<Population> Populations => Set<Population>();
    public DbSet<Workshop> Workshops => Set<Workshop>();
    public DbSet<OmocAssessment> OmocAssessments => Set<OmocAssessment>();
    public DbSet<OrganisationUnit> OrganisationUnits => Set<OrganisationUnit>();
    public DbSet<SociodynamicActor> SociodynamicActors => Set<SociodynamicActor>();
    public DbSet<SociodynamicAssessment> SociodynamicAssessments => Set<SociodynamicAssessment>();
    public DbSet<PlanAction> PlanActions => Set<PlanAction>();
    public DbSet<PlanActionChange> PlanActionChanges => Set<PlanActionChange>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();
    public DbSet<DatabaseSetting> DatabaseSettings => Set<DatabaseSetting>();
    public DbSet<CustomerMerge> CustomerMerges => Set<CustomerMerge>();
    public DbSet<CustomerMergeSource> CustomerMergeSources => Set<CustomerMergeSource>();
    public DbSet<SalesDay> SalesDays => Set<SalesDay>();
    public DbSet<CustomerSales> CustomerSales => Set<CustomerSales>();
    public DbSet<CustomerYear> CustomerYears => Set<CustomerYear>();

    /// <summary>
    /// Saves, and when orders were added, changed or removed through the context, refreshes the sales summaries of their
    /// customers and days in the same transaction (<see cref="SalesSummaries"/>); bulk writers refresh them themselves.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var (orders, customers, days) = TouchedOrders();
        if (orders.Count == 0 && days.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            // Current values once saved: an order added with a new customer has its real customer id only now.
            foreach (var order in orders)
            {
                if (order.CustomerId is { } id)
                {
                    customers.Add(id);
                }
                days.Add(order.BusinessDate);
            }
            await SalesSummaries.StageAsync(this, customers, days, cancellationToken);
            await SalesSummaries.RefreshStagedAsync(this, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// The orders the context is about to add or change (their values are read once saved), and the customers and business
    /// days that changed or deleted orders had before.
    /// </summary>
    private (List<Order> Orders, List<int> Customers, List<DateOnly> Days) TouchedOrders()
    {
        var orders = new List<Order>();
        var customers = new List<int>();
        var days = new List<DateOnly>();
        foreach (var entry in ChangeTracker.Entries<Order>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                if (entry.Property(o => o.CustomerId).OriginalValue is { } before)
                {
                    customers.Add(before);
                }
                days.Add(entry.Property(o => o.BusinessDate).OriginalValue);
            }
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                orders.Add(entry.Entity);
            }
        }
        return (orders, customers, days);
    }

    /// <summary>The Data Protection key ring every web node reads (README: Running on several servers).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Conventions.Replace<Microsoft.EntityFrameworkCore.Metadata.Conventions.ForeignKeyIndexConvention>(services =>
            new Configurations.NoProductIndexConvention(
                services.GetRequiredService<Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure.ProviderConventionSetBuilderDependencies>()));
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(InsightDbContext).Assembly);
    }
}

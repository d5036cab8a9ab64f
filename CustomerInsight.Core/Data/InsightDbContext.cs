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

    /// <summary>The Data Protection key ring every web node reads (README: Running on several servers).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(InsightDbContext).Assembly);
    }
}

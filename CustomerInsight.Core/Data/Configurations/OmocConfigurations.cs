using CustomerInsight.Core.Omoc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerInsight.Core.Data.Configurations;

internal sealed class ChangeProjectConfiguration : IEntityTypeConfiguration<ChangeProject>
{
    public void Configure(EntityTypeBuilder<ChangeProject> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.Property(p => p.Sponsor).HasMaxLength(200);
        builder.HasMany(p => p.Populations).WithOne(p => p.ChangeProject).HasForeignKey(p => p.ChangeProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Workshops).WithOne(w => w.ChangeProject).HasForeignKey(w => w.ChangeProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PopulationConfiguration : IEntityTypeConfiguration<Population>
{
    public void Configure(EntityTypeBuilder<Population> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.HasOne(p => p.OrganisationUnit).WithMany().HasForeignKey(p => p.OrganisationUnitId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class WorkshopConfiguration : IEntityTypeConfiguration<Workshop>
{
    public void Configure(EntityTypeBuilder<Workshop> builder)
    {
        builder.Property(w => w.Title).HasMaxLength(200);
        builder.Property(w => w.Facilitator).HasMaxLength(200);
        builder.Property(w => w.Participants).HasMaxLength(2000);
        builder.HasMany(w => w.Assessments).WithOne(a => a.Workshop).HasForeignKey(a => a.WorkshopId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OmocAssessmentConfiguration : IEntityTypeConfiguration<OmocAssessment>
{
    public void Configure(EntityTypeBuilder<OmocAssessment> builder)
    {
        builder.HasIndex(a => new { a.WorkshopId, a.PopulationId }).IsUnique();
        builder.HasOne(a => a.Population).WithMany().HasForeignKey(a => a.PopulationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.ToolsJustification).HasMaxLength(2000);
        builder.Property(a => a.JobJustification).HasMaxLength(2000);
        builder.Property(a => a.OrganisationJustification).HasMaxLength(2000);
        builder.Property(a => a.CultureJustification).HasMaxLength(2000);
        builder.Property(a => a.UpdatedBy).HasMaxLength(256);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_OmocAssessments_Tools", "ToolsScore IS NULL OR ToolsScore BETWEEN 1 AND 4");
            t.HasCheckConstraint("CK_OmocAssessments_Job", "JobScore IS NULL OR JobScore BETWEEN 1 AND 4");
            t.HasCheckConstraint("CK_OmocAssessments_Organisation", "OrganisationScore IS NULL OR OrganisationScore BETWEEN 1 AND 4");
            t.HasCheckConstraint("CK_OmocAssessments_Culture", "CultureScore IS NULL OR CultureScore BETWEEN 1 AND 4");
        });
    }
}

internal sealed class OrganisationUnitConfiguration : IEntityTypeConfiguration<OrganisationUnit>
{
    public void Configure(EntityTypeBuilder<OrganisationUnit> builder)
    {
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.HasIndex(u => u.Name).IsUnique();
    }
}

internal sealed class SociodynamicActorConfiguration : IEntityTypeConfiguration<SociodynamicActor>
{
    public void Configure(EntityTypeBuilder<SociodynamicActor> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Role).HasMaxLength(200);
        builder.HasOne(a => a.ChangeProject).WithMany(p => p.Actors).HasForeignKey(a => a.ChangeProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Population).WithMany().HasForeignKey(a => a.PopulationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Assessments).WithOne(s => s.Actor).HasForeignKey(s => s.ActorId).OnDelete(DeleteBehavior.Cascade);
        // A population is on its project's map once.
        builder.HasIndex(a => a.PopulationId).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_SociodynamicActors_PersonOrPopulation", "(PopulationId IS NULL) <> (Name IS NULL)"));
    }
}

internal sealed class SociodynamicAssessmentConfiguration : IEntityTypeConfiguration<SociodynamicAssessment>
{
    public void Configure(EntityTypeBuilder<SociodynamicAssessment> builder)
    {
        builder.Property(s => s.Justification).HasMaxLength(2000);
        builder.Property(s => s.RecordedBy).HasMaxLength(256);
        builder.HasIndex(s => new { s.ActorId, s.Date });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_SociodynamicAssessments_Synergy", "Synergy BETWEEN 1 AND 4");
            t.HasCheckConstraint("CK_SociodynamicAssessments_Antagonism", "Antagonism BETWEEN 1 AND 4");
        });
    }
}

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.Property(a => a.Owner).HasMaxLength(200);
        builder.Property(a => a.CreatedBy).HasMaxLength(256);
        builder.HasOne(a => a.Population).WithMany().HasForeignKey(a => a.PopulationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.History).WithOne(h => h.PlanAction).HasForeignKey(h => h.PlanActionId).OnDelete(DeleteBehavior.Cascade);
        // One action per action need (population, axis).
        builder.HasIndex(a => new { a.PopulationId, a.Axis }).IsUnique();
    }
}

internal sealed class PlanActionChangeConfiguration : IEntityTypeConfiguration<PlanActionChange>
{
    public void Configure(EntityTypeBuilder<PlanActionChange> builder)
    {
        builder.Property(h => h.ChangedBy).HasMaxLength(256);
        builder.Property(h => h.Field).HasMaxLength(32);
        builder.Property(h => h.OldValue).HasMaxLength(200);
        builder.Property(h => h.NewValue).HasMaxLength(200);
    }
}

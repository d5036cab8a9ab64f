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

using CustomerInsight.Core.Rfm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerInsight.Core.Data.Configurations;

internal sealed class RfmGridVersionConfiguration : IEntityTypeConfiguration<RfmGridVersion>
{
    public void Configure(EntityTypeBuilder<RfmGridVersion> builder)
    {
        builder.ToTable("RfmGridVersions");
        builder.HasIndex(v => v.Number).IsUnique();
        builder.Property(v => v.FrequencyScoring).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.FrequencyThresholds).HasMaxLength(64);
        builder.Property(v => v.Grid).HasMaxLength(1024);
        builder.Property(v => v.SavedBy).HasMaxLength(256);
        builder.Property(v => v.Reason).HasMaxLength(RfmGridCommands.MaxReasonLength);
    }
}

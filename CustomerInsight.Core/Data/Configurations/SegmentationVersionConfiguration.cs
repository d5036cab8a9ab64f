using CustomerInsight.Core.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerInsight.Core.Data.Configurations;

internal sealed class SegmentationVersionConfiguration : IEntityTypeConfiguration<SegmentationVersion>
{
    public void Configure(EntityTypeBuilder<SegmentationVersion> builder)
    {
        builder.ToTable("SegmentationVersions");
        builder.HasIndex(v => new { v.SegmentationKey, v.Number }).IsUnique();
        builder.Property(v => v.SegmentationKey).HasMaxLength(64);
        builder.Property(v => v.Name).HasMaxLength(SegmentationRules.MaxNameLength);
        builder.Property(v => v.SavedBy).HasMaxLength(256);
        builder.Property(v => v.Reason).HasMaxLength(SegmentationRules.MaxReasonLength);
    }
}

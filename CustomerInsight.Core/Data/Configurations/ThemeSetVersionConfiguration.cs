using CustomerInsight.Core.Surveys.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerInsight.Core.Data.Configurations;

internal sealed class ThemeSetVersionConfiguration : IEntityTypeConfiguration<ThemeSetVersion>
{
    public void Configure(EntityTypeBuilder<ThemeSetVersion> builder)
    {
        builder.ToTable("ThemeSetVersions");
        builder.HasIndex(v => v.Number).IsUnique();
        builder.Property(v => v.SavedBy).HasMaxLength(256);
        builder.Property(v => v.Reason).HasMaxLength(ThemeSets.MaxReasonLength);
    }
}

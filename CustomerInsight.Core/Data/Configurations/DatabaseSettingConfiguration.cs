using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerInsight.Core.Data.Configurations;

internal sealed class DatabaseSettingConfiguration : IEntityTypeConfiguration<DatabaseSetting>
{
    public void Configure(EntityTypeBuilder<DatabaseSetting> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(64);
        builder.Property(s => s.Value).HasMaxLength(256);
    }
}

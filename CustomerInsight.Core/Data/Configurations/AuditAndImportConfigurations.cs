using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerInsight.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Target).HasMaxLength(200);
        builder.HasIndex(a => a.AtUtc);
        builder.HasIndex(a => new { a.Action, a.AtUtc });
    }
}

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.Property(b => b.UserName).HasMaxLength(256);
        builder.Property(b => b.FileName).HasMaxLength(260);
        builder.Property(b => b.Format).HasMaxLength(32);
        builder.Property(b => b.Currency).HasMaxLength(3);
        builder.Property(b => b.UndoneBy).HasMaxLength(256);
        builder.HasIndex(b => b.StartedAtUtc);
    }
}

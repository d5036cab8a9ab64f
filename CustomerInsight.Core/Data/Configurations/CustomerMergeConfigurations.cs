using CustomerInsight.Core.Unify;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerInsight.Core.Data.Configurations;

internal sealed class CustomerMergeConfiguration : IEntityTypeConfiguration<CustomerMerge>
{
    public void Configure(EntityTypeBuilder<CustomerMerge> builder)
    {
        builder.Property(m => m.MergedBy).HasMaxLength(256);
        builder.Property(m => m.UndoneBy).HasMaxLength(256);
        builder.HasIndex(m => m.CustomerId);
        builder.HasMany(m => m.Sources).WithOne(s => s.Merge).HasForeignKey(s => s.MergeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustomerMergeSourceConfiguration : IEntityTypeConfiguration<CustomerMergeSource>
{
    public void Configure(EntityTypeBuilder<CustomerMergeSource> builder)
    {
        CustomerConfiguration.ConfigureRecordFields(builder);
        // Imports resolve a source id of a merged record to its unified customer.
        builder.HasIndex(s => s.SourceId);
        builder.HasIndex(s => s.OriginalCustomerId);
    }
}

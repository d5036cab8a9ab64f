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
        builder.Property(s => s.SourceId).HasMaxLength(64);
        builder.Property(s => s.FirstName).HasMaxLength(100);
        builder.Property(s => s.LastName).HasMaxLength(100);
        builder.Property(s => s.Email).HasMaxLength(254);
        builder.Property(s => s.Phone).HasMaxLength(40);
        builder.Property(s => s.PostalCode).HasMaxLength(20);
        builder.Property(s => s.City).HasMaxLength(100);
        builder.Property(s => s.Country).HasMaxLength(100);
        builder.Property(s => s.ErasedSourceIdHash).HasMaxLength(64);
        // Imports resolve a source id of a merged record to its unified customer.
        builder.HasIndex(s => s.SourceId);
        builder.HasIndex(s => s.OriginalCustomerId);
    }
}

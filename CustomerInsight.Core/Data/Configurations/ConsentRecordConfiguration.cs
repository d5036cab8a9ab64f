using CustomerInsight.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerInsight.Core.Data.Configurations;

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.Property(c => c.Source).HasMaxLength(100);
        builder.Property(c => c.ProofReference).HasMaxLength(200);
        builder.HasOne(c => c.Customer).WithMany(c => c.Consents).HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CustomerId, c.Purpose, c.RecordedAtUtc });
    }
}

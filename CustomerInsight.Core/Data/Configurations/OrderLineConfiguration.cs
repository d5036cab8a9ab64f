using CustomerInsight.Core.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerInsight.Core.Data.Configurations;

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.Property(l => l.ProductCode).HasMaxLength(64);
        builder.Property(l => l.Description).HasMaxLength(500);
        builder.Ignore(l => l.Amount);
        builder.Ignore(l => l.UnitPrice);
        builder.HasIndex(l => l.OrderId);
    }
}

using CustomerInsight.Core.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerInsight.Core.Data.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.Property(o => o.Source).HasMaxLength(32);
        builder.Property(o => o.SourceOrderId).HasMaxLength(64);
        builder.HasIndex(o => new { o.Source, o.SourceOrderId }).IsUnique();
        builder.Ignore(o => o.Amount);
        builder.HasOne(o => o.Customer).WithMany(c => c.Orders).HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Lines).WithOne(l => l.Order).HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);

        // Covering indexes for the set-based KPI (by period) and RFM (by customer) queries.
        builder.HasIndex(o => new { o.BusinessDate, o.Kind, o.Channel, o.CustomerId, o.AmountMilli,
            o.BusinessMonth }).HasDatabaseName("IX_Orders_Period");
        // Channel last: the KPI customer counts (by customer, optionally one channel) read only this index.
        builder.HasIndex(o => new { o.CustomerId, o.Kind, o.BusinessDate, o.AmountMilli, o.Channel }).HasDatabaseName("IX_Orders_Customer");
    }
}

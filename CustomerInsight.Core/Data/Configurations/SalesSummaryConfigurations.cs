using CustomerInsight.Core.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerInsight.Core.Data.Configurations;

internal sealed class SalesDayConfiguration : IEntityTypeConfiguration<SalesDay>
{
    public void Configure(EntityTypeBuilder<SalesDay> builder)
    {
        builder.HasKey(d => new { d.BusinessDate, d.Channel });
        builder.HasIndex(d => new { d.BusinessMonth, d.Channel });
    }
}

internal sealed class CustomerSalesConfiguration : IEntityTypeConfiguration<CustomerSales>
{
    public void Configure(EntityTypeBuilder<CustomerSales> builder)
    {
        builder.HasKey(c => c.CustomerId);
        builder.Property(c => c.CustomerId).ValueGeneratedNever();
        // RFM's "orders on or after the analysis date" reads this one alone.
        builder.HasIndex(c => c.FirstSaleMonth);
        builder.HasIndex(c => c.LastOrderDate);
    }
}

internal sealed class CustomerYearConfiguration : IEntityTypeConfiguration<CustomerYear>
{
    public void Configure(EntityTypeBuilder<CustomerYear> builder)
    {
        builder.HasKey(y => new { y.CustomerId, y.Year });
        builder.Property(y => y.CustomerId).ValueGeneratedNever();
    }
}

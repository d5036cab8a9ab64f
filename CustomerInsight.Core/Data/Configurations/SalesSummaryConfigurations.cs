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
        // Cohort sizes (a count per first month) and RFM's "orders on or after the analysis date" read these alone.
        builder.HasIndex(c => c.FirstSaleMonth);
        builder.HasIndex(c => c.LastOrderDate);
    }
}

internal sealed class CustomerMonthConfiguration : IEntityTypeConfiguration<CustomerMonth>
{
    public void Configure(EntityTypeBuilder<CustomerMonth> builder)
    {
        builder.HasKey(m => new { m.CustomerId, m.BusinessMonth });
        // Active customers per month (with a channel: the mask) and per cohort × month, read from the index alone.
        builder.HasIndex(m => new { m.BusinessMonth, m.ChannelMask });
        builder.HasIndex(m => new { m.CohortMonth, m.BusinessMonth });
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

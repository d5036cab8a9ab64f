using CustomerInsight.Core.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace CustomerInsight.Core.Data.Configurations;

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.Ignore(l => l.Amount);
        builder.Ignore(l => l.UnitPrice);
        builder.HasIndex(l => l.OrderId);
        // Without the index EF Core gives every foreign key (NoProductIndexConvention).
        builder.HasOne(l => l.Product).WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(64);
        builder.Property(p => p.Description).HasMaxLength(500);
        builder.HasIndex(p => new { p.Code, p.Description }).IsUnique();
    }
}

/// <summary>
/// EF Core's convention that indexes every foreign key, except <see cref="OrderLine.ProductId"/>: lines are read by order and a
/// catalogue entry is never deleted, so nothing looks lines up by product, while an index of 10 M entries would cost an import
/// seconds. (Removing the index after the convention made it does not last: the convention adds it again.)
/// </summary>
internal sealed class NoProductIndexConvention(ProviderConventionSetBuilderDependencies dependencies) : ForeignKeyIndexConvention(dependencies)
{
    protected override IConventionIndex? CreateIndex(IReadOnlyList<IConventionProperty> properties, bool unique,
        IConventionEntityTypeBuilder entityTypeBuilder) =>
        entityTypeBuilder.Metadata.ClrType == typeof(OrderLine) && properties is [{ Name: nameof(OrderLine.ProductId) }]
            ? null
            : base.CreateIndex(properties, unique, entityTypeBuilder);
}

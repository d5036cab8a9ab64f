using CustomerInsight.Core.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerInsight.Core.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        ConfigureRecordFields(builder);
        builder.HasIndex(c => c.SourceId).IsUnique();
        builder.HasIndex(c => c.Country);
        builder.HasIndex(c => c.LastName);
        builder.HasIndex(c => c.Email);
        // Prefix search and sort of the customer list (CustomerQueries) on city.
        builder.HasIndex(c => c.City);
        // The erased customers alone (few): the data version counts them at every view, segment migration leaves them out.
        builder.HasIndex(c => c.ErasedAtUtc).HasDatabaseName("IX_Customers_Erased").HasFilter("\"ErasedAtUtc\" IS NOT NULL");
        // Undo of an import finds the customers it created.
        builder.HasIndex(c => c.ImportBatchId);
    }

    /// <summary>The column sizes of what a customer row and a merge's source record both hold.</summary>
    internal static void ConfigureRecordFields<T>(EntityTypeBuilder<T> builder) where T : CustomerRecordFields
    {
        builder.Property(c => c.SourceId).HasMaxLength(64);
        builder.Property(c => c.FirstName).HasMaxLength(100);
        builder.Property(c => c.LastName).HasMaxLength(100);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Phone).HasMaxLength(40);
        builder.Property(c => c.PostalCode).HasMaxLength(20);
        builder.Property(c => c.City).HasMaxLength(100);
        builder.Property(c => c.Country).HasMaxLength(100);
        builder.Property(c => c.ErasedSourceIdHash).HasMaxLength(64);
    }
}

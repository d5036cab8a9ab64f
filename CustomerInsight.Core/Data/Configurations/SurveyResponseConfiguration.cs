using CustomerInsight.Core.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerInsight.Core.Data.Configurations;

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.Property(r => r.SourceId).HasMaxLength(64);
        builder.HasIndex(r => r.SourceId).IsUnique();
        builder.Property(r => r.Comment).HasMaxLength(4000);
        builder.HasOne(r => r.Customer).WithMany(c => c.SurveyResponses).HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.BusinessDate, r.Kind, r.Channel });
        builder.HasIndex(r => r.CustomerId);
    }
}

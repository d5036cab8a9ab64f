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
        // Covers the satisfaction figures of a period (SatisfactionQueries: date range, kind, channel, customer set, the two
        // scores, the month): they are read from the index alone, never from the rows with their comments.
        builder.HasIndex(r => new { r.BusinessDate, r.Kind, r.Channel, r.CustomerId, r.RecommendScore, r.SatisfactionScore, r.BusinessMonth })
            .HasDatabaseName("IX_SurveyResponses_Period");
        builder.HasIndex(r => r.CustomerId);
    }
}

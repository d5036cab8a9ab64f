using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerInsight.Core.Data;

/// <summary>Used by <c>dotnet ef migrations add</c> only.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<InsightDbContext>
{
    public InsightDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<InsightDbContext>();
        InsightDatabase.Configure(options, "Data Source=design-time.db", compiledModel: false);
        return new InsightDbContext(options.Options);
    }
}

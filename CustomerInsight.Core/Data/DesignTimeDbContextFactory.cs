using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerInsight.Core.Data;

/// <summary>Used by <c>dotnet ef migrations add</c> only (SQLite's migrations: <c>--context InsightDbContext</c>).</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<InsightDbContext>
{
    public InsightDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<InsightDbContext>();
        InsightDatabase.Configure(options, DatabaseEngine.Sqlite, "Data Source=design-time.db", compiledModel: false);
        return new InsightDbContext(options.Options);
    }
}

/// <summary>
/// Used by <c>dotnet ef migrations add --context PostgresInsightDbContext</c> only: no server is contacted to add a
/// migration or regenerate the compiled model.
/// </summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresInsightDbContext>
{
    public PostgresInsightDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<InsightDbContext>();
        InsightDatabase.Configure(options, DatabaseEngine.Postgres, "Host=localhost;Database=design_time", compiledModel: false);
        return new PostgresInsightDbContext(options.Options);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CustomerInsight.Core.Data;

/// <summary>
/// The same model on PostgreSQL: its own context type so that its migrations (<c>Data/Migrations/Postgres</c>) and
/// compiled model (<c>Data/CompiledModel/Postgres</c>) are PostgreSQL's, as EF Core's "one context type per provider"
/// recommends. Features keep asking for <see cref="InsightDbContext"/>; the factory hands out this one on PostgreSQL.
/// </summary>
public sealed class PostgresInsightDbContext(DbContextOptions<InsightDbContext> options) : InsightDbContext(options)
{
    /// <summary>
    /// The shared model, with the check constraints' column names quoted: SQLite matches <c>CultureScore</c> to the
    /// column "CultureScore", PostgreSQL folds an unquoted name to lower case.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var columns = entity.GetProperties().Select(p => p.GetColumnName()).ToHashSet(StringComparer.Ordinal);
            foreach (var check in entity.GetCheckConstraints().ToList())
            {
                var sql = System.Text.RegularExpressions.Regex.Replace(check.Sql, @"(?<![""\w])[A-Za-z_]\w*(?![""\w])",
                    m => columns.Contains(m.Value) ? $"\"{m.Value}\"" : m.Value);
                entity.RemoveCheckConstraint(check.ModelName);
                entity.AddCheckConstraint(check.ModelName, sql);
            }
        }
    }

    /// <summary>
    /// Instants are UTC everywhere in the app and read back without a kind, as SQLite gives them: stored as
    /// <c>timestamp without time zone</c>, written whatever their kind (Npgsql refuses a UTC value there otherwise).
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone").HaveConversion<UnspecifiedKind>();
        configurationBuilder.Properties<DateTime?>().HaveColumnType("timestamp without time zone").HaveConversion<UnspecifiedKind>();
    }

    /// <summary>Drops the kind of a <see cref="DateTime"/> (the value is a UTC instant in every case).</summary>
    internal sealed class UnspecifiedKind() : ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified),
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified));
}

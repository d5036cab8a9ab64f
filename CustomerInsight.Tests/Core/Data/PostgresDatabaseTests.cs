using Microsoft.EntityFrameworkCore.Metadata;

namespace CustomerInsight.Tests.Core.Data;

/// <summary>PostgreSQL's own migrations and compiled model (<c>Database:Provider=Postgres</c>), on the tests' throwaway server.</summary>
public sealed class PostgresDatabaseTests
{
    [Fact]
    public async Task MigrateAsync_EmptyDatabase_AppliesPostgresMigrationsOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Postgres);
        await using var db = database.CreateContext();

        Assert.IsType<PostgresInsightDbContext>(db);
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.NotEmpty(applied);
        Assert.All(applied, id => Assert.DoesNotContain("InitialCreate", id, StringComparison.Ordinal));
        Assert.Equal(0, await db.Customers.CountAsync(ct));
        Assert.Same(PostgresProvider.Instance, DatabaseProvider.Of(db.Database));
    }

    [Fact]
    public async Task Model_HasNoPendingChangesAgainstThePostgresMigrations()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Postgres, migrate: false);
        await using var db = database.CreateContextWithBuiltModel();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a PostgreSQL migration: dotnet ef migrations add <Name> --context PostgresInsightDbContext --output-dir " +
                "Data/Migrations/Postgres (README).");
    }

    [Fact]
    public async Task CompiledModel_MatchesThePostgresModelBuiltFromOnModelCreating()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Postgres, migrate: false);
        await using var compiled = database.CreateContext();
        await using var built = database.CreateContextWithBuiltModel();

        Assert.IsType<RuntimeModel>(compiled.Model, exactMatch: false);
        Assert.NotSame(compiled.Model, built.Model);
        // Stale compiled model? Run tools/optimize-model.sh.
        Assert.Equal(DatabaseTests.DescribeSchema(built.Model), DatabaseTests.DescribeSchema(compiled.Model));
        Assert.Equal(DatabaseTests.DescribeMapping(built.Model), DatabaseTests.DescribeMapping(compiled.Model));
        Assert.Contains("Orders.OrderedAtUtc timestamp without time zone null=False", DatabaseTests.DescribeSchema(compiled.Model));
    }

    [Fact]
    public async Task Instants_WrittenUtc_ReadBackAsTheSameInstantWithoutKind_AsOnSqlite()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Postgres);
        var at = new DateTime(2011, 3, 1, 10, 0, 0, DateTimeKind.Utc);
        await using (var db = database.CreateContext())
        {
            db.Customers.Add(new global::CustomerInsight.Core.Customers.Customer { SourceId = "C1", CreatedAtUtc = at });
            await db.SaveChangesAsync(ct);
        }
        await using var check = database.CreateContext();
        var read = await check.Customers.Where(c => c.CreatedAtUtc >= at).Select(c => c.CreatedAtUtc).SingleAsync(ct);
        Assert.Equal((at.Ticks, DateTimeKind.Unspecified), (read.Ticks, read.Kind));
    }
}

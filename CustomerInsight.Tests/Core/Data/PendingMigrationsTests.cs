using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerInsight.Tests.Core.Data;

/// <summary>
/// <see cref="InsightDatabase.PendingMigrationsAsync"/> reads the history table with plain queries: it must say what EF Core's
/// migrator would apply, on both engines, so that <see cref="InsightDatabase.MigrateAsync"/> skips nothing.
/// </summary>
public sealed class PendingMigrationsTests
{
    [Theory]
    [InlineData(DatabaseEngine.Sqlite)]
    [InlineData(DatabaseEngine.Postgres)]
    public async Task MigrateAsync_OneMigrationBehind_AppliesTheLastOne(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, migrate: false);
        await using (var db = database.CreateContext())
        {
            var all = db.Database.GetMigrations().ToList();
            await InsightDatabase.EnsureReachableAsync(db, createMissing: true, ct);
            await db.GetService<IMigrator>().MigrateAsync(all[^2], ct);

            Assert.Equal([all[^1]], await InsightDatabase.PendingMigrationsAsync(db, ct));
        }

        await InsightDatabase.MigrateAsync(database.Factory, ct);

        await using var migrated = database.CreateContext();
        Assert.Empty(await InsightDatabase.PendingMigrationsAsync(migrated, ct));
        Assert.Equal(migrated.Database.GetMigrations(), await migrated.Database.GetAppliedMigrationsAsync(ct));
    }

    [Theory]
    [InlineData(DatabaseEngine.Sqlite)]
    [InlineData(DatabaseEngine.Postgres)]
    public async Task PendingMigrations_NewDatabase_AllOfThem_AnEarlierOneMissing_ThatOne(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, migrate: false);
        await using var db = database.CreateContext();
        await InsightDatabase.EnsureReachableAsync(db, createMissing: true, ct);
        var all = db.Database.GetMigrations().ToList();

        Assert.Equal(all, await InsightDatabase.PendingMigrationsAsync(db, ct));

        // A migration merged after a later one was applied (its id sorts before the database's last one): still pending,
        // as EF Core's migrator sees it, not hidden behind the last id.
        await InsightDatabase.MigrateAsync(database.Factory, ct);
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{HistoryRepository.DefaultTableName}\" WHERE \"MigrationId\" = {{0}}",
            [all[1]], ct);
        Assert.Equal([all[1]], await InsightDatabase.PendingMigrationsAsync(db, ct));
        Assert.Equal([all[1]], await db.Database.GetPendingMigrationsAsync(ct));
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerInsight.Tests.Core.Data;

/// <summary>
/// <see cref="InsightDatabase.PendingMigrationsAsync"/> reads the history table with plain queries: it must say what EF Core's
/// migrator would apply, on both engines, so that <see cref="InsightDatabase.MigrateAsync"/> skips nothing.
/// </summary>
public class PendingMigrationsTests() : DatabaseTestBase(migrate: false)
{
    [Fact]
    public async Task MigrateAsync_OneMigrationBehind_AppliesTheLastOne()
    {
        await using (var db = Database.CreateContext())
        {
            var all = db.Database.GetMigrations().ToList();
            await InsightDatabase.EnsureReachableAsync(db, createMissing: true, Token);
            await db.GetService<IMigrator>().MigrateAsync(all[^2], Token);

            Assert.Equal([all[^1]], await InsightDatabase.PendingMigrationsAsync(db, Token));
        }

        await InsightDatabase.MigrateAsync(Database.Factory, Token);

        await using var migrated = Database.CreateContext();
        Assert.Empty(await InsightDatabase.PendingMigrationsAsync(migrated, Token));
        Assert.Equal(migrated.Database.GetMigrations(), await migrated.Database.GetAppliedMigrationsAsync(Token));
    }

    [Fact]
    public async Task PendingMigrations_NewDatabase_AllOfThem_AnEarlierOneMissing_ThatOne()
    {
        await using var db = Database.CreateContext();
        await InsightDatabase.EnsureReachableAsync(db, createMissing: true, Token);
        var all = db.Database.GetMigrations().ToList();

        Assert.Equal(all, await InsightDatabase.PendingMigrationsAsync(db, Token));

        // A migration merged after a later one was applied (its id sorts before the database's last one): still pending,
        // as EF Core's migrator sees it, not hidden behind the last id.
        await InsightDatabase.MigrateAsync(Database.Factory, Token);
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{HistoryRepository.DefaultTableName}\" WHERE \"MigrationId\" = {{0}}",
            [all[1]], Token);
        Assert.Equal([all[1]], await InsightDatabase.PendingMigrationsAsync(db, Token));
        Assert.Equal([all[1]], await db.Database.GetPendingMigrationsAsync(Token));
    }
}

/// <summary>Every test of <see cref="PendingMigrationsTests"/> on PostgreSQL.</summary>
public sealed class PendingMigrationsOnPostgresTests : PendingMigrationsTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

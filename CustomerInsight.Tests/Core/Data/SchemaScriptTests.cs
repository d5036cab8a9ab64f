using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerInsight.Tests.Core.Data;

/// <summary>
/// A new database gets its schema from <see cref="SchemaScript"/> (one script per provider) instead of EF Core's migrator:
/// the script must be what the migrations generate, and the database it makes the one the migrator makes.
/// </summary>
public class SchemaScriptTests : EngineTestBase
{
    private string Provider => Engine == DatabaseEngine.Postgres ? "Postgres" : "Sqlite";

    [Fact]
    public async Task Script_IsWhatTheCommittedMigrationsGenerate()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        await using var db = database.CreateContext();

        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions);

        Assert.True(Normalized(generated) == Normalized(SchemaScript.Read(Provider)),
            $"Data/Schema/{Provider}.sql is not what the migrations generate: run tools/schema-scripts.sh.");
        Assert.NotNull(SchemaScript.For(db));
    }

    [Fact]
    public async Task NewDatabase_FromTheScript_IsTheMigratorsDatabase()
    {
        await using var scripted = await TestDatabase.CreateAsync(Engine, migrate: false);
        await using var migrated = await TestDatabase.CreateAsync(Engine, migrate: false);
        await InsightDatabase.MigrateAsync(scripted.Factory, Token);
        await using (var db = migrated.CreateContext())
        {
            await InsightDatabase.EnsureReachableAsync(db, createMissing: true, Token);
            await DatabaseProvider.Of(db.Database).PrepareAsync(db, Token);
            await db.GetService<IMigrator>().MigrateAsync(cancellationToken: Token);
        }

        var expected = await DescribeAsync(migrated);
        var actual = await DescribeAsync(scripted);

        Assert.Contains(expected, line => line.Contains("IX_Orders_Customer", StringComparison.Ordinal));
        Assert.Contains(expected, line => line.StartsWith("history ", StringComparison.Ordinal));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task TwoStartsAtOnce_OnANewDatabase_OneCreatesTheSchema_TheOtherFindsIt()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);

        await Task.WhenAll(Task.Run(() => InsightDatabase.MigrateAsync(database.Factory, Token), Token),
            Task.Run(() => InsightDatabase.MigrateAsync(database.Factory, Token), Token));

        await using var db = database.CreateContext();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Token));
        Assert.Equal(0, await db.Customers.CountAsync(Token));
    }

    [Fact]
    public async Task TryApply_MigrationsRecordedAlready_DoesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        await using var db = database.CreateContext();

        Assert.False(await SchemaScript.TryApplyAsync(db, "CREATE TABLE \"NeverCreated\" (\"Id\" integer);", Token));

        var tables = await QueryAsync(database, ProviderOf(db).TableExists("NeverCreated"));
        Assert.Equal(["0"], tables.Select(t => t == "False" ? "0" : t));
    }

    [Fact]
    public async Task TryApply_AFailingStatement_LeavesNothingBehind()
    {
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        await using var db = database.CreateContext();
        await InsightDatabase.EnsureReachableAsync(db, createMissing: true, Token);

        await Assert.ThrowsAnyAsync<DbException>(() => SchemaScript.TryApplyAsync(db,
            "CREATE TABLE \"Half\" (\"Id\" integer); INSERT INTO \"Missing\" VALUES (1);", Token));

        Assert.Equal(["0"], (await QueryAsync(database, ProviderOf(db).TableExists("Half"))).Select(t => t == "False" ? "0" : t));
    }

    [Fact]
    public async Task RecordsExactly_EveryMigrationInOrder_OnlyThen()
    {
        var script = SchemaScript.Read(Provider);
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        await using var db = database.CreateContext();
        var migrations = db.Database.GetMigrations().ToList();

        Assert.True(SchemaScript.RecordsExactly(script, migrations));
        Assert.False(SchemaScript.RecordsExactly(script, [.. migrations, "29991231000000_Later"]));
        Assert.False(SchemaScript.RecordsExactly(script, migrations[..^1]));
        Assert.False(SchemaScript.RecordsExactly(script, [.. migrations.AsEnumerable().Reverse()]));
    }

    private static DatabaseProvider ProviderOf(InsightDbContext db) => DatabaseProvider.Of(db.Database);

    private static string Normalized(string script) => script.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>Tables, columns, indexes, constraints, triggers and functions as the catalogue has them, then the history.</summary>
    private async Task<List<string>> DescribeAsync(TestDatabase database)
    {
        var queries = Engine == DatabaseEngine.Postgres
            ? new[]
            {
                """
                SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' ||
                    coalesce(column_default, '-') || ' ' || is_identity || ' ' || coalesce(identity_generation, '-') || ' ' ||
                    coalesce(character_maximum_length::text, '-') || ' ' || coalesce(numeric_precision::text, '-') || ' ' ||
                    coalesce(numeric_scale::text, '-') || ' ' || ordinal_position
                FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1
                """,
                "SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
                """
                SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1
                """,
                "SELECT 'trigger ' || tgrelid::regclass::text || ' ' || tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1",
                "SELECT 'function ' || proname || ' ' || prosrc FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1",
            }
            : new[]
            {
                // EF Core's migrator leaves its (empty) lock table behind; the script has no use for it.
                """
                SELECT type || ' ' || name || ' ' || tbl_name || ' ' || coalesce(sql, '-') FROM sqlite_master
                WHERE name <> '__EFMigrationsLock' ORDER BY 1
                """,
            };
        var lines = new List<string>();
        foreach (var query in queries)
        {
            lines.AddRange(await QueryAsync(database, query));
        }
        lines.AddRange(await QueryAsync(database,
            $"SELECT 'history ' || \"MigrationId\" || ' ' || \"ProductVersion\" FROM \"{HistoryRepository.DefaultTableName}\" ORDER BY 1"));
        return lines;
    }

    private static async Task<List<string>> QueryAsync(TestDatabase database, string sql)
    {
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync(Token);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Token);
        var rows = new List<string>();
        while (await reader.ReadAsync(Token))
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }
        return rows;
    }
}

/// <summary>Every test of <see cref="SchemaScriptTests"/> on PostgreSQL.</summary>
public sealed class SchemaScriptOnPostgresTests : SchemaScriptTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

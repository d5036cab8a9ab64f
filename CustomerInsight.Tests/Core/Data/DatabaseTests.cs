using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerInsight.Tests.Core.Data;

public class DatabaseTests
{
    [Fact]
    public async Task MigrateAsync_EmptyFile_AppliesEveryMigrationAndSwitchesToWal()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();

        var applied = await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Equal("wal", await Scalar(db, "PRAGMA journal_mode;"));
        Assert.Equal("1", await Scalar(db, "PRAGMA secure_delete;"));
        Assert.Equal("1", await Scalar(db, "PRAGMA foreign_keys;"));
        Assert.Equal("10000", await Scalar(db, "PRAGMA busy_timeout;"));
        Assert.Equal("16384", await Scalar(db, "PRAGMA page_size;"));
    }

    [Fact]
    public async Task MigrateAsync_ExistingFileOfSmallerPages_KeepsItsPageSize_AndMigrates()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using (var db = database.CreateContext())
        {
            // A file made before the page size was set (SQLite's default then), with content and in WAL mode.
            await db.Database.ExecuteSqlRawAsync("PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE \"Before\" (\"Id\" INTEGER);", ct);
        }

        await InsightDatabase.MigrateAsync(database.Factory, ct);

        await using var check = database.CreateContext();
        Assert.Equal("4096", await Scalar(check, "PRAGMA page_size;"));
        Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync(ct));
    }

    [Fact]
    public async Task Migration_AttachOrderResponsesToCustomers_GivesOrphanResponsesTheirCustomer_AndErasesErasedOnesComments()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using (var db = database.CreateContext())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261124144247_OrdersCustomerIndexWithChannel", ct);
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "Customers" ("Id", "SourceId", "Country", "CreatedAtUtc")
                VALUES (1, 'C1', 'France', '2024-01-01 00:00:00'), (2, 'C2', 'France', '2024-01-01 00:00:00');
                UPDATE "Customers" SET "SourceId" = 'erased-x', "ErasedAtUtc" = '2025-01-01 00:00:00' WHERE "Id" = 2;
                INSERT INTO "Orders" ("Id", "Source", "SourceOrderId", "CustomerId", "OrderedAtUtc", "BusinessDate", "BusinessMonth",
                    "Channel", "Kind", "AmountMilli")
                VALUES (10, 'order-lines', 'O1', 1, '2024-03-15 10:00:00', '2024-03-15', 202403, 0, 0, 10000),
                       (11, 'order-lines', 'O2', 2, '2024-03-15 10:00:00', '2024-03-15', 202403, 0, 0, 10000),
                       (12, 'order-lines', 'O3', NULL, '2024-03-15 10:00:00', '2024-03-15', 202403, 0, 0, 10000);
                INSERT INTO "SurveyResponses" ("SourceId", "CustomerId", "OrderId", "RespondedAtUtc", "BusinessDate", "BusinessMonth", "Kind",
                    "RecommendScore", "Comment")
                VALUES ('S1', NULL, 10, '2024-03-20 10:00:00', '2024-03-20', 202403, 0, 9, 'Merci'),
                       ('S2', NULL, 11, '2024-03-20 10:00:00', '2024-03-20', 202403, 0, 3, 'Secret'),
                       ('S3', NULL, 12, '2024-03-20 10:00:00', '2024-03-20', 202403, 0, 7, 'Anonyme'),
                       ('S4', 1, NULL, '2024-03-20 10:00:00', '2024-03-20', 202403, 1, 8, 'Relationnel');
                """, ct);
            await migrator.MigrateAsync(cancellationToken: ct);
        }

        await using var check = database.CreateContext();
        var responses = await check.SurveyResponses.AsNoTracking().OrderBy(r =>
            r.SourceId).Select(r => new { r.SourceId, r.CustomerId, r.Comment }).ToListAsync(ct);
        Assert.Equal(
            [new { SourceId = "S1", CustomerId = (int?)1, Comment = (string?)"Merci" },
                new { SourceId = "S2", CustomerId = (int?)2, Comment = (string?)null },
             new { SourceId = "S3", CustomerId = (int?)null, Comment = (string?)"Anonyme" },
                 new { SourceId = "S4", CustomerId = (int?)1, Comment = (string?)"Relationnel" }],
            responses);
    }

    [Fact]
    public async Task Model_HasNoPendingChangesAgainstTheCommittedMigrations()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var db = database.CreateContextWithBuiltModel();
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run dotnet ef migrations add.");
    }

    [Theory]
    [InlineData(DatabaseEngine.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseEngine.Postgres, "Host=127.0.0.1;Database=unused")]
    public void Configure_WithTheCompiledModel_MigratesWithoutDiffingTheModel(DatabaseEngine engine, string connectionString)
    {
        // The diff builds the whole design-time model on every migration of a new database (a command-line import's start);
        // Model_HasNoPendingChangesAgainstTheCommittedMigrations is where a missing migration is caught.
        var options = new DbContextOptionsBuilder<InsightDbContext>();
        InsightDatabase.Configure(options, engine, connectionString);

        var warnings = options.Options.FindExtension<CoreOptionsExtension>()!.WarningsConfiguration;
        Assert.Equal(WarningBehavior.Ignore,
            warnings.GetBehavior(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));
    }

    [Fact]
    public async Task CompiledModel_MatchesTheModelBuiltFromOnModelCreating()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var compiled = database.CreateContext();
        await using var built = database.CreateContextWithBuiltModel();

        Assert.IsType<RuntimeModel>(compiled.Model, exactMatch: false);
        Assert.NotSame(compiled.Model, built.Model);
        // Stale compiled model? Run tools/optimize-model.sh.
        Assert.Equal(DescribeSchema(built.Model), DescribeSchema(compiled.Model));
        Assert.Equal(DescribeMapping(built.Model), DescribeMapping(compiled.Model));
    }

    /// <summary>Every table, column (type, nullability), key, foreign key and index the model maps to, one line each, sorted.</summary>
    internal static List<string> DescribeSchema(IModel model)
    {
        var lines = new List<string>();
        foreach (var table in model.GetRelationalModel().Tables)
        {
            lines.AddRange(table.Columns.Select(c => $"{table.Name}.{c.Name} {c.StoreType} null={c.IsNullable}"));
            lines.Add($"{table.Name} pk {Columns(table.PrimaryKey?.Columns)}");
            lines.AddRange(table.ForeignKeyConstraints.Select(f =>
                $"{table.Name} fk {f.Name} {Columns(f.Columns)} -> {f.PrincipalTable.Name} {f.OnDeleteAction}"));
            lines.AddRange(table.Indexes.Select(i => $"{table.Name} index {i.Name} {Columns(i.Columns)} unique={i.IsUnique}"));
            lines.AddRange(table.UniqueConstraints.Select(u => $"{table.Name} unique {u.Name} {Columns(u.Columns)}"));
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>What EF needs beyond the schema: entity and property CLR types, generated values, concurrency tokens, conversions.</summary>
    internal static List<string> DescribeMapping(IModel model)
    {
        var lines = new List<string>();
        foreach (var entity in model.GetEntityTypes())
        {
            lines.AddRange(entity.GetProperties().Select(p =>
                $"{entity.Name}.{p.Name} {p.ClrType.Name} generated={p.ValueGenerated} token={p.IsConcurrencyToken} max={p.GetMaxLength()} " +
                    $"converter={p.GetTypeMapping().Converter?.GetType().Name}"));
            lines.AddRange(entity.GetNavigations().Select(n => $"{entity.Name} nav {n.Name} -> {n.TargetEntityType.Name}"));
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Columns(IEnumerable<IColumn>? columns) => columns is null ? "-" : string.Join(",", columns.Select(c => c.Name));

    [Fact]
    public async Task Orders_SumOfAmounts_IsExactInSql()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            for (var i = 0; i < 3; i++)
            {
                db.Orders.Add(NewOrder($"INV{i}", Money.ToMilli(0.1m)));
            }
            db.Orders.Add(NewOrder("INV-BIG", Money.ToMilli(11062.06m)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = database.CreateContext();
        var total = await read.Orders.SumAsync(o => o.AmountMilli, TestContext.Current.CancellationToken);
        Assert.Equal(11062.36m, Money.FromMilli(total));
        Assert.Equal("INTEGER", await Scalar(read, "SELECT typeof(AmountMilli) FROM Orders LIMIT 1;"), ignoreCase: true);
    }

    [Fact]
    public void Model_EveryEntityHasItsOwnConfiguration()
    {
        var configured = typeof(InsightDbContext).Assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToHashSet();
        var domainEntities = new[]
        {
            typeof(CustomerInsight.Core.Customers.Customer), typeof(Order), typeof(OrderLine),
            typeof(CustomerInsight.Core.Surveys.SurveyResponse), typeof(CustomerInsight.Core.Privacy.ConsentRecord),
            typeof(CustomerInsight.Core.Omoc.ChangeProject), typeof(CustomerInsight.Core.Omoc.Population),
            typeof(CustomerInsight.Core.Omoc.Workshop), typeof(CustomerInsight.Core.Omoc.OmocAssessment),
            typeof(CustomerInsight.Core.Auditing.AuditEntry), typeof(CustomerInsight.Core.Importing.ImportBatch), typeof(AppSecret),
        };
        Assert.All(domainEntities, e => Assert.Contains(e, configured));
    }

    private static Order NewOrder(string id, long amountMilli) => new()
    {
        Source = "test",
        SourceOrderId = id,
        OrderedAtUtc = new DateTime(2024, 3, 1, 10, 0, 0, DateTimeKind.Utc),
        BusinessDate = new DateOnly(2024, 3, 1),
        BusinessMonth = 202403,
        AmountMilli = amountMilli,
    };

    private static async Task<string> Scalar(InsightDbContext db, string sql)
    {
        // Opened through EF Core, as the app does, so the connection gets the app's pragmas.
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}

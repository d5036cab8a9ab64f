using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerInsight.Tests.Core.Data;

/// <summary>
/// The migration that moved the lines' product code and description into the catalogue (<c>Products</c>): a database written
/// before it keeps every line's texts, each pair once in the catalogue; migrating back puts them on the lines again.
/// </summary>
public class ProductCatalogueMigrationTests() : DatabaseTestBase(migrate: false)
{
    [Fact]
    public async Task Migration_LinesTextsBecomeOneEntryPerCodeAndDescription_AndComeBackDown()
    {
        await using var db = Database.CreateContext();
        await InsightDatabase.EnsureReachableAsync(db, createMissing: true, Token);
        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(m => m.EndsWith("_ProductCatalogue", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[index - 1], Token);
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "Orders" ("Id", "Source", "SourceOrderId", "OrderedAtUtc", "BusinessDate", "BusinessMonth", "Channel", "Kind", "AmountMilli")
            VALUES (1, 'order-lines', 'O1', '2024-03-15 13:00:00', '2024-03-15', 202403, 0, 0, 60000),
                   (2, 'order-lines', 'O2', '2024-03-16 13:00:00', '2024-03-16', 202403, 0, 0, 40000);
            INSERT INTO "OrderLines" ("Id", "OrderId", "ProductCode", "Description", "Quantity", "UnitPriceMilli", "AmountMilli")
            VALUES (1, 1, 'P1', 'Mug', 1, 10000, 10000),
                   (2, 1, 'P1', NULL, 1, 10000, 10000),
                   (3, 1, 'P1', 'Mug bleu', 2, 10000, 20000),
                   (4, 1, 'P2', NULL, 1, 20000, 20000),
                   (5, 2, 'P1', 'Mug', 2, 10000, 20000),
                   (6, 2, 'P1', NULL, 1, 10000, 10000),
                   (7, 2, 'P2', NULL, 1, 10000, 10000);
            """, Token);

        await migrator.MigrateAsync(migrations[index], Token);

        // In the engine's order of the texts (SQLite puts NULL first, PostgreSQL last): compared as a set.
        var products = await db.Products.AsNoTracking().Select(p => new { p.Code, p.Description }).ToListAsync(Token);
        Assert.Equal(["P1|", "P1|Mug", "P1|Mug bleu", "P2|"],
            products.Select(p => p.Code + "|" + p.Description).Order(StringComparer.Ordinal));
        var lines = await db.OrderLines.AsNoTracking().OrderBy(l => l.Id)
            .Select(l => new { l.Id, l.Product!.Code, l.Product.Description, l.Quantity, l.AmountMilli }).ToListAsync(Token);
        Assert.Equal(
            [(1L, "P1", "Mug", 1, 10000L), (2, "P1", null, 1, 10000), (3, "P1", "Mug bleu", 2, 20000), (4, "P2", null, 1, 20000),
                (5, "P1", "Mug", 2, 20000), (6, "P1", null, 1, 10000), (7, "P2", null, 1, 10000)],
            lines.Select(l => (l.Id, l.Code, l.Description, l.Quantity, l.AmountMilli)));

        await migrator.MigrateAsync(migrations[index - 1], Token);
        var back = new List<string>();
        await db.Database.OpenConnectionAsync(Token);
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.CommandText = """SELECT "ProductCode", "Description" FROM "OrderLines" ORDER BY "Id" """;
            await using var reader = await command.ExecuteReaderAsync(Token);
            while (await reader.ReadAsync(Token))
            {
                back.Add(reader.GetString(0) + "|" + (reader.IsDBNull(1) ? "NULL" : reader.GetString(1)));
            }
        }
        await db.Database.CloseConnectionAsync();
        Assert.Equal(["P1|Mug", "P1|NULL", "P1|Mug bleu", "P2|NULL", "P1|Mug", "P1|NULL", "P2|NULL"], back);
    }
}

/// <summary>Every test of <see cref="ProductCatalogueMigrationTests"/> on PostgreSQL.</summary>
public sealed class ProductCatalogueMigrationOnPostgresTests : ProductCatalogueMigrationTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

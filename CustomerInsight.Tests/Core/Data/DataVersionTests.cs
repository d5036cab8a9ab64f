namespace CustomerInsight.Tests.Core.Data;

/// <summary>The one data version every cache is keyed by moves with each kind of change a cached figure depends on.</summary>
public class DataVersionTests : EngineTestBase
{
    [Fact]
    public async Task ReadAsync_SurveyErasureAndUndo_EachChangeTheVersion()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        await new DemoSeeder(database.Factory, BusinessCalendar.ForZone("Europe/Paris")).SeedIfEmptyAsync(50, Token);
        var seeded = await DataVersion.ReadAsync(database.Factory, Token);
        Assert.Equal(seeded, await DataVersion.ReadAsync(database.Factory, Token));

        await using (var db = database.CreateContext())
        {
            db.SurveyResponses.Add(TestSurveys.Create("version-test", new DateOnly(2026, 9, 1), 9, kind: SurveyKind.Relational,
                at: new TimeOnly(10, 0)));
            await db.SaveChangesAsync(Token);
        }
        var afterSurvey = await DataVersion.ReadAsync(database.Factory, Token);

        await using (var db = database.CreateContext())
        {
            var customer = await db.Customers.OrderBy(c => c.Id).FirstAsync(Token);
            customer.ErasedAtUtc = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
            db.ImportBatches.Add(new ImportBatch { UserName = "test", FileName = "f.csv", Format = "customers", Status = ImportStatus.Undone });
            await db.SaveChangesAsync(Token);
        }
        var afterErasureAndUndo = await DataVersion.ReadAsync(database.Factory, Token);

        Assert.Equal(seeded.SurveyResponses + 1, afterSurvey.SurveyResponses);
        Assert.NotEqual(seeded, afterSurvey);
        Assert.Equal(afterSurvey with { ErasedCustomers = afterSurvey.ErasedCustomers + 1, UndoneImports = afterSurvey.UndoneImports + 1 },
            afterErasureAndUndo);
    }
}

/// <summary>Every test of <see cref="DataVersionTests"/> on PostgreSQL.</summary>
public sealed class DataVersionOnPostgresTests : DataVersionTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

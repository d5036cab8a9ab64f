namespace CustomerInsight.Tests.Integration;

/// <summary>
/// The demo accounts' password is published (README, interfaces.md): they work only while <c>DemoData:Enabled</c>
/// is true. Three starts of the real app over one database file: demo on, off, on again.
/// </summary>
public class DemoAccountsTests : EngineTestBase, IAsyncLifetime
{
    /// <summary>The one database the three starts share (the app migrates and seeds it).</summary>
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync(Engine, migrate: false);

    private InsightAppFactory Start(bool demo) => new(new Dictionary<string, string?>(database.Settings)
    {
        ["DemoData:Enabled"] = demo ? "true" : "false",
    });

    private static async Task<IReadOnlyList<string>> SignInsAsync(InsightAppFactory app)
    {
        var accepted = new List<string>();
        foreach (var (email, _, _) in DemoAccounts.All)
        {
            using var client = await app.TrySignInAsync(email, DemoAccounts.Password);
            if (client is not null)
            {
                accepted.Add(email);
            }
        }
        return accepted;
    }

    [Fact]
    public async Task DemoOff_NoDemoAccountSignsIn_DemoOnAgain_TheyAllDo()
    {
        var all = DemoAccounts.All.Select(a => a.Email).ToList();
        await using (var on = Start(demo: true))
        {
            Assert.Equal(all, await SignInsAsync(on));
        }
        await using (var off = Start(demo: false))
        {
            Assert.Empty(await SignInsAsync(off));
        }
        await using (var again = Start(demo: true))
        {
            Assert.Equal(all, await SignInsAsync(again));
        }
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Every test of <see cref="DemoAccountsTests"/> on PostgreSQL.</summary>
public sealed class DemoAccountsOnPostgresTests : DemoAccountsTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

namespace CustomerInsight.Tests.Integration;

/// <summary>
/// The demo accounts' password is published (README, interfaces.md): they work only while <c>DemoData:Enabled</c>
/// is true. Three starts of the real app over one database file: demo on, off, on again.
/// </summary>
public sealed class DemoAccountsTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "ci-demo-accounts", Guid.NewGuid().ToString("N"));

    public DemoAccountsTests() => Directory.CreateDirectory(directory);

    private InsightAppFactory Start(bool demo) => new(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Insight"] = $"Data Source={Path.Combine(directory, "shared.db")}",
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

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace CustomerInsight.Tests.Integration;

/// <summary>
/// Several web nodes (README: Running on several servers): two real app instances served by Kestrel on loopback ports
/// over one PostgreSQL database share the session cookie and see each other's imports; a node with another database
/// (another key store) cannot read a cookie it did not issue.
/// </summary>
public sealed class SeveralNodesTests(ITestOutputHelper output)
{
    /// <summary>An upper bound for a busy machine: every wait below ends as soon as its condition holds.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static readonly string AnalystEmail = DemoAccounts.All.Single(a => a.Role == Roles.Analyst).Email;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoNodesOnOnePostgresDatabase_CookieOfAOpensAPageOnB_ImportOnA_NewFiguresOnB()
    {
        var server = await PostgresServer.GetAsync();
        var database = await server.CreateDatabaseAsync();
        try
        {
            var settings = new Dictionary<string, string?>
            {
                [DatabaseOptions.ProviderKey] = nameof(DatabaseEngine.Postgres),
                ["ConnectionStrings:Insight"] = new NpgsqlConnectionStringBuilder(database) { Pooling = true }.ConnectionString,
            };
            // A first: it migrates the empty database and creates the demo company; B finds it ready.
            await using var nodeA = new InsightAppFactory(settings);
            var addressA = nodeA.StartKestrel();
            await using var nodeB = new InsightAppFactory(settings);
            var addressB = nodeB.StartKestrel();
            Assert.NotEqual(addressA, addressB);

            using var clientA = new HttpClient(new HttpClientHandler { AllowAutoRedirect =
                false, CookieContainer = new CookieContainer() }) { BaseAddress = addressA };
            var cookie = await InsightAppFactory.SignInAsync(clientA, AnalystEmail, DemoAccounts.Password);
            Assert.NotNull(cookie);
            // Node B gets the cookie node A issued, and nothing else.
            using var clientB = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = addressB };
            clientB.DefaultRequestHeaders.Add("Cookie", cookie);

            using (var page = await clientB.GetAsync("/customers", Ct))
            {
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Contains(AnalystEmail, await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            }
            Assert.Equal(0, await OrdersAsync(clientB));

            var changedOnB = new SemaphoreSlim(0);
            nodeB.Services.GetRequiredService<DataChangeNotifier>().Changed += () => changedOnB.Release();
            await nodeB.Services.GetRequiredService<DataChangeWatcher>().Watching.WaitAsync(Bound, Ct);
            var file = Path.Combine(nodeA.Directory, "january-2027.csv");
            await File.WriteAllTextAsync(file, """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                900001,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2027-01-15 10:00:00,2.55,99001,France
                900002,71053,WHITE METAL LANTERN,2,2027-01-16 11:30:00,3.39,99002,France
                """, Ct);
            var clock = Stopwatch.StartNew();
            var report = await nodeA.Services.GetRequiredService<ImportPipeline>()
                .ImportAsync(file, "january-2027.csv", ImportFormat.OnlineRetail, "EUR", AnalystEmail, null, Ct);
            Assert.True(report.Succeeded, report.Status);
            var imported = clock.Elapsed;

            // B's open pages are told (their reload), and B's figures (its KPI workbook, cached there before) are the new ones.
            Assert.True(await changedOnB.WaitAsync(Bound, Ct), "node B never heard of node A's import");
            output.WriteLine($"Node B told {(clock.Elapsed - imported).TotalMilliseconds:0} ms after node A's import returned.");
            Assert.Equal(2, await OrdersAsync(clientB));
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task SessionCookieOfOneNode_NodeWithAnotherKeyStore_CannotReadIt_SendsToSignIn()
    {
        await using var node = new InsightAppFactory();
        await using var otherDatabase = new InsightAppFactory();
        using var client = node.CreateAnonymousClient();
        var cookie = await InsightAppFactory.SignInAsync(client, AnalystEmail, DemoAccounts.Password);
        Assert.NotNull(cookie);
        var value = cookie[(InsightAppFactory.SessionCookieName.Length + 1)..];

        Assert.NotNull(Unprotect(node, value));
        // Another database is another key ring: the cookie cannot even be decrypted there.
        Assert.Null(Unprotect(otherDatabase, value));
        using var other = otherDatabase.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/customers");
        request.Headers.Add("Cookie", cookie);
        using var response = await other.SendAsync(request, Ct);
        Refusals.AssertRedirectsToLogin(response);
    }

    private static AuthenticationTicket? Unprotect(InsightAppFactory node, string value) =>
        node.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme)
            .TicketDataFormat.Unprotect(value);

    /// <summary>The orders of January 2027 in the node's KPI workbook (none before the import: the demo company ends in 2026).</summary>
    private static async Task<int> OrdersAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/exports/kpi.xlsx?from=2027-01-01&to=2027-01-31", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var sheet = book.Worksheet("Indicateurs");
        var row = sheet.RowsUsed().Single(r => r.Cell(6).GetString() == "orders");
        return row.Cell(2).IsEmpty() ? 0 : (int)row.Cell(2).GetDouble();
    }
}

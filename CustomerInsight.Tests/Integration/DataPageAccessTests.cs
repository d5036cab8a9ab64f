namespace CustomerInsight.Tests.Integration;

/// <summary>The Data page is for analysts and admins: the server refuses the other roles before any circuit starts.</summary>
[Collection(AppCollection.Name)]
public class DataPageAccessTests(InsightAppFactory app)
{
    [Theory]
    [InlineData(Roles.Executive)]
    [InlineData(Roles.ChangeManager)]
    public async Task GetData_RoleWithoutImport_RedirectsToAccessDenied(string role)
    {
        var response = await app.GetAsAsync(role, "/data", TestContext.Current.CancellationToken);

        Refusals.AssertAccessDenied(response);
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Admin)]
    public async Task GetData_AnalystOrAdmin_GetsThePage(string role)
    {
        var response = await app.GetAsAsync(role, "/data", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Importer un fichier", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetData_Anonymous_RedirectsToLogin()
    {
        using var client = app.CreateAnonymousClient();

        var response = await client.GetAsync("/data", TestContext.Current.CancellationToken);

        Refusals.AssertRedirectsToLogin(response);
    }
}

/// <summary>Every test of <see cref="DataPageAccessTests"/> on the app over PostgreSQL.</summary>
[Collection(AppOnPostgresCollection.Name)]
public sealed class DataPageAccessOnPostgresTests(PostgresAppFactory app) : DataPageAccessTests(app);

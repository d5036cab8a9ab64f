namespace CustomerInsight.Tests.Integration;

/// <summary>The privacy and audit pages and the customer-file download answer admins only, on the server.</summary>
[Collection(AppCollection.Name)]
public class PrivacyAccessTests(InsightAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/privacy", Roles.Analyst)]
    [InlineData("/privacy", Roles.Executive)]
    [InlineData("/privacy", Roles.ChangeManager)]
    [InlineData("/audit", Roles.Analyst)]
    [InlineData("/audit", Roles.Executive)]
    public async Task Get_NonAdmin_RedirectedToNotAllowed(string path, string role)
    {
        var response = await app.GetAsAsync(role, path, Ct);
        Refusals.AssertAccessDenied(response);
    }

    [Theory]
    [InlineData("/privacy")]
    [InlineData("/audit")]
    public async Task Get_Admin_Ok(string path)
    {
        var response = await app.GetAsAsync(Roles.Admin, path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CustomerJson_Analyst_RefusedWithoutContent()
    {
        var id = await AnyCustomerIdAsync();
        var response = await app.GetAsAsync(Roles.Analyst, $"/exports/customers/{id}.json", Ct);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("customerinsight.customer-file", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomerJson_Admin_DownloadsTheFileAndAuditsIt()
    {
        var id = await AnyCustomerIdAsync();
        var response = await app.GetAsAsync(Roles.Admin, $"/exports/customers/{id}.json", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(id, json.RootElement.GetProperty("profile").GetProperty("id").GetInt32());
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InsightDbContext>>().CreateDbContextAsync(Ct);
        var audit = await db.AuditEntries.Where(a => a.Action == "privacy.export"
            && a.Target == $"customer:{id}").OrderByDescending(a => a.Id).FirstAsync(Ct);
        Assert.Equal($"report=customer:{id}; customer={id}; format=json; personalData=yes", audit.Details);
    }

    private async Task<int> AnyCustomerIdAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InsightDbContext>>().CreateDbContextAsync(Ct);
        return await db.Customers.Where(c => c.ErasedAtUtc == null).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
    }
}

/// <summary>Every test of <see cref="PrivacyAccessTests"/> on the app over PostgreSQL.</summary>
[Collection(AppOnPostgresCollection.Name)]
public sealed class PrivacyAccessOnPostgresTests(PostgresAppFactory app) : PrivacyAccessTests(app);

namespace CustomerInsight.Tests.Integration;

/// <summary>
/// Value and churn on the real app, checked on the server: the page an executive gets carries no customer (the lost
/// valuable customers are computed for analysts and admins only) and the per-customer value workbook is refused to them.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ValueAccessTests(InsightAppFactory app)
{
    private static readonly string Workbook = AppUrls.ClvWorkbook(new DateOnly(2026, 6, 30));

    [Fact]
    public async Task Executive_PageWithoutLostCustomers_WorkbookRefused()
    {
        using var client = await app.CreateClientAsAsync(Roles.Executive);

        var html = await client.GetStringAsync("/value?end=2026-06-30", TestContext.Current.CancellationToken);
        var download = await client.GetAsync(Workbook, TestContext.Current.CancellationToken);

        Assert.Contains("data-testid=\"value-by-segment\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"value-lost", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/customers/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"value-download\"", html, StringComparison.Ordinal);
        Assert.True(download.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{(int)download.StatusCode}");
        Assert.NotEqual(CustomerInsight.Web.Endpoints.ExportEndpoints.ContentType, download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Analyst_PageWithLostCustomersAndTheWorkbookLink()
    {
        using var client = await app.CreateClientAsAsync(Roles.Analyst);

        var html = await client.GetStringAsync("/value?end=2026-06-30", TestContext.Current.CancellationToken);

        Assert.Contains("data-testid=\"value-lost", html, StringComparison.Ordinal);
        Assert.Contains(Workbook.Replace("&", "&amp;", StringComparison.Ordinal), html, StringComparison.Ordinal);
    }
}

using System.Text.RegularExpressions;
using CustomerInsight.Tests.Core.Segments;

namespace CustomerInsight.Tests.Integration;

/// <summary>
/// Value and churn on the real app, checked on the server: the page an executive gets carries no customer (the lost
/// valuable customers are computed for analysts and admins only) and the per-customer value workbook is refused to them;
/// the value by custom segment (aggregates) is theirs too.
/// </summary>
[Collection(AppCollection.Name)]
public class ValueAccessTests(InsightAppFactory app)
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
    public async Task Executive_CustomSegmentationInTheUrl_ValueByItsSegmentsWithTheVersion()
    {
        // A segmentation of its own: the app is shared by the collection.
        var name = $"Valeur {Guid.NewGuid():N}"[..20];
        var saved = await app.Services.GetRequiredService<SegmentationQueries>()
            .SaveAsync(null, name, SegmentationQueriesTests.RecentThenRegulars(), 0, "valeur", "analyste@demo.local",
                TestContext.Current.CancellationToken);
        var html = await app.GetStringAsAsync(Roles.Executive, AppUrls.Value(new DateOnly(2026, 6, 30), saved.Key),
            TestContext.Current.CancellationToken);

        Assert.Contains("data-testid=\"value-by-custom-segment\"", html, StringComparison.Ordinal);
        Assert.Equal(["recents", "fideles", ""], Regex.Matches(html, "<tr data-segment=\"([a-z-]*)\"").Select(m => m.Groups[1].Value));
        Assert.Contains($"{name}\u00a0», version 1", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("/customers/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyst_PageWithLostCustomersAndTheWorkbookLink()
    {
        var html = await app.GetStringAsAsync(Roles.Analyst, "/value?end=2026-06-30", TestContext.Current.CancellationToken);

        Assert.Contains("data-testid=\"value-lost", html, StringComparison.Ordinal);
        Assert.Contains(Workbook.Replace("&", "&amp;", StringComparison.Ordinal), html, StringComparison.Ordinal);
    }
}

/// <summary>Every test of <see cref="ValueAccessTests"/> on PostgreSQL.</summary>
[Collection(AppOnPostgresCollection.Name)]
public sealed class ValueAccessOnPostgresTests(PostgresAppFactory app) : ValueAccessTests(app);

using System.Net;
using ClosedXML.Excel;
using CustomerInsight.Core.Data;
using CustomerInsight.Web.Exports;

namespace CustomerInsight.Tests.Integration;

/// <summary>The Excel downloads check their policy on the server and return real workbooks.</summary>
[Collection(AppCollection.Name)]
public sealed class ExportEndpointsTests(InsightAppFactory app)
{
    private static readonly string[] Downloads =
    [
        ExportEndpoints.KpiUrl(new DateOnly(2020, 1, 1), new DateOnly(2030, 1, 1), null),
        ExportEndpoints.RfmUrl(null),
        ExportEndpoints.OmocUrl(1),
        ExportEndpoints.CustomerUrl(1),
    ];

    public static TheoryData<string> Urls() => new(Downloads);

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Get_Executive_Refused(string url)
    {
        using var client = await app.CreateClientAsAsync(Roles.Executive);
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        Assert.NotEqual(ExportEndpoints.ContentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Get_Analyst_RealWorkbook(string url)
    {
        using var client = await app.CreateClientAsAsync(Roles.Analyst);
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExportEndpoints.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
        Assert.NotEmpty(book.Worksheets);
        Assert.All(book.Worksheets, s => Assert.Single(s.Tables));
    }

    [Fact]
    public async Task Get_AnalystAsksPersonalData_Refused()
    {
        using var client = await app.CreateClientAsAsync(Roles.Analyst);
        var response = await client.GetAsync(ExportEndpoints.RfmUrl(null, personal: true), TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}

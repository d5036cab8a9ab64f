namespace CustomerInsight.Tests.Integration;

/// <summary>The Excel downloads check their policy on the server and return real workbooks.</summary>
[Collection(AppCollection.Name)]
public class ExportEndpointsTests(InsightAppFactory app)
{
    private static readonly string[] Downloads =
    [
        AppUrls.KpiWorkbook(new DateOnly(2020, 1, 1), new DateOnly(2030, 1, 1), null),
        AppUrls.RfmWorkbook(null),
        AppUrls.OmocWorkbook(1),
        AppUrls.CustomerWorkbook(1),
        // The shapes the dashboard and segments pages link to.
        AppUrls.KpiWorkbook(Period.Quarter(2026, 3), Channel.Web, RfmSegment.Champions),
        AppUrls.KpiWorkbook(Period.ToDate(PeriodUnit.Year, new DateOnly(2026, 9, 20)), null, null, ComparisonMode.LastYear),
        AppUrls.RfmWorkbook(new DateOnly(2026, 10, 1)),
        // The value page's link: one pseudonymous row per customer, analysts and admins only.
        AppUrls.ClvWorkbook(new DateOnly(2026, 6, 30)),
    ];

    public static TheoryData<string> Urls() => new(Downloads);

    /// <summary>Every link a page shows, the admins' personal-data one included.</summary>
    public static TheoryData<string> LinkedUrls() => new([.. Downloads, AppUrls.RfmWorkbook(new DateOnly(2026, 10, 1), personal: true)]);

    [Theory]
    [MemberData(nameof(LinkedUrls))]
    public async Task Get_Executive_Refused(string url)
    {
        var response = await app.GetAsAsync(Roles.Executive, url, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        Assert.NotEqual(ExportEndpoints.ContentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Get_Analyst_RealWorkbook(string url)
    {
        var response = await app.GetAsAsync(Roles.Analyst, url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExportEndpoints.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "a report must not stay in a browser or proxy cache");
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
        Assert.NotEmpty(book.Worksheets);
        Assert.All(book.Worksheets, s => Assert.Single(s.Tables));
    }

    [Fact]
    public async Task GetKpi_CalendarQuarterAndSegment_ComparesWithThePreviousQuarterAndNamesTheSegment()
    {
        using var client = await app.CreateClientAsAsync(Roles.Analyst);
        var response = await client.GetAsync(AppUrls.KpiWorkbook(Period.Quarter(2026, 3), null, RfmSegment.Champions),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
        var texts = book.Worksheets.First().CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains(texts, t => t.Contains("01/04/2026 – 30/06/2026", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Champions au 01/10/2026", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetKpi_ToIsTheLastDayIncluded_AsOnTheDashboard()
    {
        var response = await app.GetAsAsync(Roles.Analyst, "/exports/kpi.xlsx?from=2011-12-01&to=2011-12-31", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("kpi-2011-12-01-2011-12-31", response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
        var period = book.Worksheets.First().Cell(3, 2).GetString();
        // December against November (whole months), both written with their last day.
        Assert.StartsWith("01/12/2011 – 31/12/2011 (période précédente 01/11/2011 – 30/11/2011)", period, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetKpi_YearToDateLastYear_ComparesWithTheSameDatesAYearEarlier()
    {
        var response = await app.GetAsAsync(Roles.Analyst, AppUrls.KpiWorkbook(Period.ToDate(PeriodUnit.Year, new DateOnly(2026, 9, 20)),
            null, null, ComparisonMode.LastYear), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
        Assert.StartsWith("01/01/2026 – 20/09/2026 (même période l'an dernier 01/01/2025 – 20/09/2025)",
            book.Worksheets.First().Cell(3, 2).GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/exports/kpi.xlsx?from=2026-07-01&to=2026-03-01")]
    [InlineData("/exports/kpi.xlsx?from=2026-07-01&to=2026-09-30&compare=yesterday")]
    [InlineData("/exports/kpi.xlsx?from=2026-07-01&to=2026-10-01&unit=month")]
    [InlineData("/exports/kpi.xlsx?from=2026-07-01&to=2026-10-01&unit=weekly")]
    [InlineData("/exports/kpi.xlsx?from=2026-07-01&to=2026-10-01&segment=nobody")]
    [InlineData("/exports/kpi.xlsx?from=2026-07-01&to=2026-10-01&segment=nobody.none")]
    [InlineData("/exports/clv.xlsx?end=2026-13-01")]
    public async Task GetKpi_UnitNotMatchingOrUnknownSegment_BadRequest(string url)
    {
        var response = await app.GetAsAsync(Roles.Analyst, url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_AnalystAsksPersonalData_Refused()
    {
        var response = await app.GetAsAsync(Roles.Analyst, AppUrls.RfmWorkbook(null, personal: true), TestContext.Current.CancellationToken);

        // Refused (sent to the access-denied page), not silently narrowed to a workbook without the personal columns.
        Refusals.AssertAccessDenied(response);
        Assert.NotEqual(ExportEndpoints.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }
}

/// <summary>Every test of <see cref="ExportEndpointsTests"/> on the app over PostgreSQL.</summary>
[Collection(AppOnPostgresCollection.Name)]
public sealed class ExportEndpointsOnPostgresTests(PostgresAppFactory app) : ExportEndpointsTests(app);

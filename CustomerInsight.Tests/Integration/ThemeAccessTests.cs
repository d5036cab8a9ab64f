namespace CustomerInsight.Tests.Integration;

/// <summary>
/// Comment themes on the real app over the demo company: figures for every role, a theme's comments
/// (personal data) and the editor for analysts and admins only, checked on the server; the KPI workbook's themes sheet.
/// </summary>
[Collection(AppCollection.Name)]
public class ThemeAccessTests(InsightAppFactory app)
{
    private const string Year = "?period=last-year";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A theme's comments (personal data) and the theme editor: analysts and admins only.</summary>
    public static TheoryData<string, bool> AnalystsAndAdmins => new()
    {
        { Roles.Executive, false },
        { Roles.ChangeManager, false },
        { Roles.Analyst, true },
        { Roles.Admin, true },
    };

    [Theory]
    [InlineData("/satisfaction/themes")]
    [InlineData("/satisfaction/themes/delivery")]
    public async Task ThemePages_Anonymous_RedirectedToLogin(string path)
    {
        using var client = app.CreateAnonymousClient();
        var response = await client.GetAsync(path, Ct);
        Refusals.AssertRedirectsToLogin(response);
    }

    [Theory]
    [MemberData(nameof(AnalystsAndAdmins))]
    public async Task ThemeComments_OnlyRolesAllowedCustomerData(string role, bool allowed)
    {
        var response = await app.GetAsAsync(role, "/satisfaction/themes/delivery" + Year, Ct);
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Contains("data-testid=\"theme-comment\"", html, StringComparison.Ordinal);
            Assert.Contains("<mark class=\"theme-hit\"", html, StringComparison.Ordinal);
        }
        else
        {
            Refusals.AssertAccessDenied(response);
        }
    }

    [Theory]
    [MemberData(nameof(AnalystsAndAdmins))]
    public async Task ThemeEditor_AnalystsAndAdminsOnly(string role, bool allowed)
    {
        var response = await app.GetAsAsync(role, "/satisfaction/themes", Ct);
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Refusals.AssertAccessDenied(response);
        }
    }

    [Fact]
    public async Task SatisfactionPage_ExecutiveSeesThemeFiguresWithoutLinksToComments_AnalystGetsTheLinks()
    {
        var html = await app.GetStringAsAsync(Roles.Executive, "/satisfaction" + Year, Ct);
        Assert.Contains("data-testid=\"theme-row-delivery\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("theme-link-", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/satisfaction/themes/", html, StringComparison.Ordinal);

        var analystHtml = await app.GetStringAsAsync(Roles.Analyst, "/satisfaction" + Year, Ct);
        Assert.Contains("data-testid=\"theme-link-delivery\"", analystHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KpiWorkbook_HasAThemesSheet_EveryDefaultThemeOverThePeriod()
    {
        var response = await app.GetAsAsync(Roles.Analyst, "/exports/kpi.xlsx?from=2025-10-01&to=2026-10-01", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync(Ct);
        using var workbook = new XLWorkbook(stream);

        var sheet = workbook.Worksheet("Thèmes");
        var table = sheet.Tables.Single();
        var rows = table.DataRange.Rows().ToList();
        var period = rows.Where(r => r.Cell(1).GetString() == "Période").ToList();
        Assert.Equal(8, period.Count);
        Assert.Contains(period, r => r.Cell(3).GetString() == "Livraison" && r.Cell(4).GetDouble() > 0);
        // Worst first: the impacts of the period's rows ascend.
        var impacts = period.Select(r => r.Cell(11).IsEmpty() ? double.MaxValue : r.Cell(11).GetDouble()).ToList();
        Assert.Equal(impacts.Order(), impacts);
        Assert.Contains(rows, r => r.Cell(1).GetString() == "Mois");
        Assert.Contains(rows, r => r.Cell(1).GetString() == "Canal");
        Assert.Contains(rows, r => r.Cell(1).GetString() == "Segment RFM");
        Assert.Contains("jeu par défaut",
            sheet.Range(1, 1, 7, 3).Cells().Select(c => c.GetString()).Aggregate(string.Concat), StringComparison.Ordinal);
    }
}

/// <summary>Every test of <see cref="ThemeAccessTests"/> on the app over PostgreSQL.</summary>
[Collection(AppOnPostgresCollection.Name)]
public sealed class ThemeAccessOnPostgresTests(PostgresAppFactory app) : ThemeAccessTests(app);

using CustomerInsight.Tests.Core.Privacy;
using ExportsPage = CustomerInsight.Web.Components.Pages.Exports.Exports;

namespace CustomerInsight.Tests.Web.Exports;

/// <summary>The customer file of Exports takes the id users see (the source id) or an e-mail, never an internal id.</summary>
public sealed class CustomerFileExportTests : BunitTestBase
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(PrivacyTestContext.KeptId)]
    [InlineData(" keep-1 ")]
    [InlineData("ADA@keep.example")]
    public async Task Exports_AnalystSearchesBySourceIdOrEmail_DownloadLinkOfThatCustomer(string term)
    {
        await using var context = await SignInOverPrivacyDataAsync(Roles.Analyst);
        int id;
        await using (var db = context.Import.Database.CreateContext())
        {
            id = await db.Customers.Where(c => c.SourceId == PrivacyTestContext.KeptId).Select(c => c.Id).SingleAsync(Ct);
        }
        var page = Render<ExportsPage>();
        var search = page.WaitForElement("[data-testid=export-customer-search] input, input[data-testid=export-customer-search]",
            TimeSpan.FromSeconds(30));
        Assert.DoesNotContain("Identifiant interne", page.Markup, StringComparison.Ordinal);

        search.Input(term);
        page.Find("[data-testid=export-customer-find]").Click();

        page.WaitForAssertion(() => Assert.Equal(AppUrls.CustomerWorkbook(id), page.Find("a[data-testid=export-customer]").GetAttribute("href")));
        Assert.Contains(PrivacyTestContext.KeptId, page.Find("[data-testid=export-customer-found]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_UnknownCustomer_SaysSoAndOffersNoDownload()
    {
        await using var context = await SignInOverPrivacyDataAsync(Roles.Analyst);
        var page = Render<ExportsPage>();
        var search = page.WaitForElement("[data-testid=export-customer-search] input, input[data-testid=export-customer-search]",
            TimeSpan.FromSeconds(30));

        search.Input("nobody@example.org");
        page.Find("[data-testid=export-customer-find]").Click();

        page.WaitForElement("[data-testid=export-customer-not-found]");
        Assert.Empty(page.FindAll("a[data-testid=export-customer]"));
    }
}

using System.Collections;
using System.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;
using CustomersPage = CustomerInsight.Web.Components.Pages.Customers.Customers;

namespace CustomerInsight.Tests.Web.Localization;

/// <summary>MudBlazor's own texts (pager, grid…) follow the UI culture, and the pager's counts the culture.</summary>
public sealed class MudBlazorTextTests : BunitTestBase
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    private IRenderedComponent<MudDataGrid<int>> RenderGrid(int items) => Render<MudDataGrid<int>>(p => p
        .Add(g => g.Items, Enumerable.Range(1, items).ToList())
        .Add(g => g.Culture, CultureInfo.CurrentCulture)
        .Add(g => g.RowsPerPage, 25)
        .Add(g => g.PagerContent, b =>
        {
            b.OpenComponent<MudDataGridPager<int>>(0);
            b.CloseComponent();
        }));

    private static string PagerText<T>(IRenderedComponent<T> component) where T : IComponent =>
        // Split on ASCII white space only: the no-break spaces under test must stay.
        string.Join(" ", component.Find(".mud-table-pagination-toolbar").TextContent.Split([' ', '\n', '\r', '\t'],
            StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Pager_French_SaysItInFrenchWithFrenchNumbers()
    {
        var text = PagerText(RenderGrid(5000));

        Assert.Contains("Lignes par page\u00a0:", text, StringComparison.Ordinal);
        Assert.Contains("1-25 sur 5" + CultureInfo.GetCultureInfo("fr-FR").NumberFormat.NumberGroupSeparator + "000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Rows per page", text, StringComparison.Ordinal);
    }

    [Fact]
    [UseCulture("en-GB")]
    public void Pager_English_KeepsMudBlazorsEnglish()
    {
        var text = PagerText(RenderGrid(5000));

        Assert.Contains("Rows per page:", text, StringComparison.Ordinal);
        Assert.Contains("1-25 of 5,000", text, StringComparison.Ordinal);
    }

    [Fact]
    [UseCulture("en-GB")]
    public void Localizer_English_NeverFallsBackToTheFrenchResources()
    {
        var localizer = Services.GetRequiredService<MudLocalizer>();

        Assert.True(localizer["MudDataGridPager_RowsPerPage"].ResourceNotFound);
    }

    [Fact]
    public void FrenchResources_TranslateEveryMudBlazorText()
    {
        var mudBlazor = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudLocalizer).Assembly)
            .GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal);
        var french = Services.GetRequiredService<IStringLocalizer<MudBlazorText>>()
            .GetAllStrings(includeParentCultures: true).Select(s => s.Name).Order(StringComparer.Ordinal);

        Assert.Equal(mudBlazor, french);
    }

    [Fact]
    public async Task CustomersPage_PagerInFrenchWithTheCultureSeparator()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            db.Customers.AddRange(Enumerable.Range(1, 1001).Select(i => new Customer { SourceId = $"C{i:0000}", CreatedAtUtc = DateTime.UtcNow }));
            await db.SaveChangesAsync(Token);
        }
        AddAppServices(database.ConnectionString);
        SignInAs(Roles.Analyst);

        var page = Render<CustomersPage>();

        page.WaitForAssertion(() =>
            Assert.Contains("1-25 sur 1" + CultureInfo.CurrentCulture.NumberFormat.NumberGroupSeparator + "001",
            PagerText(page), StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        Assert.Contains("Lignes par page", PagerText(page), StringComparison.Ordinal);
    }
}

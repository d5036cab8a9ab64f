namespace CustomerInsight.Tests.Web.Satisfaction;

/// <summary>The editor's save checks the ThemeEdit policy on the server, whatever the page rendered.</summary>
public sealed class ThemeEditorPolicyTests : DatabaseBunitTestBase
{

    protected override Task ArrangeAsync()
    {
        AddAppServices(Database.ConnectionString);
        SignInInteractiveAs(Roles.Executive, "direction@test.local");
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Save_Executive_RefusedNothingWritten()
    {
        var page = Render<ThemeEditor>();
        page.WaitForAssertion(() => Assert.Equal(8, page.FindAll("[data-testid=theme-item]").Count), TimeSpan.FromSeconds(30));
        page.Find("input[data-testid=theme-reason], [data-testid=theme-reason] input").Change("tentative");

        page.Find("button[data-testid=theme-save]").Click();

        page.WaitForAssertion(() =>
            Assert.Contains("Vous n'avez pas le droit de modifier les thèmes.",
            page.Find("[data-testid=theme-errors]").TextContent, StringComparison.Ordinal));
        Assert.Equal(0, (await Services.GetRequiredService<ThemeQueries>().GetCurrentAsync(Xunit.TestContext.Current.CancellationToken)).Version);
    }
}

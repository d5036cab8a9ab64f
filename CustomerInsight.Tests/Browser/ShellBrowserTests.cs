using Microsoft.Playwright;

namespace CustomerInsight.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ShellBrowserTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(Roles.Executive)]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.ChangeManager)]
    [InlineData(Roles.Admin)]
    public async Task SignIn_EachDemoRole_SeesHomeChartAndSignsOut(string role)
    {
        var page = await fixture.NewPageAsAsync(role);
        await BrowserFixture.WithScreenshotOnFailureAsync(page, $"sign-in-{role}", async () =>
        {
            // A Chart.js instance is attached to a canvas of the home page.
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('canvas')].some(c => window.Chart && Chart.getChart(c))");
            var email = CustomerInsight.Web.Security.DemoAccounts.All.Single(a => a.Role == role).Email;
            Assert.Equal(email, (await page.InnerTextAsync("[data-testid=user-name]")).Trim());

            await page.ClickAsync("[data-testid=sign-out]");
            await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("/Account/Login", StringComparison.Ordinal));
            await page.GotoAsync("/");
            await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("/Account/Login", StringComparison.Ordinal));
        });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LanguageSwitch_ToEnglishAndBack_ChangesTheShellTexts()
    {
        var page = await fixture.NewPageAsAsync(Roles.Analyst);
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "language-switch", async () =>
        {
            await Assertions.Expect(page.Locator("[data-testid=sign-out]")).ToContainTextAsync("Se déconnecter");
            await page.ClickAsync("[data-testid=language-switch]");
            await Assertions.Expect(page.Locator("[data-testid=sign-out]")).ToContainTextAsync("Sign out");
            Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));

            // A new page load: the circuit replaces the prerendered app bar when it starts, and a click on the old
            // one at that moment is lost. Wait for it, as a person would for the page to be ready.
            await BrowserFixture.WaitForCircuitAsync(page);
            await page.ClickAsync("[data-testid=language-switch]");
            await Assertions.Expect(page.Locator("[data-testid=sign-out]")).ToContainTextAsync("Se déconnecter");
            Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Phone_AppBarKeepsSignOutWithinTheScreen()
    {
        var page = await fixture.NewPageAsAsync(Roles.ChangeManager);
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "phone-app-bar", async () =>
        {
            await page.SetViewportSizeAsync(390, 844);
            await BrowserFixture.WaitForCircuitAsync(page);
            var signOut = page.Locator("[data-testid=sign-out]");
            await Assertions.Expect(signOut).ToBeVisibleAsync();
            var box = (await signOut.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"sign-out at {box.X}..{box.X + box.Width} on a 390 px screen");
            await Assertions.Expect(page.Locator("[data-testid=user-name]")).ToBeHiddenAsync();
            Assert.Equal("Se déconnecter", await signOut.GetAttributeAsync("aria-label"));

            await signOut.ClickAsync();
            await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("/Account/Login", StringComparison.Ordinal));
        });
        await page.Context.CloseAsync();
    }
}

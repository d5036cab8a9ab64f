using Microsoft.Playwright;

namespace CustomerInsight.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AdminBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Admin_CreatesAnAccountThenDisablesIt_TheTableShowsEachStep()
    {
        var page = await fixture.NewPageAsAsync(Roles.Admin, path: "/admin");
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "admin-users", async () =>
        {
            // The signed-in admin's own row offers no way to lock themself out.
            var own = page.Locator("[data-testid=user-row][data-email='admin@demo.local']");
            await Assertions.Expect(own).ToBeVisibleAsync();
            await Assertions.Expect(own.Locator("[data-testid=user-toggle]")).ToHaveCountAsync(0);

            await page.ClickAsync("[data-testid=new-user]");
            await BrowserFixture.Input(page, "new-user-email").FillAsync("browser.user@example.org");
            await BrowserFixture.Input(page, "new-user-name").FillAsync("Navigateur");
            await BrowserFixture.Input(page, "new-user-password").FillAsync("a browser password");
            await BrowserFixture.Input(page, "new-user-password").PressAsync("Tab");
            await page.ClickAsync("[data-testid=new-user-save]");

            var row = page.Locator("[data-testid=user-row][data-email='browser.user@example.org']");
            await Assertions.Expect(row.Locator("[data-testid=user-status]")).ToContainTextAsync("Actif");
            await row.Locator("[data-testid=user-toggle]").ClickAsync();
            await Assertions.Expect(row.Locator("[data-testid=user-status]")).ToContainTextAsync("Désactivé");
        });
        await page.Context.CloseAsync();

        // The disabled account is refused at the sign-in form and says why, like a lockout, whatever the password
        // (no password check: it would let anyone try passwords on it without limit).
        var login = await fixture.NewPageAsync();
        await login.GotoAsync("/Account/Login");
        await SignInAsync(login, "browser.user@example.org", "a wrong password");
        await Assertions.Expect(login.Locator("[data-testid=login-error]")).ToContainTextAsync("désactivé");
        await SignInAsync(login, "browser.user@example.org", "a browser password");
        await Assertions.Expect(login.Locator("[data-testid=login-error]")).ToContainTextAsync("désactivé");
        Assert.Contains("/Account/Login", login.Url, StringComparison.Ordinal);
        await login.Context.CloseAsync();
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }
}

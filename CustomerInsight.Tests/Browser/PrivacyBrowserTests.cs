using Microsoft.Playwright;

namespace CustomerInsight.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class PrivacyBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Erase_AdminFrom360PageThroughPrivacyCard_CustomerErasedAndAuditEntryShown()
    {
        fixture.RequireBrowser();
        int id;
        string sourceId;
        var contexts = fixture.App.Services.GetRequiredService<IDbContextFactory<InsightDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var customer = await db.Customers.Where(c => c.ErasedAtUtc == null && c.Email != null).OrderByDescending(c => c.Id)
                .Select(c => new { c.Id, c.SourceId }).FirstAsync(TestContext.Current.CancellationToken);
            (id, sourceId) = (customer.Id, customer.SourceId);
        }
        var page = await fixture.NewPageAsAsync(Roles.Admin);
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "privacy-erase", async () =>
        {
            // From the customer's 360 page, the admin's privacy button opens this customer's privacy card.
            await page.GotoAsync($"/customers/{id}");
            await BrowserFixture.WaitForCircuitAsync(page);
            await page.ClickAsync("[data-testid=customer-privacy]");
            await BrowserFixture.WaitForUrlAsync(page, url => url.Contains("/privacy?customer=", StringComparison.Ordinal));
            await BrowserFixture.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=privacy-source-id]")).ToHaveTextAsync(sourceId);

            // The card is live (the circuit is up and its customer shown): one click opens the dialog.
            await page.Locator("[data-testid=privacy-erase]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=erase-confirm]").First).ToBeVisibleAsync();
            var confirm = page.Locator("[data-testid=erase-confirm]");
            await Assertions.Expect(confirm).ToBeDisabledAsync();
            await page.FillAsync("input[data-testid=erase-confirm-input], [data-testid=erase-confirm-input] input", sourceId);
            await Assertions.Expect(confirm).ToBeEnabledAsync();
            await confirm.ClickAsync();

            await Assertions.Expect(page.Locator("[data-testid=privacy-erased]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=privacy-source-id]")).ToContainTextAsync("erased-");

            var pseudonym = (await page.Locator("[data-testid=privacy-source-id]").TextContentAsync())!.Trim();

            await page.GotoAsync("/audit");
            await BrowserFixture.WaitForCircuitAsync(page);
            // The target in words: the customer by its pseudonym, never "customer:<id>".
            var row = page.Locator("[data-testid=audit-grid] tr", new PageLocatorOptions { HasText = $"Client effacé ({pseudonym})" });
            await Assertions.Expect(row.First).ToContainTextAsync("Effacement d'un client");
            await Assertions.Expect(page.Locator("[data-testid=audit-grid]")).Not.ToContainTextAsync($"customer:{id}");
            await Assertions.Expect(row.First.Locator("[title='privacy.erase']")).ToBeVisibleAsync();
        });
        await page.Context.CloseAsync();
    }
}

/// <summary>Every test of <see cref="PrivacyBrowserTests"/> on the app over PostgreSQL.</summary>
[Collection(BrowserOnPostgresCollection.Name)]
public sealed class PrivacyBrowserOnPostgresTests(PostgresBrowserFixture fixture) : PrivacyBrowserTests(fixture);

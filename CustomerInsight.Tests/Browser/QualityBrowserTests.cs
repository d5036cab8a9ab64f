using Microsoft.Playwright;

namespace CustomerInsight.Tests.Browser;

/// <summary>The Good data page in Chromium: an analyst merges one match group of the demo company, sees it on the 360, and undoes it.</summary>
[Collection(BrowserCollection.Name)]
public class QualityBrowserTests(BrowserFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MergeGroup_AnalystAfterDryRun_StoreCardJoinsTheWebCustomer_ThenUndone()
    {
        fixture.RequireBrowser();
        var factory = fixture.App.Services.GetRequiredService<IDbContextFactory<InsightDbContext>>();
        // A demo store card (MAG-…) and its web record: the group with the smallest survivor, among the first shown.
        var groups = (await new UnifyQueries(factory).PreviewAsync(Ct));
        var group = groups.Result.Groups.First(g =>
            g.CustomerIds.Any(id => groups.Members[id].SourceId.StartsWith("MAG-", StringComparison.Ordinal)));
        var card = group.CustomerIds.Single(id => groups.Members[id].SourceId.StartsWith("MAG-", StringComparison.Ordinal));
        var cardSourceId = groups.Members[card].SourceId;
        var survivor = group.SurvivorId;

        var page = await fixture.NewPageAsAsync(Roles.Analyst, path: "/quality");
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "quality-merge", async () =>
        {
            var groupCard = page.Locator($"[data-testid=group-{survivor}]");
            await page.GetByRole(AriaRole.Tab, new() { Name = "Réconciliation" }).ClickAsync();
            await Assertions.Expect(groupCard.First).ToBeVisibleAsync();
            await Assertions.Expect(groupCard).ToContainTextAsync(cardSourceId);
            await Assertions.Expect(groupCard.Locator("[data-testid=group-evidence]")).ToContainTextAsync($"#{survivor} ↔ #{card}");

            // The dry run first: counts shown before anything changes.
            await groupCard.Locator("[data-testid=group-merge]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=merge-dry-run]").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=merge-dry-run]")).ToContainTextAsync("1 groupe, 2 clients deviendront 1 client");
            await using (var db = await factory.CreateDbContextAsync(Ct))
            {
                Assert.True(await db.Customers.AnyAsync(c => c.Id == card, Ct));
            }
            await page.ClickAsync("[data-testid=merge-confirm]");

            await Assertions.Expect(groupCard).ToHaveCountAsync(0);
            var historyRow = page.Locator("[data-testid=merge-history] tr", new() { HasText = "analyste@demo.local" }).First;
            await Assertions.Expect(historyRow).ToContainTextAsync("Active");
            int mergeId;
            await using (var db = await factory.CreateDbContextAsync(Ct))
            {
                Assert.False(await db.Customers.AnyAsync(c => c.Id == card, Ct));
                var merge = await db.CustomerMerges.Include(m => m.Sources).SingleAsync(m => m.CustomerId == survivor && m.UndoneAtUtc == null, Ct);
                Assert.Contains(merge.Sources, s => s.SourceId == cardSourceId);
                Assert.Equal("analyste@demo.local", merge.MergedBy);
                Assert.True(await db.AuditEntries.AnyAsync(a =>
                    a.Action == UnifyCommands.MergeAuditAction && a.Target == $"customer:{survivor}", Ct));
                mergeId = merge.Id;
            }

            // The 360 of the unified customer lists the source records it unifies; the card's old address says where it went.
            await page.GotoAsync($"/customers/{survivor}");
            await Assertions.Expect(page.Locator("[data-testid=customer-sources]")).ToContainTextAsync(cardSourceId);
            await page.GotoAsync($"/customers/{card}");
            await Assertions.Expect(page.Locator("[data-testid=customer-merged]")).ToContainTextAsync($"#{survivor}");

            // Undo from the page's history: the store card is a customer of its own again.
            await page.GotoAsync("/quality");
            await BrowserFixture.WaitForCircuitAsync(page);
            var undo = page.Locator($"[data-testid=merge-{mergeId}] [data-testid=merge-undo]");
            await page.GetByRole(AriaRole.Tab, new() { Name = "Réconciliation" }).ClickAsync();
            await Assertions.Expect(undo.First).ToBeVisibleAsync();
            await undo.ClickAsync();
            await Assertions.Expect(page.Locator($"[data-testid=group-{survivor}]")).ToBeVisibleAsync();
            await using (var db = await factory.CreateDbContextAsync(Ct))
            {
                Assert.True(await db.Customers.AnyAsync(c => c.Id == card && c.SourceId == cardSourceId, Ct));
            }
        });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task QualityFigure_Analyst_OpensTheCustomersBehindIt()
    {
        var page = await fixture.NewPageAsAsync(Roles.Analyst, path: "/quality");
        await BrowserFixture.WithScreenshotOnFailureAsync(page, "quality-figure", async () =>
        {
            // The demo's store cards have no e-mail (one kind in four has one): "E-mail renseigné" opens those records.
            var open = page.Locator("[data-testid='open-completeness.email']");
            await open.ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=quality-customers]").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=quality-customers]")).ToContainTextAsync("MAG-");
        });
        await page.Context.CloseAsync();
    }
}

/// <summary>Every test of <see cref="QualityBrowserTests"/> on the app over PostgreSQL.</summary>
[Collection(BrowserOnPostgresCollection.Name)]
public sealed class QualityBrowserOnPostgresTests(PostgresBrowserFixture fixture) : QualityBrowserTests(fixture);

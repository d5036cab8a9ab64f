namespace CustomerInsight.Tests.Web.Satisfaction;

/// <summary>The theme editor over the app's services and a real SQLite file: live match counts, validation, a save as a new version.</summary>
public sealed class ThemeEditorTests : DatabaseBunitTestBase
{

    protected override async Task ArrangeAsync()
    {
        await using (var db = Database.CreateContext())
        {
            string[] comments = ["Livraison rapide", "Le SAV est injoignable", "Bruit du frigo insupportable", "Bruyant mais efficace"];
            for (var i = 0; i < comments.Length; i++)
            {
                db.SurveyResponses.Add(TestSurveys.Create($"r{i}", new DateOnly(2026, 3, i + 1), 5, comment: comments[i]));
            }
            await db.SaveChangesAsync(Token);
        }
        AddAppServices(Database.ConnectionString);
        SignInInteractiveAs(Roles.Analyst, "analyste@test.local");
    }

    [Fact]
    public async Task Editor_DefaultSetWithLiveCounts_NewThemeCountedValidatedAndSavedAsVersion1()
    {
        var page = Render<ThemeEditor>();
        page.WaitForAssertion(() => Assert.Equal(8, page.FindAll("[data-testid=theme-item]").Count), Wait);
        // Delivery (the first default theme) matches one of the four comments; the live count says so.
        Assert.Equal("1", page.FindAll("[data-testid=theme-item-count]")[0].TextContent.Trim());
        Assert.Contains("Correspond à 1 des 4 derniers commentaires",
            page.Find("[data-testid=theme-live-count]").TextContent, StringComparison.Ordinal);
        Assert.Contains("jeu par défaut", page.Find("[data-testid=theme-in-use]").TextContent, StringComparison.Ordinal);

        page.Find("button[data-testid=new-theme]").Click();
        page.WaitForAssertion(() => Assert.Equal(9, page.FindAll("[data-testid=theme-item]").Count), Wait);
        Type(page, "theme-name-fr", "Bruit");
        Type(page, "theme-name-en", "Noise");
        Type(page, "theme-terms-fr", "bruit*\nbruyant");
        page.WaitForAssertion(() =>
            Assert.Contains("Correspond à 2 des 4 derniers commentaires",
            page.Find("[data-testid=theme-live-count]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("2", page.FindAll("[data-testid=theme-item-count]")[8].TextContent.Trim());

        // No reason: refused with a message, nothing saved.
        page.Find("button[data-testid=theme-save]").Click();
        page.WaitForAssertion(() =>
            Assert.Contains("Indiquez la raison de la modification.", page.Find("[data-testid=theme-errors]").TextContent, StringComparison.Ordinal),
            Wait);
        var queries = Services.GetRequiredService<ThemeQueries>();
        Assert.Equal(0, (await queries.GetCurrentAsync(Token)).Version);

        Type(page, "theme-reason", "Les clients parlent du bruit");
        page.Find("button[data-testid=theme-save]").Click();
        page.WaitForAssertion(() =>
            Assert.Contains("Version 1 enregistrée.", page.Find("[data-testid=theme-saved]").TextContent, StringComparison.Ordinal), Wait);

        var current = await queries.GetCurrentAsync(Token);
        Assert.Equal(1, current.Version);
        Assert.Equal("analyste@test.local", current.SavedBy);
        Assert.Equal("Les clients parlent du bruit", current.Reason);
        var noise = current.Themes[^1];
        Assert.Equal(("bruit", "Bruit", "Noise"), (noise.Key, noise.NameFr, noise.NameEn));
        Assert.Equal(["bruit*", "bruyant"], noise.TermsFr);
        var history = page.Find("[data-testid=theme-versions]").TextContent;
        Assert.Contains("analyste@test.local", history, StringComparison.Ordinal);
        Assert.Contains("Les clients parlent du bruit", history, StringComparison.Ordinal);
        Assert.Contains("version 1", page.Find("[data-testid=theme-in-use]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Editor_RemoveTheme_ListShrinksAndTheSaveButtonNamesTheNextVersion()
    {
        var page = Render<ThemeEditor>();
        page.WaitForAssertion(() => Assert.Equal(8, page.FindAll("[data-testid=theme-item]").Count), Wait);
        Assert.Contains("Enregistrer la version 1", page.Find("button[data-testid=theme-save]").TextContent, StringComparison.Ordinal);

        page.Find("button[data-testid=remove-theme]").Click();

        page.WaitForAssertion(() => Assert.Equal(7, page.FindAll("[data-testid=theme-item]").Count), Wait);
        Assert.DoesNotContain(page.FindAll("[data-testid=theme-item]"), r => r.TextContent.Contains("Livraison", StringComparison.Ordinal));
    }
}

using CustomerInsight.Tests.Core.Omoc;
using System.Text.RegularExpressions;

namespace CustomerInsight.Tests.Web.Omoc;

/// <summary>
/// The texts the OMOC pages build around their data, in both languages: "label: value" in English and
/// "libellé : valeur" with a no-break space in French.
/// </summary>
public sealed class OmocPagesTextTests : DatabaseBunitTestBase
{
    private const char NoBreakSpace = '\u00a0';

    private int projectId;
    private int firstWorkshopId;
    private int populationId;

    protected override async Task ArrangeAsync()
    {
        var commands = OmocTestProjects.Commands(Database);
        var project = new ChangeProjectInput("Caisse", null, "Ada", new DateOnly(2026, 1, 5), new DateOnly(2026, 6, 1));
        projectId = (await commands.CreateProjectAsync(project, "setup", Token)).Id!.Value;
        populationId = (await commands.CreatePopulationAsync(projectId, new PopulationInput("Caissiers", 120, null), "setup", Token)).Id!.Value;
        firstWorkshopId = (await commands.CreateWorkshopAsync(projectId,
            new WorkshopInput("Cadrage", new DateOnly(2026, 2, 1), WorkshopPhase.BeforeGoLive, "Claire", "12 vendeurs"), "setup", Token)).Id!.Value;
        var laterWorkshopId = (await commands.CreateWorkshopAsync(projectId,
            new WorkshopInput("Bilan", new DateOnly(2026, 9, 1), WorkshopPhase.AfterGoLive, null, null), "setup", Token)).Id!.Value;
        // 4, 4, 2, 4 first (index 3.5), then all 1: the index falls by 2.5 and the latest assessment is flagged "very low impact".
        await OmocTestProjects.CompleteAsync(commands, firstWorkshopId, populationId, new OmocScores(4, 4, 2, 4), Token);
        await OmocTestProjects.CompleteAsync(commands, laterWorkshopId, populationId, new OmocScores(1, 1, 1, 1), Token);
        AddAppServicesWithCharts();
        SignInAs(Roles.Executive, "direction@demo.local");
    }

    /// <summary>The rendered text, markup indentation collapsed, the no-break space shown as "_" so a plain space cannot pass for it.</summary>
    private static string Text<T>(IRenderedComponent<T> page, string selector) where T : Microsoft.AspNetCore.Components.IComponent =>
        Regex.Replace(page.Find(selector).TextContent, "[ \\t\\r\\n]+", " ").Replace(NoBreakSpace, '_');

    [Theory]
    [InlineData("en-GB", "Sponsor: Ada · Start: 05/01/2026 · Go-live: 01/06/2026",
        "Caissiers (Bilan, 01/09/2026): Very low impact", "1 assessment completed out of 1")]
    [InlineData("fr-FR", "Sponsor_: Ada · Début_: 05/01/2026 · Mise en service_: 01/06/2026",
        "Caissiers (Bilan, 01/09/2026)_: ", "1 bilan terminé sur 1")]
    [UseCulture]
    public void ProjectPage_Culture_HeaderFlagAndCountsWrittenInThatLanguage(string culture, string header, string flag, string counts)
    {
        Assert.Equal(culture, CultureInfo.CurrentUICulture.Name);
        var page = Render<OmocProject>(p => p.Add(c => c.Id, projectId));
        page.WaitForElement("[data-testid=very-low-flag]");

        Assert.Contains(header, Text(page, "[data-testid=project-facts]"), StringComparison.Ordinal);
        Assert.Contains(flag, Text(page, "[data-testid=very-low-flag]"), StringComparison.Ordinal);
        Assert.Contains(counts, Text(page, "[data-testid=omoc-timeline]"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "Facilitator: Claire · Participants: 12 vendeurs", "Impact index: 3.5")]
    [InlineData("fr-FR", "Animateur_: Claire · Participants_: 12 vendeurs", "Indice d'impact_: 3,5")]
    [UseCulture]
    public void WorkshopPage_Culture_LabelsPunctuatedInThatLanguage(string culture, string people, string impact)
    {
        Assert.Equal(culture, CultureInfo.CurrentUICulture.Name);
        var page = Render<OmocWorkshop>(p => p.Add(c => c.Id, firstWorkshopId));
        page.WaitForElement($"[data-testid=scoring-card-{populationId}]");

        Assert.Contains(people, Text(page, "[data-testid=workshop-facts]"), StringComparison.Ordinal);
        Assert.Contains(impact, Text(page, "[data-testid=impact]"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "Impact index change: -2.5")]
    [InlineData("fr-FR", "Évolution de l'indice d'impact_: -2,5")]
    [UseCulture]
    public void PopulationPage_Culture_ImpactChangePunctuatedInThatLanguage(string culture, string expected)
    {
        Assert.Equal(culture, CultureInfo.CurrentUICulture.Name);
        var page = Render<OmocPopulation>(p => p.Add(c => c.Id, populationId));
        page.WaitForElement("[data-testid=impact-change]");

        Assert.Contains(expected, Text(page, "[data-testid=impact-change]"), StringComparison.Ordinal);
    }
}

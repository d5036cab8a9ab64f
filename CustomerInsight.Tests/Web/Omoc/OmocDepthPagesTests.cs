using CustomerInsight.Tests.Core.Omoc;
using MudBlazor;

namespace CustomerInsight.Tests.Web.Omoc;

/// <summary>The sociodynamic map, saturation and plan-as-work pages over the demo projects in a real SQLite file.</summary>
public sealed class OmocDepthPagesTests : DatabaseBunitTestBase
{
    private OmocQueries queries = null!;
    private int checkoutId;
    private int omnichannelId;

    protected override async Task ArrangeAsync()
    {
        await OmocTestProjects.SaveDemoAsync(Database, withPlanActions: true, Token);
        queries = new OmocQueries(Database.Factory);
        var list = await queries.ListProjectsAsync(Token);
        checkoutId = list.Single(p => p.Name == "Nouveau logiciel de caisse").Id;
        omnichannelId = list.Single(p => p.Name == "Parcours client omnicanal").Id;

        AddAppServicesWithCharts();
    }

    [Fact]
    public async Task SociodynamicsPage_ChangeManager_PositionsBalanceAdviceAndTheMapWithZonesAndArrows()
    {
        SignInAs(Roles.ChangeManager);
        var page = Render<OmocSociodynamics>(p => p.Add(c => c.Id, checkoutId));
        page.WaitForElement("[data-testid=sociodynamic-actors]");

        var map = (await queries.GetSociodynamicMapAsync(checkoutId, Token))!;
        var sellers = map.Actors.Single(a => a.Actor.Name == "Vendeurs en magasin").Actor.Id;
        Assert.Equal("Triangle d'or", page.Find($"[data-testid=actor-position-{sellers}]").TextContent.Trim());
        Assert.Equal("+468", page.Find("[data-testid=balance-value]").TextContent.Trim());
        Assert.Contains("S'appuyer sur eux en priorité".ToLowerInvariant(),
            page.Find("[data-testid=advice-GoldenTriangle]").TextContent.ToLowerInvariant(), StringComparison.Ordinal);

        var config = page.FindComponent<ChartJs>().Instance.Config;
        Assert.Equal(CustomerInsight.Web.Components.Charts.ChartType.Bubble, config.Type);
        Assert.Equal(16, config.Options!.Plugins!.CiOverlays!.Boxes!.Count);
        Assert.Equal(8, config.Options.Plugins.CiOverlays.Texts!.Count);
        // Sellers, managers and the delegate moved; the sponsor did not: three arrows.
        Assert.Equal(3, config.Options.Plugins.CiOverlays.Arrows!.Count);
        var bubble = config.Data.Datasets.Single(d => d.Label == "Vendeurs en magasin").Points!.Single();
        Assert.Equal((2.0, 3.0, SociodynamicMapConfig.Radius(map.Actors.Single(a => a.Actor.Id == sellers))),
            (Math.Round(bubble.X), Math.Round(bubble.Y), bubble.R));
        Assert.Equal(14, bubble.R); // impact index 2.0 → 6 + 4 × 2
    }

    [Fact]
    public void SociodynamicsPage_Executive_NoDataEvenWhenRenderedDirectly()
    {
        // The route's policy refuses the executive; were the component reached another way, it loads nothing.
        SignInAs(Roles.Executive);
        var page = Render<OmocSociodynamics>(p => p.Add(c => c.Id, checkoutId));
        page.WaitForAssertion(() => Assert.Contains("Projet introuvable", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Délégué", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=sociodynamic-actors]"));
    }

    [Fact]
    public void SaturationPage_Executive_HeatMapSaturatedCellAndItsProjectsOnClick()
    {
        SignInAs(Roles.Executive);
        var page = Render<OmocSaturation>();
        page.WaitForElement("[data-testid=saturation-heatmap]");

        var saturated = page.FindAll("td[data-saturated=true]");
        var cell = Assert.Single(saturated);
        Assert.EndsWith("-2026-06", cell.GetAttribute("data-testid"), StringComparison.Ordinal);
        Assert.Equal("6.1", cell.GetAttribute("data-load"));
        cell.Click();
        var detail = page.WaitForElement("[data-testid=saturation-cell]").TextContent;
        Assert.Contains("Nouveau logiciel de caisse", detail, StringComparison.Ordinal);
        Assert.Contains("Parcours client omnicanal", detail, StringComparison.Ordinal);
        Assert.Contains("6,1", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProjectPage_PlanActionsWithStatusLateFlagAndTakeUpForEditors()
    {
        SignInAs(Roles.ChangeManager);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<OmocProject>(p => p.Add(c => c.Id, omnichannelId));
        page.WaitForElement("[data-testid=omoc-plan]");

        // The warehouse manager's action (due 15 October 2026, in progress) is late from then on.
        Assert.Contains("Responsable entrepôt", page.Find("[data-testid=late-actions]").TextContent, StringComparison.Ordinal);
        var detail = (await queries.GetProjectAsync(omnichannelId, Token))!;
        var pickers = detail.Populations.Single(p => p.Name == "Préparateurs de commandes");
        Assert.Contains("En cours", page.Find($"[data-testid=plan-status-{pickers.Id}-Organisation]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll($"[data-testid=plan-status-{pickers.Id}-Organisation] [data-testid=late]"));
        Assert.Contains("Non prise en charge", page.Find($"[data-testid=plan-status-{pickers.Id}-Tools]").TextContent, StringComparison.Ordinal);

        page.Find($"[data-testid=take-up-{pickers.Id}-Tools]").Click();
        dialogs.WaitForElement("[data-testid=plan-action-dialog]");
        dialogs.Find("input[data-testid=action-owner]").Change("Formateurs logistique");
        // No due date: the server's validation answers in the dialog and nothing is taken up.
        dialogs.Find("[data-testid=dialog-save]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("La date est obligatoire.", dialogs.Markup, StringComparison.Ordinal));
        Assert.Contains("Non prise en charge", page.Find($"[data-testid=plan-status-{pickers.Id}-Tools]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ProjectPage_Executive_NoTakeUpButtonsNoMapLink()
    {
        SignInAs(Roles.Executive);
        var page = Render<OmocProject>(p => p.Add(c => c.Id, omnichannelId));
        page.WaitForElement("[data-testid=omoc-plan]");
        Assert.Empty(page.FindAll("[data-testid^=take-up-]"));
        Assert.Empty(page.FindAll("[data-testid=sociodynamics-link]"));
        Assert.NotEmpty(page.FindAll("[data-testid=saturation-link]"));
    }
}

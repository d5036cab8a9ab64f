namespace CustomerInsight.Tests.Web.Segments;

/// <summary>The save checks the Segmentation policy on the server, whatever the page rendered: an executive's circuit event saves nothing.</summary>
public sealed class CustomSegmentsPolicyTests : DatabaseBunitTestBase
{

    protected override async Task ArrangeAsync()
    {
        await SeedDemoAsync(40);
        SignInAs(Roles.Executive, "direction@test.local");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task Executive_Save_RefusedOnTheServer_NothingSaved()
    {
        var page = Render<CustomSegments>();
        page.WaitForElement("[data-testid=segment-0]", Wait);
        page.Find("[data-testid=segmentation-name] input, input[data-testid=segmentation-name]").Change("Deux profils");
        page.Find("[data-testid=segment-0-name] input, input[data-testid=segment-0-name]").Change("Récents");
        page.Find("[data-testid=segmentation-reason] input, input[data-testid=segmentation-reason]").Change("essai");

        page.Find("button[data-testid=segmentation-save]").Click();

        page.WaitForAssertion(() =>
            Assert.Contains("Votre rôle ne permet pas d'enregistrer des segments.",
            page.Find("[data-testid=segmentation-errors]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(await Services.GetRequiredService<SegmentationQueries>().GetSegmentationsAsync(Token));
    }
}

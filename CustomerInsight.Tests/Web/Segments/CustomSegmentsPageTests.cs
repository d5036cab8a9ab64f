using MudBlazor;

namespace CustomerInsight.Tests.Web.Segments;

/// <summary>
/// The custom segments page over the app's services and a real SQLite file (80 demo customers): an analyst builds
/// "Deux profils" with live counts, is refused a save without a reason, saves version 1, refines it into version 2.
/// Expected counts come from the RFM scores themselves, not from the evaluator under test.
/// </summary>
public sealed class CustomSegmentsPageTests : DatabaseBunitTestBase
{
    private RfmResult scores = null!;

    protected override async Task ArrangeAsync()
    {
        await SeedDemoAsync(80);
        var rfm = new RfmQueries(Database.Factory, Options.Create(new RfmOptions()));
        scores = await rfm.ScoreAsync((await rfm.GetDefaultAnalysisDateAsync(Token))!.Value, Token);
        SignInInteractiveAs(Roles.Analyst, "analyste@test.local");
    }

    private static string Customers(int n) => n is 0 or 1 ? $"{n} client" : $"{n:N0} clients".Replace('\u202f', '\u00a0');

    private static string Chip(IRenderedComponent<CustomSegments> page, int segment) =>
        page.Find($"[data-testid=segment-{segment}-count]").TextContent.Trim();

    [Fact]
    public async Task Analyst_BuildsTwoProfiles_LiveCounts_ReasonRequired_ThenRefinesIntoVersion2()
    {
        var recent = scores.Customers.Count(c => c.RecencyScore >= 4);
        var regularsNotRecent = scores.Customers.Count(c => c.RecencyScore < 4 && c.Frequency >= 2);
        Assert.True(recent > 0 && regularsNotRecent > 0, "The demo company has both kinds of customers.");

        var page = Render<CustomSegments>();
        page.WaitForElement("[data-testid=segment-0]", Wait);
        // The new draft's first condition is R score ≥ 4: counted at once.
        page.WaitForAssertion(() => Assert.Equal(Customers(recent), Chip(page, 0)), Wait);
        Type(page, "segmentation-name", "Deux profils");
        Type(page, "segment-0-name", "Récents");

        page.Find("button[data-testid=segment-add]").Click();
        page.WaitForElement("[data-testid=segment-1]", Wait);
        Type(page, "segment-1-name", "Habitués");
        var field = page.FindComponents<MudSelect<SegmentField>>()[1];
        await page.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(SegmentField.Orders));
        Type(page, "cond-1-0-0-value", "2");
        // A customer is in the first segment it meets: the regulars counted are the ones not already recent.
        page.WaitForAssertion(() => Assert.Equal(Customers(regularsNotRecent), Chip(page, 1)), Wait);
        Assert.Contains($"{scores.Customers.Count - recent - regularsNotRecent} dans aucun segment",
            page.Find("[data-testid=segmentation-live-total]").TextContent, StringComparison.Ordinal);

        page.Find("button[data-testid=segmentation-save]").Click();
        page.WaitForAssertion(() =>
            Assert.Contains("Dites pourquoi vous enregistrez cette version.",
            page.Find("[data-testid=segmentation-errors]").TextContent, StringComparison.Ordinal), Wait);
        var queries = Services.GetRequiredService<SegmentationQueries>();
        Assert.Empty(await queries.GetSegmentationsAsync(Token));

        Type(page, "segmentation-reason", "Deux profils pour commencer");
        page.Find("button[data-testid=segmentation-save]").Click();
        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("/segments/custom?segmentation=deux-profils", navigation.Uri, StringComparison.Ordinal), Wait);
        var v1 = (await queries.GetVersionAsync("deux-profils", cancellationToken: Token))!;
        Assert.Equal((1, "analyste@test.local", "Deux profils pour commencer"), (v1.Number, v1.SavedBy, v1.Reason));
        Assert.Equal(["recents", "habitues"], v1.Definition.Segments.Select(s => s.Key));

        // The page now shows the saved segmentation; tighten the recent ones to R = 5 and save version 2.
        page.WaitForAssertion(() =>
            Assert.Contains("Deux profils, version 1", page.Find("[data-testid=segmentation-in-use]").TextContent, StringComparison.Ordinal), Wait);
        var op = page.FindComponents<MudSelect<RuleOperator>>()[0];
        await page.InvokeAsync(() => op.Instance.ValueChanged.InvokeAsync(RuleOperator.Equal));
        Type(page, "cond-0-0-0-value", "5");
        page.WaitForAssertion(() => Assert.Equal(Customers(scores.Customers.Count(c => c.RecencyScore == 5)), Chip(page, 0)), Wait);
        Type(page, "segmentation-reason", "Seulement les plus récents");
        page.Find("button[data-testid=segmentation-save]").Click();
        page.WaitForAssertion(() =>
            Assert.Contains("Version 2 enregistrée.", page.Find("[data-testid=segmentation-saved]").TextContent, StringComparison.Ordinal), Wait);

        Assert.Equal(2, page.FindAll("[data-testid=segmentation-version]").Count);
        var history = page.Find("[data-testid=segmentation-versions]").TextContent;
        Assert.Contains("Seulement les plus récents", history, StringComparison.Ordinal);
        Assert.Contains("Deux profils pour commencer", history, StringComparison.Ordinal);
        var v2 = (await queries.GetVersionAsync("deux-profils", cancellationToken: Token))!;
        Assert.Equal(new SegmentCondition(SegmentField.RecencyScore, RuleOperator.Equal, "5"), v2.Definition.Segments[0].Groups[0].Conditions[0]);
        // Migration compares like with like: version 2's rules at both dates.
        Assert.Contains("« Deux profils », version 2 aux deux dates",
            page.Find("[data-testid=segmentation-migration]").TextContent, StringComparison.Ordinal);
        // The audience of the version in use: its first segment, e-mail marketing, Excel.
        Assert.Equal("/exports/audience.xlsx?segment=deux-profils.recents&purpose=EmailMarketing",
            page.Find("a[data-testid=audience-download]").GetAttribute("href"));
    }

    [Fact]
    public void Analyst_BadValue_LocatedMessageNothingSaved()
    {
        var page = Render<CustomSegments>();
        page.WaitForElement("[data-testid=segment-0]", Wait);
        Type(page, "segmentation-name", "Essai");
        Type(page, "segment-0-name", "Scores");
        Type(page, "cond-0-0-0-value", "7");
        Type(page, "segmentation-reason", "test");

        page.Find("button[data-testid=segmentation-save]").Click();

        page.WaitForAssertion(() =>
            Assert.Contains("Segment 1, groupe 1, condition 1 : un score est un entier de 1 à 5.".Replace(" :", "\u00a0:", StringComparison.Ordinal),
            page.Find("[data-testid=segmentation-errors]").TextContent, StringComparison.Ordinal), Wait);
        // Nothing saved: no audience to export yet.
        Assert.NotNull(page.Find("[data-testid=audience-unsaved]"));
        Assert.Empty(page.FindAll("a[data-testid=audience-download]"));
    }
}

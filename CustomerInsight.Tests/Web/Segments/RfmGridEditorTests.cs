using MudBlazor;

namespace CustomerInsight.Tests.Web.Segments;

/// <summary>
/// The RFM segmentation editor over the app's services and a real SQLite file (60 demo customers): an analyst changes a cell
/// of the grid and the frequency scoring, is asked why, saves version 2 (version 1 is the configuration's) and the scores
/// follow it; an executive's circuit event saves nothing (the policy is checked on the server).
/// </summary>
public sealed class RfmGridEditorTests : DatabaseBunitTestBase
{

    protected override async Task ArrangeAsync()
    {
        await SeedDemoAsync(60);
    }

    private static void TypeReason(IRenderedComponent<RfmGridEditor> editor, string text) =>
        editor.Find("[data-testid=rfm-editor-reason] input, input[data-testid=rfm-editor-reason]").Change(text);

    [Fact]
    public async Task Analyst_ChangesACellAndTheScoring_ReasonRequired_SavesVersion2_ScoresFollow()
    {
        SignInInteractiveAs(Roles.Analyst, "analyste@test.local");
        var saved = new List<int>();
        var editor = Render<RfmGridEditor>(p => p.Add(e => e.Saved, (int v) => saved.Add(v)));
        editor.WaitForElement("[data-testid=rfm-versions]", Wait);
        Assert.Single(editor.FindAll("[data-testid=rfm-version]"));
        Assert.Contains("version 1 (configuration Rfm:*)", editor.Find("[data-testid=rfm-editor-in-use]").TextContent, StringComparison.Ordinal);

        // The first cell select is R = 5 × F = 1 (rows from R = 5, columns from F = 1).
        var cell = editor.FindComponents<MudSelect<RfmSegment>>()[0];
        await editor.InvokeAsync(() => cell.Instance.ValueChanged.InvokeAsync(RfmSegment.Promising));
        var scoring = editor.FindComponent<MudSelect<RfmFrequencyScoring>>();
        await editor.InvokeAsync(() => scoring.Instance.ValueChanged.InvokeAsync(RfmFrequencyScoring.Thresholds));
        editor.Find("button[data-testid=rfm-editor-save]").Click();
        editor.WaitForAssertion(() =>
            Assert.Contains("Dites pourquoi vous enregistrez cette version.",
            editor.Find("[data-testid=rfm-editor-error]").TextContent, StringComparison.Ordinal), Wait);
        var rfm = Services.GetRequiredService<RfmQueries>();
        Assert.Single(await rfm.GetSettingsVersionsAsync(Token));

        TypeReason(editor, "Les nouveaux clients sont d'abord prometteurs");
        editor.Find("button[data-testid=rfm-editor-save]").Click();

        editor.WaitForAssertion(() =>
            Assert.Contains("Version 2 enregistrée", editor.Find("[data-testid=rfm-editor-saved]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal([2], saved);
        Assert.Equal(2, editor.FindAll("[data-testid=rfm-version]").Count);
        Assert.Contains("Les nouveaux clients sont d'abord prometteurs",
            editor.Find("[data-testid=rfm-versions]").TextContent, StringComparison.Ordinal);
        Assert.Contains("analyste@test.local", editor.Find("[data-testid=rfm-versions]").TextContent, StringComparison.Ordinal);
        var settings = await rfm.GetSettingsAsync(Token);
        Assert.Equal((2, RfmFrequencyScoring.Thresholds, RfmSegment.Promising),
            (settings.Version, settings.FrequencyScale.Scoring, settings.Grid.SegmentOf(5, 1)));
        var scores = await rfm.ScoreAsync((await rfm.GetDefaultAnalysisDateAsync(Token))!.Value, Token);
        Assert.Equal(2, scores.Settings!.Version);
        Assert.DoesNotContain(scores.Customers, c => c.Segment == RfmSegment.NewCustomers);
        Assert.Equal(scores.Customers.Count(c => c.RecencyScore == 5 && c.FrequencyScore == 1),
            scores.Customers.Count(c => c.Segment == RfmSegment.Promising && c.RecencyScore == 5));
    }

    [Fact]
    public async Task Executive_Save_RefusedOnTheServer_NothingSaved()
    {
        SignInAs(Roles.Executive, "direction@test.local");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var editor = Render<RfmGridEditor>();
        editor.WaitForElement("[data-testid=rfm-versions]", Wait);
        var cell = editor.FindComponents<MudSelect<RfmSegment>>()[0];
        await editor.InvokeAsync(() => cell.Instance.ValueChanged.InvokeAsync(RfmSegment.Promising));
        TypeReason(editor, "essai");

        editor.Find("button[data-testid=rfm-editor-save]").Click();

        editor.WaitForAssertion(() =>
            Assert.Contains("Votre rôle ne permet pas de modifier la segmentation RFM.",
            editor.Find("[data-testid=rfm-editor-error]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Single(await Services.GetRequiredService<RfmQueries>().GetSettingsVersionsAsync(Token));
    }
}

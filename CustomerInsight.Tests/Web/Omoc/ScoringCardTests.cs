using AngleSharp.Dom;

namespace CustomerInsight.Tests.Web.Omoc;

public sealed class ScoringCardTests : BunitTestBase
{
    private const int WorkshopId = 7;
    private static readonly PopulationInfo Cashiers = new(3, "Caissiers", 120);

    private readonly List<ScoringSubmission> saves = [];
    private readonly List<int> reloads = [];

    private static AssessmentSheet Sheet(OmocScores scores, AssessmentStatus status = AssessmentStatus.Draft, int version = 2) =>
        new(11, Cashiers, scores, OmocJustifications.Empty, status, version,
            new DateTime(2026, 6, 9, 12, 0, 0, DateTimeKind.Utc), "alice@demo.local");

    private IRenderedComponent<ScoringCard> RenderCard(AssessmentSheet sheet, bool canEdit = true, OmocCommandResult? result = null) =>
        Render<ScoringCard>(p => p
            .Add(c => c.WorkshopId, WorkshopId)
            .Add(c => c.Sheet, sheet)
            .Add(c => c.CanEdit, canEdit)
            .Add(c => c.Result, result)
            .Add(c => c.OnSave, s => saves.Add(s))
            .Add(c => c.OnReload, id => reloads.Add(id)));

    private static IElement Button(IRenderedComponent<ScoringCard> card, string testId) => card.Find($"button[data-testid={testId}]");

    private static void Choose(IRenderedComponent<ScoringCard> card, OmocAxis axis, int score) =>
        card.Find($"input[type=radio][data-testid=score-{axis}-{score}]").Click();

    [Fact]
    public void Render_ThreeScores_CompleteDisabledDraftEnabled()
    {
        var card = RenderCard(Sheet(new OmocScores(4, 4, 2, null)));

        Assert.True(Button(card, "complete").HasAttribute("disabled"));
        Assert.False(Button(card, "save-draft").HasAttribute("disabled"));
    }

    [Fact]
    public void ChooseFourthScore_CompleteEnabledAndImpactShownLive()
    {
        var card = RenderCard(Sheet(new OmocScores(4, 4, 2, null)));

        Choose(card, OmocAxis.Culture, 4);

        Assert.False(Button(card, "complete").HasAttribute("disabled"));
        // The worked example of metrics.md: 4, 4, 2, 4 → 3.5, high.
        Assert.Contains("3,5", card.Find("[data-testid=impact]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Fort", card.Find("[data-testid=impact]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveDraft_PartialScores_RaisesDraftWithLoadedVersion()
    {
        var card = RenderCard(Sheet(OmocScores.Empty, version: 5));
        Choose(card, OmocAxis.Tools, 3);

        Button(card, "save-draft").Click();

        var save = Assert.Single(saves);
        Assert.Equal(AssessmentStatus.Draft, save.Status);
        Assert.Equal(new OmocScores(3, null, null, null), save.Input.Scores);
        Assert.Equal(5, save.Input.ExpectedVersion);
        Assert.Equal((WorkshopId, Cashiers.Id), (save.Input.WorkshopId, save.Input.PopulationId));
    }

    [Fact]
    public void Complete_FourScores_RaisesCompleted()
    {
        var card = RenderCard(Sheet(new OmocScores(1, 2, 3, 4)));

        Button(card, "complete").Click();

        var save = Assert.Single(saves);
        Assert.Equal(AssessmentStatus.Completed, save.Status);
        Assert.Equal(new OmocScores(1, 2, 3, 4), save.Input.Scores);
    }

    [Fact]
    public void Render_CompletedSheet_ShowsCompletedStatus()
    {
        var card = RenderCard(Sheet(new OmocScores(1, 2, 3, 4), AssessmentStatus.Completed));
        Assert.Contains("Terminé", card.Find("[data-testid=status]").TextContent, StringComparison.Ordinal);
        var draft = RenderCard(Sheet(new OmocScores(1, null, 3, 4)));
        Assert.Contains("Brouillon", draft.Find("[data-testid=status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ConflictResult_SaysWhoAndWhenAndReloadAsksThePage()
    {
        var savedAt = new DateTime(2026, 6, 9, 14, 5, 0, DateTimeKind.Utc);
        var result = OmocCommandResult.ConflictWith(new AssessmentConflict("bob@demo.local", savedAt, 3, AssessmentStatus.Draft));

        var card = RenderCard(Sheet(new OmocScores(4, 4, 2, 4)), result: result);

        var message = card.Find("[data-testid=conflict]").TextContent;
        Assert.Contains("bob@demo.local", message, StringComparison.Ordinal);
        Assert.Contains("16:05", message, StringComparison.Ordinal); // 14:05 UTC in June is 16:05 in Paris, whatever the host zone
        Assert.Contains("Rechargez", message, StringComparison.Ordinal);

        card.Find("[data-testid=reload]").Click();
        Assert.Equal([Cashiers.Id], reloads);
        Assert.Empty(saves);
    }

    [Fact]
    public void NewSheet_AfterReload_ReplacesTheUnsavedInput()
    {
        var card = RenderCard(Sheet(new OmocScores(1, 1, 1, 1)));
        Choose(card, OmocAxis.Tools, 4);

        card.Render(p => p.Add(c => c.Sheet, Sheet(new OmocScores(2, 2, 2, 2), version: 3)));
        Button(card, "save-draft").Click();

        var save = Assert.Single(saves);
        Assert.Equal(new OmocScores(2, 2, 2, 2), save.Input.Scores);
        Assert.Equal(3, save.Input.ExpectedVersion);
    }

    [Fact]
    public void Render_ReadOnly_NoEditControls()
    {
        var card = RenderCard(Sheet(new OmocScores(4, 4, 2, 4)), canEdit: false);

        Assert.Empty(card.FindAll("input[type=radio]"));
        Assert.Empty(card.FindAll("textarea"));
        Assert.Empty(card.FindAll("button[data-testid=save-draft], button[data-testid=complete]"));
        Assert.Contains("4 · Outils entièrement nouveaux", card.Find("[data-testid=score-Tools]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Axis_LabelsSayWhatOneAndFourMean()
    {
        var card = RenderCard(Sheet(OmocScores.Empty));
        var tools = card.Find("[data-testid=axis-Tools]").TextContent;
        Assert.Contains("1 · Outils inchangés ou presque", tools, StringComparison.Ordinal);
        Assert.Contains("4 · Outils entièrement nouveaux, à apprendre", tools, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Editable_EachAxisARadioGroupNamedByTheAxisWithOptionsOneToFourInOrder()
    {
        var card = RenderCard(Sheet(OmocScores.Empty));

        var group = card.Find("[data-testid=scale-Tools]");
        Assert.Equal("radiogroup", group.GetAttribute("role"));
        Assert.Equal("Outils", card.Find($"#{group.GetAttribute("aria-labelledby")}").TextContent.Trim());
        Assert.Equal(["score-Tools-1", "score-Tools-2", "score-Tools-3", "score-Tools-4"],
            group.QuerySelectorAll("input[type=radio]").Select(i => i.GetAttribute("data-testid")));
    }

    [Fact]
    public void Render_InvalidResult_ShowsTheMessages()
    {
        var result = OmocCommandResult.Refused();
        var card = RenderCard(Sheet(OmocScores.Empty), result: result);
        Assert.Contains(OmocMessages.NotAllowed.French(), card.Find("[data-testid=errors]").TextContent, StringComparison.Ordinal);
    }
}

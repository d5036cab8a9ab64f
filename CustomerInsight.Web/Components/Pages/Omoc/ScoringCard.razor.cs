using CustomerInsight.Core.Omoc;

namespace CustomerInsight.Web.Components.Pages.Omoc;

/// <summary>What a scoring card asks its page to save.</summary>
public sealed record ScoringSubmission(AssessmentInput Input, AssessmentStatus Status);

/// <summary>
/// The scoring form of one population in one workshop: a score 1–4 and a justification per axis, the impact
/// computed live, "save draft" (partial allowed) and "complete" (four scores). The page saves and hands back
/// the result; the card keeps the version it loaded so a concurrent save is reported, never overwritten.
/// </summary>
public sealed partial class ScoringCard
{
    private AssessmentSheet? loaded;
    private OmocScores scores = OmocScores.Empty;
    private OmocJustifications justifications = OmocJustifications.Empty;
    private OmocImpact impact = OmocImpact.None;

    [Parameter, EditorRequired]
    public required int WorkshopId { get; set; }

    /// <summary>The stored assessment; a new instance resets the form (after a save or a reload).</summary>
    [Parameter, EditorRequired]
    public required AssessmentSheet Sheet { get; set; }

    /// <summary>Renders the edit controls; the page's save path checks the policy again on the server.</summary>
    [Parameter]
    public bool CanEdit { get; set; }

    [Parameter]
    public bool Saving { get; set; }

    /// <summary>The result of this card's last save, when it did not succeed (errors or a conflict).</summary>
    [Parameter]
    public OmocCommandResult? Result { get; set; }

    [Parameter]
    public EventCallback<ScoringSubmission> OnSave { get; set; }

    /// <summary>Asks the page to reload this population's stored assessment (after a conflict).</summary>
    [Parameter]
    public EventCallback<int> OnReload { get; set; }

    [Inject]
    public required IStringLocalizer<OmocText> T { get; set; }

    [Inject]
    public required DisplayFormat Format { get; set; }

    private static CultureInfo Culture => CultureInfo.CurrentUICulture;

    private bool CanComplete => CanEdit && !Saving && scores.IsComplete && scores.IsValid;

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(loaded, Sheet))
        {
            loaded = Sheet;
            scores = Sheet.Scores;
            justifications = Sheet.Justifications;
            UpdateImpact();
        }
    }

    private void SetScore(OmocAxis axis, int? score)
    {
        scores = scores.With(axis, score);
        UpdateImpact();
    }

    private void SetJustification(OmocAxis axis, string? text) => justifications = justifications.With(axis, text);

    // Live: the index as it will be once saved; the "very low" flag only once completed.
    private void UpdateImpact() => impact = ImpactCalculator.Assess(scores, Sheet.Status);

    private Task SaveAsync(AssessmentStatus status) =>
        OnSave.InvokeAsync(new ScoringSubmission(new AssessmentInput(WorkshopId, Sheet.Population.Id, scores, justifications, Sheet.Version), status));

    private Task ReloadAsync() => OnReload.InvokeAsync(Sheet.Population.Id);

    private string AxisLabelId(OmocAxis axis) => $"axis-name-{WorkshopId}-{Sheet.Population.Id}-{axis}";

    private string ScoreLabel(OmocAxisDescription description, int score) => score switch
    {
        OmocScores.MinScore => $"1 · {description.ScoreOneMeans.For(Culture)}",
        OmocScores.MaxScore => $"4 · {description.ScoreFourMeans.For(Culture)}",
        _ => score.ToString(Culture),
    };

    internal string ConflictMessage(AssessmentConflict conflict) =>
        string.Format(Culture, T["ConflictMessage"], conflict.LastSavedBy ?? T["SomeoneElse"], Format.Instant(conflict.LastSavedAtUtc, "HH:mm"));

}

using CustomerInsight.Core.Omoc;
using MudBlazor;

namespace CustomerInsight.Web.Components.Pages.Omoc;

/// <summary>
/// The scoring form of one workshop: a card per population and the workshop's radar. A save replaces only
/// the saved card (other cards keep their unsaved input); a conflict is shown on the card until reloaded.
/// </summary>
public sealed partial class OmocWorkshop
{
    private WorkshopDetail? detail;
    private List<AssessmentSheet> sheets = [];
    private RadarChart radar = new(OmocAxes.All, []);
    private readonly HashSet<int> saving = [];
    private readonly Dictionary<int, OmocCommandResult> results = [];
    private bool canEdit;


    protected override async Task OnParametersSetAsync()
    {
        Loading = true;
        canEdit = await Editor.CanEditAsync();
        detail = await Queries.GetWorkshopAsync(Id);
        sheets = detail?.Sheets.ToList() ?? [];
        results.Clear();
        radar = detail?.Radar ?? new(OmocAxes.All, []);
        Breadcrumbs = detail is null
            ? [new(T["ProjectsTitle"], "/omoc")]
            : [new(T["ProjectsTitle"], "/omoc"), new(detail.Project.Name, $"/omoc/projects/{detail.Project.Id}"),
                new(detail.Workshop.Title, null, disabled: true)];
        Loading = false;
    }

    /// <summary>The save path: <see cref="OmocEditor"/> re-checks the edit policy on the server before writing.</summary>
    internal async Task SaveAsync(ScoringSubmission submission)
    {
        var populationId = submission.Input.PopulationId;
        saving.Add(populationId);
        try
        {
            var result = await Editor.SaveAssessmentAsync(submission.Input, submission.Status);
            if (result.Succeeded)
            {
                results.Remove(populationId);
                await ReplaceSheetAsync(populationId);
                Snackbar.Add(submission.Status == AssessmentStatus.Completed ? T["AssessmentCompleted"] : T["DraftSaved"], Severity.Success);
            }
            else
            {
                results[populationId] = result;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Logger.LogError(exception, "Saving the assessment of population {Population} in workshop {Workshop} failed.", populationId, Id);
            Snackbar.Add(T["SaveFailed"], Severity.Error);
        }
        finally
        {
            saving.Remove(populationId);
        }
    }

    private async Task ReloadAsync(int populationId)
    {
        results.Remove(populationId);
        await ReplaceSheetAsync(populationId);
    }

    private async Task ReplaceSheetAsync(int populationId)
    {
        var fresh = await Queries.GetAssessmentSheetAsync(Id, populationId);
        var index = sheets.FindIndex(s => s.Population.Id == populationId);
        if (fresh is null || index < 0 || detail is null)
        {
            return;
        }
        sheets[index] = fresh;
        radar = OmocChartBuilder.PopulationsRadar(sheets
            .Where(s => s.AssessmentId is not null)
            .Select(s => new ScoredAssessment(detail.Workshop, s.Population, s.Scores, s.Status)));
    }
}

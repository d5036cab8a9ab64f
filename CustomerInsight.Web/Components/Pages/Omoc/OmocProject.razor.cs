using CustomerInsight.Core.Omoc;
using MudBlazor;

namespace CustomerInsight.Web.Components.Pages.Omoc;

/// <summary>One change project: populations, workshops, latest radar, heat map, plan and flags; editing through dialogs.</summary>
public sealed partial class OmocProject
{
    private ChangeProjectDetail? detail;
    private ProjectPlanWork? work;
    private bool canEdit;

    [Inject] public required TimeProvider Clock { get; set; }
    [Inject] public required CustomerInsight.Core.Sales.BusinessCalendar Calendar { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        Loading = true;
        canEdit = await Editor.CanEditAsync();
        await LoadAsync();
        Loading = false;
    }

    private async Task LoadAsync()
    {
        detail = await Queries.GetProjectAsync(Id);
        work = detail is null ? null : await Queries.GetPlanWorkAsync(Id, Calendar.BusinessDateOf(Clock.GetUtcNow().UtcDateTime));
        Breadcrumbs = [new(T["ProjectsTitle"], "/omoc"), new(detail?.Project.Name ?? "", null, disabled: true)];
    }

    private async Task EditActionAsync((ActionNeed Need, PlanActionInfo? Action) line)
    {
        var parameters = new DialogParameters
        {
            [nameof(PlanActionDialog.Need)] = line.Need,
            [nameof(PlanActionDialog.Action)] = line.Action,
            [nameof(PlanActionDialog.Submit)] = (Func<PlanActionInput, Task<OmocCommandResult>>)(input => Editor.SavePlanActionAsync(input)),
        };
        var title = $"{line.Need.Population.Name} · {OmocAxes.Describe(line.Need.Axis).Name.For(CultureInfo.CurrentUICulture)}";
        var reference = await Dialogs.ShowAsync<PlanActionDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true,
            CloseOnEscapeKey = true });
        if (await reference.Result is { Canceled: false })
        {
            Snackbar.Add(T["Saved"].Value, Severity.Success);
            await LoadAsync();
        }
    }

    private async Task CreatePopulationAsync()
    {
        if (await Dialogs.EditAsync<PopulationDialog, PopulationInput>(T["NewPopulation"], null, input => Editor.CreatePopulationAsync(Id, input)))
        {
            Snackbar.Add(T["Saved"].Value, Severity.Success);
            await LoadAsync();
        }
    }

    private async Task EditPopulationAsync(PopulationInfo population)
    {
        var initial = new PopulationInput(population.Name, population.Headcount, population.Description, population.OrganisationUnit);
        if (await Dialogs.EditAsync<PopulationDialog, PopulationInput>(T["EditPopulation"], initial, input =>
            Editor.UpdatePopulationAsync(population.Id, input)))
        {
            Snackbar.Add(T["Saved"].Value, Severity.Success);
            await LoadAsync();
        }
    }

    private async Task DeletePopulationAsync(PopulationInfo population)
    {
        if (!await Dialogs.ConfirmAsync(T["DeletePopulation"], Text("DeletePopulationConfirm", population.Name), T["Delete"], T["Cancel"]))
        {
            return;
        }
        var result = await Editor.DeletePopulationAsync(population.Id, confirmAssessmentsDeletion: false);
        if (result.Outcome == OmocOutcome.ConfirmationRequired)
        {
            if (!await Dialogs.ConfirmAsync(T["DeletePopulation"], T.Plural("DeleteAssessmentsConfirm", result.AssessmentsToDelete), T["DeleteAll"],
                T["Cancel"]))
            {
                return;
            }
            result = await Editor.DeletePopulationAsync(population.Id, confirmAssessmentsDeletion: true);
        }
        OmocNotices.Show(Snackbar, result, T["Deleted"]);
        await LoadAsync();
    }

    private async Task CreateWorkshopAsync()
    {
        if (await Dialogs.EditAsync<WorkshopDialog, WorkshopInput>(T["NewWorkshop"], null, input => Editor.CreateWorkshopAsync(Id, input)))
        {
            Snackbar.Add(T["Saved"].Value, Severity.Success);
            await LoadAsync();
        }
    }

    private async Task EditWorkshopAsync(WorkshopInfo workshop)
    {
        var initial = new WorkshopInput(workshop.Title, workshop.Date, workshop.Phase, workshop.Facilitator, workshop.Participants);
        if (await Dialogs.EditAsync<WorkshopDialog, WorkshopInput>(T["EditWorkshop"], initial, input =>
            Editor.UpdateWorkshopAsync(workshop.Id, input)))
        {
            Snackbar.Add(T["Saved"].Value, Severity.Success);
            await LoadAsync();
        }
    }

    /// <summary>Asks once; when the workshop holds assessments the server answers how many, and a second question names that count.</summary>
    private async Task DeleteWorkshopAsync(WorkshopSummary workshop)
    {
        if (!await Dialogs.ConfirmAsync(T["DeleteWorkshop"], Text("DeleteWorkshopConfirm", workshop.Workshop.Title), T["Delete"], T["Cancel"]))
        {
            return;
        }
        var result = await Editor.DeleteWorkshopAsync(workshop.Workshop.Id, confirmAssessmentsDeletion: false);
        if (result.Outcome == OmocOutcome.ConfirmationRequired)
        {
            if (!await Dialogs.ConfirmAsync(T["DeleteWorkshop"], T.Plural("DeleteAssessmentsConfirm", result.AssessmentsToDelete), T["DeleteAll"],
                T["Cancel"]))
            {
                return;
            }
            result = await Editor.DeleteWorkshopAsync(workshop.Workshop.Id, confirmAssessmentsDeletion: true);
        }
        OmocNotices.Show(Snackbar, result, T["Deleted"]);
        await LoadAsync();
    }
}

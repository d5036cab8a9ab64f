using CustomerInsight.Core.Omoc;
using MudBlazor;

namespace CustomerInsight.Web.Components.Pages.Omoc;

/// <summary>The change projects, with create, edit and delete for change managers and admins.</summary>
public sealed partial class OmocProjects
{
    private IReadOnlyList<ChangeProjectSummary>? projects;
    private bool canEdit;

    [Inject] public required OmocQueries Queries { get; set; }
    [Inject] public required OmocEditor Editor { get; set; }

    protected override async Task OnInitializedAsync()
    {
        canEdit = await Editor.CanEditAsync();
        projects = await Queries.ListProjectsAsync();
    }

    private async Task CreateAsync()
    {
        if (await Dialogs.EditAsync<ProjectDialog, ChangeProjectInput>(T["NewProject"], null, input => Editor.CreateProjectAsync(input)))
        {
            Snackbar.Add(T["Saved"].Value, Severity.Success);
            projects = await Queries.ListProjectsAsync();
        }
    }

    private async Task EditAsync(ChangeProjectSummary project)
    {
        var details = await Queries.GetProjectAsync(project.Id);
        if (details is null)
        {
            projects = await Queries.ListProjectsAsync();
            return;
        }
        var info = details.Project;
        var initial = new ChangeProjectInput(info.Name, info.Description, info.Sponsor, info.StartDate, info.GoLiveDate);
        if (await Dialogs.EditAsync<ProjectDialog, ChangeProjectInput>(T["EditProject"], initial, input =>
            Editor.UpdateProjectAsync(project.Id, input)))
        {
            Snackbar.Add(T["Saved"].Value, Severity.Success);
            projects = await Queries.ListProjectsAsync();
        }
    }

    private async Task DeleteAsync(ChangeProjectSummary project)
    {
        var message = string.Format(System.Globalization.CultureInfo.CurrentCulture, T["DeleteProjectConfirm"], project.Name,
            T.Plural("PopulationCount", project.PopulationCount), T.Plural("WorkshopCount", project.WorkshopCount));
        if (!await Dialogs.ConfirmAsync(T["DeleteProject"], message, T["Delete"], T["Cancel"]))
        {
            return;
        }
        var result = await Editor.DeleteProjectAsync(project.Id);
        OmocNotices.Show(Snackbar, result, T["Deleted"]);
        projects = await Queries.ListProjectsAsync();
    }
}

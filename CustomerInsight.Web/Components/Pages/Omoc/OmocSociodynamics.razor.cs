using CustomerInsight.Core.Omoc;
using CustomerInsight.Web.Components.Charts;
using MudBlazor;

namespace CustomerInsight.Web.Components.Pages.Omoc;

/// <summary>
/// A project's sociodynamic map (change managers and admins: the route's policy, checked on the server): the 4 × 4 map,
/// the balance, advice per position, and the actors with their readings; adding actors and readings through dialogs.
/// </summary>
public sealed partial class OmocSociodynamics
{
    private SociodynamicMap? map;
    private ChartConfig config = null!;


    protected override async Task OnParametersSetAsync()
    {
        Loading = true;
        await LoadAsync();
        Loading = false;
    }

    private async Task LoadAsync()
    {
        // The data itself is refused to a user outside the policy, not only the route.
        map = await Editor.CanUseSociodynamicsAsync() ? await Queries.GetSociodynamicMapAsync(Id) : null;
        if (map is not null)
        {
            config = SociodynamicMapConfig.Build(map, CultureInfo.CurrentUICulture, T["Synergy"], T["Antagonism"]);
        }
        Breadcrumbs =
        [
            new(T["ProjectsTitle"], "/omoc"),
            new(map?.Project.Name ?? "", $"/omoc/projects/{Id.ToString(CultureInfo.InvariantCulture)}"),
            new(T["SociodynamicsTitle"], null, disabled: true),
        ];
    }

    private async Task AddActorAsync()
    {
        var populations = (await Queries.GetProjectAsync(Id))?.Populations ?? [];
        var onMap = map?.Actors.Select(a => a.Actor.PopulationId).OfType<int>().ToHashSet() ?? [];
        var parameters = new DialogParameters
        {
            [nameof(ActorDialog.Populations)] = populations.Where(p => !onMap.Contains(p.Id)).ToList(),
            [nameof(ActorDialog.Submit)] = (Func<SociodynamicActorInput, Task<OmocCommandResult>>)(input => Editor.CreateActorAsync(Id, input)),
        };
        if (await ShowAsync<ActorDialog>(T["NewActor"], parameters))
        {
            Snackbar.Add(T["Saved"].Value, Severity.Success);
            await LoadAsync();
        }
    }

    private async Task AssessAsync(SociodynamicActorState actor)
    {
        var parameters = new DialogParameters
        {
            [nameof(SociodynamicAssessmentDialog.Actor)] = actor,
            [nameof(SociodynamicAssessmentDialog.Submit)] = (Func<SociodynamicAssessmentInput, Task<OmocCommandResult>>)(input =>
                Editor.AssessActorAsync(input)),
        };
        if (await ShowAsync<SociodynamicAssessmentDialog>(string.Format(CultureInfo.CurrentCulture, T["AssessActorTitle"], actor.Actor.Name),
            parameters))
        {
            Snackbar.Add(T["Saved"].Value, Severity.Success);
            await LoadAsync();
        }
    }

    private async Task<bool> ShowAsync<TDialog>(string title, DialogParameters parameters) where TDialog : IComponent
    {
        var reference = await Dialogs.ShowAsync<TDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true,
            CloseOnEscapeKey = true });
        return await reference.Result is { Canceled: false };
    }
}

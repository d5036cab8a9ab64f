using CustomerInsight.Core.Omoc;
using MudBlazor;

namespace CustomerInsight.Web.Components.Pages.Omoc;

/// <summary>
/// What the pages of one OMOC item (a project, its workshop, its sociodynamic map) share: the item's id from the route,
/// the OMOC reads, the editor (every change re-checked on the server), the snackbar, the texts, the loading flag and
/// the breadcrumbs. A page says <c>@inherits OmocPage</c>.
/// </summary>
public abstract class OmocPage : ActionComponent<OmocText>
{
    [Parameter] public int Id { get; set; }

    [Inject] public required OmocQueries Queries { get; set; }
    [Inject] public required OmocEditor Editor { get; set; }

    /// <summary>True until the item is read (the page shows a progress bar).</summary>
    protected bool Loading { get; set; } = true;

    protected List<BreadcrumbItem> Breadcrumbs { get; set; } = [];
}

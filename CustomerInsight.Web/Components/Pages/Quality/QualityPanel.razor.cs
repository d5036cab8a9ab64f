using CustomerInsight.Core.Quality;

namespace CustomerInsight.Web.Components.Pages.Quality;

/// <summary>The quality tab: scopes worst first, the selected scope's figures worst first, the customers behind a figure.</summary>
public sealed partial class QualityPanel
{
    private QualityReport? report;
    private QualityScope? current;
    private string? openedCode;
    private QualityCustomers? behind;
    private bool error;

    [Inject] public required QualityActions Actions { get; set; }
    [Inject] public required ILogger<QualityPanel> Logger { get; set; }

    private IEnumerable<QualityScope> Scopes => new[] { report!.Overall }.Concat(report.ByFormat);

    protected override async Task OnInitializedAsync()
    {
        error = !await PageLoad.TryAsync(Logger, "Quality figures", async () =>
        {
            report = await Actions.QualityAsync();
            current = report.Overall;
        });
    }

    private string ScopeName(QualityScope scope) =>
        ReferenceEquals(scope, report!.Overall) ? T["ScopeAll"] : T["Format_" + (scope.Format ?? "none")];

    private void Select(QualityScope scope)
    {
        current = scope;
        Close();
    }

    private async Task OpenAsync(QualityFigure figure)
    {
        openedCode = figure.Code;
        behind = null;
        var format = ReferenceEquals(current, report!.Overall) ? null : current!.Format ?? "";
        behind = await Actions.BehindAsync(figure.Code, format);
    }

    private void Close()
    {
        openedCode = null;
        behind = null;
    }
}

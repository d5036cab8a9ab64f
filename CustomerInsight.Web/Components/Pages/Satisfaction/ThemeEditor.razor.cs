using CustomerInsight.Core.Surveys.Themes;

namespace CustomerInsight.Web.Components.Pages.Satisfaction;

/// <summary>
/// The theme editor (analysts, admins): the set in use as editable drafts, the live match count of each theme
/// over the latest comments, and a save that writes a new version (who, when, why). The save re-checks the
/// ThemeEdit policy on the server, whatever the page rendered.
/// </summary>
public sealed partial class ThemeEditor : IDisposable
{
    private readonly CancellationTokenSource disposed = new();
    private ThemeSet? current;
    private List<ThemeDraft> drafts = [];
    private int? selected;
    private ThemeMatchCounts? counts;
    private IReadOnlyList<ThemeSetVersionInfo> versions = [];
    private IReadOnlyList<string> errors = [];
    private string? reason;
    private int? saved;
    private bool busy;
    private bool loadError;

    [Inject] public required ThemeQueries Themes { get; set; }
    [Inject] public required CircuitAccess Access { get; set; }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() =>
        loadError = !await PageLoad.TryAsync(Logger, "The theme editor", async () =>
        {
            current = await Themes.GetCurrentAsync(disposed.Token);
            drafts = current.Themes.Select(ThemeDraft.From).ToList();
            versions = await Themes.GetVersionsAsync(disposed.Token);
            selected = drafts.Count > 0 ? 0 : null;
            await RecountAsync();
        }, leaving: disposed.Token);

    private async Task RecountAsync() =>
        counts = await Themes.CountMatchesAsync(drafts.Select(d => d.ToDefinition()).ToList(), disposed.Token);

    private void Select(int index)
    {
        selected = index;
        saved = null;
    }

    private async Task Change(Action edit, bool recount = true)
    {
        edit();
        saved = null;
        if (recount)
        {
            await RecountAsync();
        }
    }

    private async Task AddAsync()
    {
        drafts.Add(new ThemeDraft { IsNew = true });
        selected = drafts.Count - 1;
        saved = null;
        await RecountAsync();
    }

    private async Task RemoveAsync(int index)
    {
        drafts.RemoveAt(index);
        selected = drafts.Count == 0 ? null : Math.Min(index, drafts.Count - 1);
        saved = null;
        await RecountAsync();
    }

    private async Task SaveAsync()
    {
        if (current is null || busy)
        {
            return;
        }
        busy = true;
        saved = null;
        try
        {
            await Access.RunAsync(Policies.ThemeEdit, Logger, "Theme set save", async user =>
            {
                var keys = drafts.Where(d => !d.IsNew).Select(d => d.Key).ToList();
                foreach (var draft in drafts.Where(d => d.IsNew))
                {
                    draft.Key = ThemeSets.NewKey(draft.NameFr, keys);
                    keys.Add(draft.Key);
                }
                var definitions = drafts.Select(d => d.ToDefinition()).ToList();
                var result = await Themes.SaveAsync(definitions, current.Version, reason, user, disposed.Token);
                if (result.Saved)
                {
                    errors = [];
                    reason = null;
                    var index = selected;
                    await LoadAsync();
                    selected = index is { } i && i < drafts.Count ? i : selected;
                    saved = result.Version;
                }
                else
                {
                    errors = result.Errors.Select(Describe).ToList();
                }
            }, m => errors = [m], new(T["NotAllowedSave"], T["SaveFailed"]));
        }
        finally
        {
            busy = false;
        }
    }

    private string Describe(ThemeError error)
    {
        var theme = error.Theme is { } i && i < drafts.Count ? $"{i + 1} ({DraftName(drafts[i])})" : "";
        return string.Format(CultureInfo.CurrentCulture, T["Error_" + error.Code], theme, error.Term);
    }

    private string DraftName(ThemeDraft draft)
    {
        var name = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? draft.NameEn : draft.NameFr;
        return string.IsNullOrWhiteSpace(name) ? T["Unnamed"] : name;
    }

    private string CountOf(int index) =>
        counts is not null && index < counts.PerTheme.Count ? DisplayFormat.Count(counts.PerTheme[index]) : DisplayFormat.NotAvailable;

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }

    /// <summary>A theme being edited: terms as typed, one per line.</summary>
    private sealed class ThemeDraft
    {
        public string Key { get; set; } = "";
        public bool IsNew { get; init; }
        public string NameFr { get; set; } = "";
        public string NameEn { get; set; } = "";
        public string TermsFr { get; set; } = "";
        public string TermsEn { get; set; } = "";

        public int TermCount => ThemeSets.ParseLines(TermsFr).Count + ThemeSets.ParseLines(TermsEn).Count;

        public static ThemeDraft From(ThemeDefinition theme) => new()
        {
            Key = theme.Key,
            NameFr = theme.NameFr,
            NameEn = theme.NameEn,
            TermsFr = string.Join('\n', theme.TermsFr),
            TermsEn = string.Join('\n', theme.TermsEn),
        };

        public ThemeDefinition ToDefinition() =>
            new(Key, NameFr, NameEn, ThemeSets.ParseLines(TermsFr), ThemeSets.ParseLines(TermsEn));
    }
}

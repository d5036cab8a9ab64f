using MudBlazor;

namespace CustomerInsight.Web.Components.Shared;

/// <summary>
/// What a page or panel that shows texts and runs actions takes from the app besides its own services: its texts
/// (<typeparamref name="TText"/>'s .resx pair), the shared texts, the display formats, the snackbar, the dialogs and a
/// logger named after the component. A component says <c>@inherits ActionComponent&lt;TText&gt;</c> and injects only
/// what is its own.
/// </summary>
public abstract class ActionComponent<TText> : ComponentBase
{
    private ILogger? logger;

    [Inject] public required IStringLocalizer<TText> T { get; set; }
    [Inject] public required IStringLocalizer<SharedText> Shared { get; set; }
    [Inject] public required DisplayFormat Format { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required IDialogService Dialogs { get; set; }
    [Inject] public required ILoggerFactory LoggerFactory { get; set; }

    /// <summary>The component's logger (category: its type), for <see cref="CircuitAction"/> and <see cref="PageLoad"/>.</summary>
    protected ILogger Logger => logger ??= LoggerFactory.CreateLogger(GetType());

    /// <summary>The text <paramref name="key"/> with its arguments, in the current culture.</summary>
    protected string Text(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, T[key], args);
}

using CustomerInsight.Core.Omoc;

namespace CustomerInsight.Web.Components.Pages.Omoc;

/// <summary>The messages of a failed command, by field, in the UI language: what the dialogs show under their inputs.</summary>
public sealed class OmocFormErrors
{
    private IReadOnlyList<OmocError> errors = [];

    public void Set(OmocCommandResult result) => errors = result.Succeeded ? [] : result.Errors;

    public void Clear() => errors = [];

    public bool Has(string field) => errors.Any(e => e.Field == field);

    public string? For(string field) =>
        Has(field) ? string.Join(" ", errors.Where(e => e.Field == field).Select(e => e.Message.For(CultureInfo.CurrentUICulture))) : null;

    /// <summary>Messages not tied to one of the form's fields (not found, not allowed, …).</summary>
    public IEnumerable<string> General(params string[] fields) =>
        errors.Where(e => !fields.Contains(e.Field)).Select(e => e.Message.For(CultureInfo.CurrentUICulture));
}

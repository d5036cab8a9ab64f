using System.Text.RegularExpressions;
using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Reporting;

namespace CustomerInsight.Web.Components.Pages.Audit;

/// <summary>
/// Says an audit entry in words, in the user's language: the action's name, the target by what users see (an
/// account's e-mail or "deleted account", a customer's source id or pseudonym, an import's file and format, an OMOC
/// project's name…) and the details (purpose and status, field names, period…). The log keeps its codes and ids;
/// the names are read when shown (<see cref="AuditQueries.GetNamesAsync"/>). The page and the audit workbook share it.
/// </summary>
public sealed partial class AuditDescriber(
    IStringLocalizer<PrivacyText> t,
    IStringLocalizer<SharedText> shared,
    IStringLocalizer<ImportText> import,
    IStringLocalizer<ExportsText> exports)
{
    /// <summary>An action's name; its code when the code is not a known one.</summary>
    public string Action(string code) => t["AuditAction_" + code] is { ResourceNotFound: false } label ? label : code;

    /// <summary>Whether the action code has a name in the resources (a test checks every code the app writes).</summary>
    public bool HasName(string code) => !t["AuditAction_" + code].ResourceNotFound;

    /// <summary>Who: the account's name, or the command line, or "unknown account".</summary>
    public string User(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        if (userName == Account.AccountAudit.UnknownAccount)
        {
            return t["AuditUser_Unknown"];
        }
        if (userName == "create-admin")
        {
            return t["AuditUser_CreateAdmin"];
        }
        return userName.StartsWith("cli:", StringComparison.Ordinal)
            ? string.Format(CultureInfo.CurrentCulture, t["AuditUser_Cli"], userName["cli:".Length..])
            : userName;
    }

    public string Target(string? target, AuditNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var parsed = AuditTarget.Parse(target);
        return parsed.Kind switch
        {
            AuditTargetKind.None => "",
            AuditTargetKind.Customer => names.Customers.TryGetValue(parsed.CustomerId!.Value, out var customer)
                ? Format(customer.Erased ? "AuditTarget_ErasedCustomer" : "AuditTarget_Customer", customer.SourceId)
                : Format("AuditTarget_CustomerGone", parsed.CustomerId),
            AuditTargetKind.User => names.Users.TryGetValue(parsed.UserId!, out var user)
                ? Format("AuditTarget_User", user)
                : t["AuditTarget_DeletedAccount"],
            AuditTargetKind.ImportBatch => names.Batches.TryGetValue(parsed.BatchId!.Value, out var batch)
                ? Format("AuditTarget_Import", parsed.BatchId, batch.FileName, FormatName(batch.Format))
                : Format("AuditTarget_ImportGone", parsed.BatchId),
            AuditTargetKind.Report when parsed.Report == "omoc" => Format("AuditTarget_Report_omoc", Project(parsed.ProjectId!.Value, names)),
            AuditTargetKind.Report => t["AuditTarget_Report_" + parsed.Report] is { ResourceNotFound: false } report ? report : parsed.Report!,
            AuditTargetKind.OmocProject => string.Join(" › ", new[]
                {
                    Format("AuditTarget_Project", Project(parsed.ProjectId!.Value, names)),
                    parsed.WorkshopId is { } w ? Format("AuditTarget_Workshop", Named(names.Workshops, w)) : null,
                    parsed.PopulationId is { } p ? Format("AuditTarget_Population", Named(names.Populations, p)) : null,
                }.Where(part => part is not null)),
            _ when target!.StartsWith("themes:v", StringComparison.Ordinal) => Format("AuditTarget_Themes", target["themes:v".Length..]),
            _ => target ?? "",
        };
    }

    /// <summary>The details of an entry of <paramref name="action"/> in words; as stored when their form is not a known one.</summary>
    public string Details(string action, string? details)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (string.IsNullOrWhiteSpace(details))
        {
            return "";
        }
        return action switch
        {
            PrivacyCommands.ConsentAction when details.Split(' ') is [var purpose, var status]
                && Enum.TryParse<ConsentPurpose>(purpose, out var p) && Enum.TryParse<ConsentStatus>(status, out var s)
                => t.Labelled(shared["Purpose_" + p], t["Status_" + s]),
            PrivacyCommands.RectifyAction => string.Join(", ", details.Split(',').Select(f => t[f.Trim()].Value)),
            CustomerErasure.AuditAction => Format("AuditDetails_Pseudonym", details),
            RetentionPurge.AuditAction when PurgeDetails().Match(details) is { Success: true } m
                => Format("AuditDetails_Purge", int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Date(m.Groups[2].Value)),
            _ when action.StartsWith("import", StringComparison.Ordinal) && details.IndexOf(": ", StringComparison.Ordinal) is > 0 and var colon
                => t.Labelled(FormatName(details[..colon]), details[(colon + 2)..]),
            ExcelExports.AuditAction or "privacy.export" when details.Contains('=', StringComparison.Ordinal) => ExportDetails(details),
            "user.create" or "role.grant" when details.StartsWith("role ", StringComparison.Ordinal) =>
                t.Labelled(t["AuditDetails_Role"], Role(details[5..])),
            "user.role" when details.Split(" -> ") is [var from, var to] => t.Labelled(t["AuditDetails_Role"], $"{Roles(from)} → {Role(to)}"),
            _ when action.StartsWith("omoc.assessment", StringComparison.Ordinal) => KeyValues(details, ';'),
            _ when action.StartsWith("themes.", StringComparison.Ordinal) => KeyValues(details, ';'),
            _ when action.StartsWith("auth.", StringComparison.Ordinal) && t["AuditReason_" + details] is { ResourceNotFound: false } reason =>
                reason,
            _ => details,
        };
    }

    /// <summary>The audit page's row as the page and the workbook show it.</summary>
    public AuditLogLine Line(AuditRow row, AuditNames names)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new AuditLogLine(row.AtUtc, User(row.UserName), Action(row.Action), row.Action, Target(row.Target, names),
            Details(row.Action, row.Details), row.RowCount);
    }

    private string ExportDetails(string details) => KeyValues(details, ';');

    /// <summary>"key=value; key=value" with known keys in words (report and ids are the target's job).</summary>
    private string KeyValues(string details, char separator)
    {
        var parts = new List<string>();
        var values = details.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1]);
        if (values.Count == 0)
        {
            return details;
        }
        foreach (var (key, value) in values)
        {
            var text = key switch
            {
                "report" or "customer" or "project" => null,
                "from" when values.TryGetValue("to", out var to) && Day(value) is { } f && Day(to) is { } end
                    => t.Labelled(t["AuditKey_period"], $"{f.ToString("d", CultureInfo.CurrentCulture)} – {end.AddDays(-1).ToString("d",
                        CultureInfo.CurrentCulture)}"),
                "to" when values.ContainsKey("from") => null,
                "channel" => t.Labelled(t["AuditKey_channel"], value == "all" ? t["AuditValue_allChannels"] : exports["Channel_" + value]),
                "personalData" => t[value == "yes" ? "AuditValue_personalData" : "AuditValue_noPersonalData"],
                "status" => t.Labelled(t["AuditKey_status"], t["AuditValue_status_" + value] is { ResourceNotFound: false } s ? s : value),
                "action" => t.Labelled(t["AuditKey_action"], Action(value)),
                "date" or "from" or "to" when Day(value) is { } d => t.Labelled(t["AuditKey_" + key], d.ToString("d", CultureInfo.CurrentCulture)),
                _ when t["AuditKey_" + key] is { ResourceNotFound: false } label => t.Labelled(label, value),
                _ => $"{key}={value}",
            };
            if (text is not null)
            {
                parts.Add(text);
            }
        }
        return string.Join(" · ", parts);
    }

    private string Format(string key, params object?[] values) => string.Format(CultureInfo.CurrentCulture, t[key], values);

    private string FormatName(string code) => import["Format_" + code] is { ResourceNotFound: false } name ? name : code;

    private string Role(string role) => shared["Role_" + role.Trim()] is { ResourceNotFound: false } name ? name : role;

    private string Roles(string roles) => roles.Length == 0 ? t["AuditValue_noRole"] : string.Join(", ", roles.Split(',').Select(Role));

    private string Project(int id, AuditNames names) => Named(names.Projects, id);

    private string Named(IReadOnlyDictionary<int, string> names, int id) =>
        names.TryGetValue(id, out var name) ? Format("AuditTarget_Quoted", name) : Format("AuditTarget_Deleted", id);

    private static string Date(string iso) => Day(iso) is { } day ? day.ToString("d", CultureInfo.CurrentCulture) : iso;

    private static DateOnly? Day(string iso) => IsoDate.Parse(iso);

    [GeneratedRegex(@"^retention (\d+) months, cutoff (\d{4}-\d{2}-\d{2})$")]
    private static partial Regex PurgeDetails();
}

using System.Globalization;

namespace CustomerInsight.Core.Auditing;

public enum AuditTargetKind
{
    None,
    Customer,
    User,
    ImportBatch,
    Report,
    OmocProject,
    Other,
}

/// <summary>
/// What an audit entry's target names, parsed from the codes the log stores (<c>customer:12</c>, <c>user:&lt;id&gt;</c>,
/// <c>batch 7</c>, <c>kpi</c>, <c>omoc:3</c>, <c>project:1/workshop:2/population:3</c>), so that the pages can say it in words.
/// </summary>
/// <param name="Report">For <see cref="AuditTargetKind.Report"/>: the report code (<c>kpi</c>, <c>rfm</c>, <c>omoc</c>, <c>audit</c>…).</param>
public sealed record AuditTarget(
    AuditTargetKind Kind,
    string? Raw,
    int? CustomerId = null,
    string? UserId = null,
    int? BatchId = null,
    string? Report = null,
    int? ProjectId = null,
    int? WorkshopId = null,
    int? PopulationId = null)
{
    public static AuditTarget Parse(string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return new AuditTarget(AuditTargetKind.None, target);
        }
        if (target.StartsWith("customer:", StringComparison.Ordinal) && Int(target["customer:".Length..]) is { } customer)
        {
            return new AuditTarget(AuditTargetKind.Customer, target, CustomerId: customer);
        }
        if (target.StartsWith("user:", StringComparison.Ordinal) && target.Length > "user:".Length)
        {
            return new AuditTarget(AuditTargetKind.User, target, UserId: target["user:".Length..]);
        }
        if (target.StartsWith("batch ", StringComparison.Ordinal) && Int(target["batch ".Length..]) is { } batch)
        {
            return new AuditTarget(AuditTargetKind.ImportBatch, target, BatchId: batch);
        }
        if (target.StartsWith("omoc:", StringComparison.Ordinal) && Int(target["omoc:".Length..]) is { } omoc)
        {
            return new AuditTarget(AuditTargetKind.Report, target, Report: "omoc", ProjectId: omoc);
        }
        if (target.StartsWith("project:", StringComparison.Ordinal))
        {
            int? project = null, workshop = null, population = null;
            foreach (var part in target.Split('/'))
            {
                var colon = part.IndexOf(':', StringComparison.Ordinal);
                var id = colon > 0 ? Int(part[(colon + 1)..]) : null;
                switch (colon > 0 ? part[..colon] : "")
                {
                    case "project": project = id; break;
                    case "workshop": workshop = id; break;
                    case "population": population = id; break;
                    default: return new AuditTarget(AuditTargetKind.Other, target);
                }
            }
            return project is null ? new AuditTarget(AuditTargetKind.Other, target) : new AuditTarget(AuditTargetKind.OmocProject, target,
                ProjectId: project, WorkshopId: workshop, PopulationId: population);
        }
        if (target.All(c => char.IsAsciiLetterLower(c) || c == '-'))
        {
            return new AuditTarget(AuditTargetKind.Report, target, Report: target);
        }
        return new AuditTarget(AuditTargetKind.Other, target);
    }

    private static int? Int(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}

/// <summary>The names behind the ids of a set of audit targets, read at display time (the log itself keeps ids only).</summary>
public sealed record AuditNames(
    IReadOnlyDictionary<string, string> Users,
    IReadOnlyDictionary<int, AuditCustomerName> Customers,
    IReadOnlyDictionary<int, AuditBatchName> Batches,
    IReadOnlyDictionary<int, string> Projects,
    IReadOnlyDictionary<int, string> Workshops,
    IReadOnlyDictionary<int, string> Populations)
{
    public static AuditNames Empty { get; } = new(
        new Dictionary<string, string>(), new Dictionary<int, AuditCustomerName>(), new Dictionary<int, AuditBatchName>(),
        new Dictionary<int, string>(), new Dictionary<int, string>(), new Dictionary<int, string>());
}

/// <summary>A customer as the audit page names it: its current source id (a pseudonym once erased).</summary>
public sealed record AuditCustomerName(string SourceId, bool Erased);

/// <summary>An import as the audit page names it: its file and format code.</summary>
public sealed record AuditBatchName(string FileName, string Format);

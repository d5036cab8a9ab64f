using CustomerInsight.Core.Text;
namespace CustomerInsight.Core.Omoc;

/// <summary>The impact index of a unit's latest completed assessment in one project (null: unscored, not counted).</summary>
public sealed record UnitProjectImpact(int UnitId, ChangeProjectInfo Project, decimal? ImpactIndex);

public sealed record OrganisationUnitInfo(int Id, string Name);

/// <summary>One project behind a cell, with the impact index it adds.</summary>
public sealed record ChangeLoadContribution(ChangeProjectInfo Project, decimal ImpactIndex);

/// <summary>A unit in a month: the load, the projects behind it, and whether it reaches the threshold.</summary>
public sealed record ChangeLoadCell(DateOnly Month, decimal Load, IReadOnlyList<ChangeLoadContribution> Projects, bool Saturated);

public sealed record ChangeLoadRow(OrganisationUnitInfo Unit, IReadOnlyList<ChangeLoadCell> Cells);

/// <summary>Units × months (first day of each month, ascending).</summary>
public sealed record SaturationMap(IReadOnlyList<DateOnly> Months, IReadOnlyList<ChangeLoadRow> Rows, decimal Threshold);

/// <summary>The change load and saturation of metrics.md "Change saturation (across projects)".</summary>
public static class ChangeLoadCalculator
{
    public const decimal DefaultThreshold = 6.0m;
    public const int MonthsAfterGoLive = 3;

    /// <summary>The end (exclusive) of a project's window [start date, go-live + 3 months).</summary>
    public static DateOnly WindowEnd(ChangeProjectInfo project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return project.GoLiveDate.AddMonths(MonthsAfterGoLive);
    }

    /// <summary>True when the project's window and the calendar month of <paramref name="month"/> share at least one day.</summary>
    public static bool Overlaps(ChangeProjectInfo project, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(project);
        var monthStart = new DateOnly(month.Year, month.Month, 1);
        return project.StartDate < monthStart.AddMonths(1) && WindowEnd(project) > monthStart;
    }

    /// <summary>The load of one unit in one month: the sum of the scored projects' indexes whose window overlaps the month.</summary>
    public static ChangeLoadCell Cell(IEnumerable<UnitProjectImpact> unitImpacts, DateOnly month, decimal threshold)
    {
        ArgumentNullException.ThrowIfNull(unitImpacts);
        var monthStart = new DateOnly(month.Year, month.Month, 1);
        var projects = unitImpacts
            .Where(i => i.ImpactIndex is not null && Overlaps(i.Project, monthStart))
            .OrderBy(i => i.Project.StartDate).ThenBy(i => i.Project.Id)
            .Select(i => new ChangeLoadContribution(i.Project, i.ImpactIndex!.Value))
            .ToList();
        var load = projects.Sum(p => p.ImpactIndex);
        return new ChangeLoadCell(monthStart, load, projects, load >= threshold);
    }

    /// <summary>
    /// The heat map of the units given (name order), over every month from the earliest start to the latest
    /// window end of the projects they take part in; no month when no project has a window.
    /// </summary>
    public static SaturationMap Build(IEnumerable<OrganisationUnitInfo> units, IEnumerable<UnitProjectImpact> impacts, decimal threshold)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(impacts);
        var all = impacts.ToList();
        var months = new List<DateOnly>();
        if (all.Count > 0)
        {
            var first = all.Min(i => i.Project.StartDate);
            var end = all.Max(i => WindowEnd(i.Project));
            for (var m = new DateOnly(first.Year, first.Month, 1); m < end; m = m.AddMonths(1))
            {
                months.Add(m);
            }
        }
        var byUnit = all.ToLookup(i => i.UnitId);
        var rows = units
            .OrderBy(u => u.Name, StringComparer.CurrentCulture).ThenBy(u => u.Id)
            .Select(u => new ChangeLoadRow(u, months.Select(m => Cell(byUnit[u.Id], m, threshold)).ToList()))
            .ToList();
        return new SaturationMap(months, rows, threshold);
    }
}

/// <summary>Rules of the accompaniment plan's actions.</summary>
public static class PlanActionRules
{
    public const int OwnerMaxLength = 200;

    /// <summary>Late: not done and due before <paramref name="today"/>.</summary>
    public static bool IsLate(PlanActionStatus status, DateOnly dueDate, DateOnly today) =>
        status != PlanActionStatus.Done && dueDate < today;

    public static LocalizedText StatusName(PlanActionStatus status) => status switch
    {
        PlanActionStatus.Planned => new("Omoc.Planned"),
        PlanActionStatus.InProgress => new("Omoc.InProgress"),
        PlanActionStatus.Done => new("Omoc.Done"),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };
}

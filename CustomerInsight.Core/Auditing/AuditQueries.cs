using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Auditing;

/// <summary>Filters of the audit log page; null means any. <see cref="ToUtc"/> is exclusive.</summary>
public sealed record AuditFilter(string? Action = null, string? UserName = null, DateTime? FromUtc = null, DateTime? ToUtc = null);

/// <summary>One audit entry as shown (the log holds ids and pseudonyms only, never personal data).</summary>
public sealed record AuditRow(long Id, DateTime AtUtc, string UserName, string Action, string? Target, string? Details, int? RowCount);

public sealed record AuditPage(int Total, IReadOnlyList<AuditRow> Rows);

/// <summary>Reads the audit log, newest first, filtered and paged in SQL.</summary>
public sealed class AuditQueries(IDbContextFactory<InsightDbContext> factory)
{
    public const int MaxPageSize = 200;

    public async Task<AuditPage> GetPageAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        take = Math.Clamp(take, 1, MaxPageSize);
        skip = Math.Max(0, skip);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip(skip).Take(take)
            .Select(a => new AuditRow(a.Id, a.AtUtc, a.UserName, a.Action, a.Target, a.Details, a.RowCount))
            .ToListAsync(cancellationToken);
        return new AuditPage(total, rows);
    }

    /// <summary>Every entry matching <paramref name="filter"/>, newest first (the audit workbook), at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<AuditRow>> GetAllAsync(AuditFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Filtered(db, filter).OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Take(limit)
            .Select(a => new AuditRow(a.Id, a.AtUtc, a.UserName, a.Action, a.Target, a.Details, a.RowCount))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The names behind the targets of <paramref name="rows"/>: accounts (e-mail), customers (current source id or
    /// pseudonym), imports (file and format), OMOC projects, workshops and populations. Ids no longer found are absent.
    /// </summary>
    public async Task<AuditNames> GetNamesAsync(IEnumerable<AuditRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var targets = rows.Select(r => AuditTarget.Parse(r.Target)).ToList();
        if (targets.All(t => t.Kind is AuditTargetKind.None or AuditTargetKind.Other))
        {
            return AuditNames.Empty;
        }
        var users = targets.Where(t => t.UserId is not null).Select(t => t.UserId!).Distinct().ToList();
        var customers = targets.Where(t => t.CustomerId is not null).Select(t => t.CustomerId!.Value).Distinct().ToList();
        var batches = targets.Where(t => t.BatchId is not null).Select(t => t.BatchId!.Value).Distinct().ToList();
        var projects = targets.Where(t => t.ProjectId is not null).Select(t => t.ProjectId!.Value).Distinct().ToList();
        var workshops = targets.Where(t => t.WorkshopId is not null).Select(t => t.WorkshopId!.Value).Distinct().ToList();
        var populations = targets.Where(t => t.PopulationId is not null).Select(t => t.PopulationId!.Value).Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return new AuditNames(
            await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName ?? u.Id,
                cancellationToken),
            await db.Customers.AsNoTracking().Where(c => customers.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => new AuditCustomerName(c.SourceId, c.ErasedAtUtc != null), cancellationToken),
            await db.ImportBatches.AsNoTracking().Where(b => batches.Contains(b.Id))
                .ToDictionaryAsync(b => b.Id, b => new AuditBatchName(b.FileName, b.Format), cancellationToken),
            await db.ChangeProjects.AsNoTracking().Where(p => projects.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken),
            await db.Workshops.AsNoTracking().Where(w => workshops.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Title, cancellationToken),
            await db.Populations.AsNoTracking().Where(p => populations.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken));
    }

    private static IQueryable<AuditEntry> Filtered(InsightDbContext db, AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            query = query.Where(a => a.Action == action);
        }
        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            var user = filter.UserName.Trim();
            query = query.Where(a => a.UserName.Contains(user));
        }
        if (filter.FromUtc is { } from)
        {
            query = query.Where(a => a.AtUtc >= from);
        }
        if (filter.ToUtc is { } to)
        {
            query = query.Where(a => a.AtUtc < to);
        }
        return query;
    }

    /// <summary>The distinct action codes present, for the filter.</summary>
    public async Task<IReadOnlyList<string>> GetActionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
    }
}

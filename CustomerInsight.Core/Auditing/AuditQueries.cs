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
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip(skip).Take(take)
            .Select(a => new AuditRow(a.Id, a.AtUtc, a.UserName, a.Action, a.Target, a.Details, a.RowCount))
            .ToListAsync(cancellationToken);
        return new AuditPage(total, rows);
    }

    /// <summary>The distinct action codes present, for the filter.</summary>
    public async Task<IReadOnlyList<string>> GetActionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
    }
}

using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Auditing;

/// <summary>Appends entries to the audit log, each in its own short context.</summary>
public sealed class AuditLog(IDbContextFactory<InsightDbContext> contextFactory, TimeProvider clock)
{
    public async Task WriteAsync(string userName, string action, string? target = null, string? details = null,
        int? rowCount = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(NewEntry(userName, action, target, details, rowCount));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Builds an entry to be saved inside the caller's own transaction.</summary>
    public AuditEntry NewEntry(string userName, string action, string? target = null, string? details = null, int? rowCount = null) => new()
    {
        AtUtc = clock.GetUtcNow().UtcDateTime,
        UserName = userName,
        Action = action,
        Target = target,
        Details = details,
        RowCount = rowCount,
    };
}

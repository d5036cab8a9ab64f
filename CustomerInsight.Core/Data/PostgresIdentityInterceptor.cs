using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerInsight.Core.Data;

/// <summary>
/// PostgreSQL: a SaveChanges that inserted rows with explicit ids (an undone merge gives records their ids back; the
/// demo seeder and tests write known ids) moves the identity sequences of those tables past the largest id, so the
/// next generated id does not collide. SQLite needs nothing (its next rowid is the largest + 1).
/// </summary>
internal sealed class PostgresIdentityInterceptor : SaveChangesInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, HashSet<string>> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && pending.TryGetValue(db, out var tables))
        {
            pending.Remove(db);
            // SaveChanges closed the connection it opened: open it again (EF leaves a connection the caller opened open).
            db.Database.OpenConnection();
            try
            {
                PostgresProvider.SyncIdentities(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), tables);
            }
            finally
            {
                db.Database.CloseConnection();
            }
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && pending.TryGetValue(db, out var tables))
        {
            pending.Remove(db);
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await PostgresProvider.Instance.SyncIdentitiesAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(),
                    tables, cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? db)
    {
        if (db is not null)
        {
            pending.Remove(db);
        }
    }

    /// <summary>The tables of added entities whose generated integer key was given a value.</summary>
    private void Collect(DbContext? db)
    {
        if (db is null)
        {
            return;
        }
        HashSet<string>? tables = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added || !HasExplicitGeneratedKey(entry))
            {
                continue;
            }
            if (entry.Metadata.GetTableName() is { } table)
            {
                (tables ??= new HashSet<string>(StringComparer.Ordinal)).Add(table);
            }
        }
        if (tables is not null)
        {
            pending.AddOrUpdate(db, tables);
        }
    }

    private static bool HasExplicitGeneratedKey(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is not { Properties: [var property] } || property.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never
            || property.GetColumnName() != "Id")
        {
            return false;
        }
        var value = entry.Property(property.Name);
        return !value.IsTemporary && value.CurrentValue is int and not 0 or long and not 0;
    }
}

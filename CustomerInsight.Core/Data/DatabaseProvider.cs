using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CustomerInsight.Core.Data;

/// <summary>
/// What the features need from the database engine beyond EF Core's LINQ: the few statements that differ from one
/// provider to another. Nothing outside the Data folder writes provider-specific SQL; it asks the provider of its
/// context (<see cref="Of(DatabaseFacade)"/>). Implementations: <see cref="SqliteProvider"/> and <see cref="PostgresProvider"/>.
/// </summary>
public abstract class DatabaseProvider
{
    /// <summary>The provider of <paramref name="database"/>'s connection.</summary>
    public static DatabaseProvider Of(DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.ProviderName switch
        {
            SqliteProvider.EfProviderName => SqliteProvider.Instance,
            PostgresProvider.EfProviderName => PostgresProvider.Instance,
            var other => throw new NotSupportedException($"Database provider {other} is not supported."),
        };
    }

    /// <summary>
    /// Rebuilds the customers' indexes in the caller's transaction, so that no moved copy of an erased value survives
    /// in the index pages' free space.
    /// </summary>
    public abstract Task RebuildCustomerIndexesAsync(DbContext db, CancellationToken cancellationToken);

    /// <summary>
    /// Writes what the engine journals back into the database file and empties the journal, so no image of an erased
    /// value stays on disk. False when a long reader kept it from completing (try again later).
    /// </summary>
    public abstract Task<bool> TryCheckpointAsync(DbContext db, CancellationToken cancellationToken);

    /// <summary>The PostgreSQL channel of <see cref="SignalDataChangedAsync"/> (its payload: the node that changed the data).</summary>
    public const string DataChangedChannel = "customerinsight_data_changed";

    /// <summary>
    /// Inside the caller's transaction: tells the other nodes of the database that its data changed, delivered when the
    /// transaction commits and never when it rolls back (PostgreSQL: <c>pg_notify</c>; SQLite: the change counter in the
    /// file's header moves, which the other processes of the one file poll, <see cref="DataChangeWatcher"/>).
    /// </summary>
    public abstract Task SignalDataChangedAsync(DbContext db, string origin, CancellationToken cancellationToken);

    /// <summary>
    /// After rows of <paramref name="tables"/> were written with explicit ids: the next id the engine generates follows
    /// the largest one. PostgreSQL's identity sequences do not move on explicit ids (the next generated id would collide);
    /// SQLite takes the largest rowid + 1 by itself.
    /// </summary>
    public abstract Task SyncIdentitiesAsync(DbConnection connection, DbTransaction? transaction, IEnumerable<string> tables,
        CancellationToken cancellationToken);

    /// <summary>True when SQL LIKE ignores the case of ASCII letters (SQLite); PostgreSQL's LIKE does not (ILIKE does).</summary>
    public abstract bool LikeIgnoresAsciiCase { get; }

    /// <summary>An SQL integer expression: the <see cref="DateOnly.DayNumber"/> (days since 0001-01-01) of a date column, so a reader of
    /// millions of rows gets integers rather than dates to parse.</summary>
    public abstract string DayNumber(string dateColumn);

    /// <summary>
    /// The join keyword that makes the left table the outer loop of the plan (SQLite's <c>CROSS JOIN</c>: the planner keeps the
    /// order written). A read "per customer of a summary, then their orders through IX_Orders_Customer" then comes in
    /// (customer, date) order without a sort, where SQLite would otherwise walk the date index and sort millions of rows.
    /// PostgreSQL plans its joins itself (<c>INNER JOIN</c>).
    /// </summary>
    public abstract string OuterLoopJoin { get; }

    /// <summary>
    /// A table expression named <paramref name="alias"/> of one text column, <c>value</c>: the texts of a list given as one
    /// parameter, <paramref name="parameter"/>, whose value is <see cref="TextsValue"/>'s (SQLite: <c>json_each</c> of a JSON array;
    /// PostgreSQL: <c>unnest</c> of a <c>text[]</c>). Many keys looked up in one statement, without one SQL variable per key.
    /// </summary>
    public abstract string TextsTable(string parameter, string alias);

    /// <summary>The value of <see cref="TextsTable"/>'s parameter for <paramref name="texts"/>.</summary>
    public abstract object TextsValue(IReadOnlyList<string> texts);

    /// <summary>What a database needs before its migrations run (SQLite: write-ahead logging).</summary>
    public abstract Task PrepareAsync(DbContext db, CancellationToken cancellationToken);

    /// <summary>A query of one value, true (or non-zero) when the database has a table named <paramref name="table"/>.</summary>
    public abstract string TableExists(string table);
}

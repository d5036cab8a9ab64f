using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Data;

/// <summary>
/// The database's reporting currency (product.md, Money): recorded in the database when it is first used (from
/// <c>Business:Currency</c>, the configured one), then read from it, so a database's amounts are always labelled with
/// the currency they were imported in, whatever the configuration of the process reading them says.
/// A database migrated from before currencies were recorded gets the configured currency it was shown in so far.
/// </summary>
public sealed class DatabaseCurrency(IDbContextFactory<InsightDbContext> factory, string configured)
{
    public const string DefaultCode = "EUR";

    private volatile string? code;

    /// <summary><c>Business:Currency</c>: what a new database records.</summary>
    public string Configured { get; } = configured;

    /// <summary>
    /// The database's currency (read once; recorded first when the database has none). Before the database is
    /// migrated (a command-line verb is created before it migrates), it has none yet: the configured one, which is
    /// what it records once migrated.
    /// </summary>
    public string Code
    {
        get
        {
            if (code is { } known)
            {
                return known;
            }
            try
            {
                return GetAsync().GetAwaiter().GetResult();
            }
            catch (System.Data.Common.DbException)
            {
                return Configured;
            }
        }
    }

    public async Task<string> GetAsync(CancellationToken cancellationToken = default)
    {
        if (code is { } known)
        {
            return known;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stored = await ReadAsync(db, cancellationToken);
        if (stored is null)
        {
            // Plain SQL, not SaveChanges (EF Core's change tracking costs ≈ 80 ms at its first use, on every new database's
            // first command). Another process that recorded it first wins: its value is read back.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using (var command = db.Database.GetDbConnection().CreateCommand())
            {
                command.CommandText = """
                    INSERT INTO "DatabaseSettings" ("Name", "Value") VALUES (@name, @value) ON CONFLICT ("Name") DO NOTHING
                    """;
                command.AddParameter("@name", DatabaseSetting.Currency);
                command.AddParameter("@value", Configured);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            stored = await ReadAsync(db, cancellationToken)
                ?? throw new InvalidOperationException("The database's currency could neither be recorded nor read.");
        }
        return code = stored;
    }

    /// <summary>The recorded currency, null when none is (plain SQL: every verb reads it, see <see cref="SqlReads"/>).</summary>
    private static async Task<string?> ReadAsync(InsightDbContext db, CancellationToken cancellationToken)
    {
        string? stored = null;
        await SqlReads.ForEachAsync(db, """SELECT "Value" FROM "DatabaseSettings" WHERE "Name" = @name""",
            [("@name", DatabaseSetting.Currency)], r => stored = r.GetString(0), cancellationToken);
        return stored;
    }
}

using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Data;

/// <summary>
/// The whole schema of a new database in one script per provider: what the committed migrations generate
/// (<c>Data/Schema/Sqlite.sql</c> and <c>Postgres.sql</c>, embedded). EF Core's migrator builds the target model of every
/// migration before it runs its SQL: about 0.35 s of a command-line import into a new SQLite file, more on PostgreSQL.
/// After a migration is added, <c>tools/schema-scripts.sh</c> writes the scripts again; <c>SchemaScriptTests</c> fails while
/// one is stale, and a stale one is never run (<see cref="For"/>): the migrator does the work then.
/// </summary>
internal static partial class SchemaScript
{
    private const string History = Microsoft.EntityFrameworkCore.Migrations.HistoryRepository.DefaultTableName;

    /// <summary>
    /// The script of <paramref name="db"/>'s provider when it records exactly the assembly's migrations, in their order;
    /// otherwise null.
    /// </summary>
    public static string? For(InsightDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var script = Read(db is PostgresInsightDbContext ? "Postgres" : "Sqlite");
        return RecordsExactly(script, [.. db.Database.GetMigrations()]) ? script : null;
    }

    /// <summary>The embedded script of one provider (<c>Sqlite</c> or <c>Postgres</c>).</summary>
    public static string Read(string provider)
    {
        using var stream = typeof(SchemaScript).Assembly.GetManifestResourceStream($"CustomerInsight.Core.Data.Schema.{provider}.sql")
            ?? throw new InvalidOperationException($"The schema script of {provider} is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Whether <paramref name="script"/> writes the ids of <paramref name="migrations"/> into the history, all and in order.</summary>
    public static bool RecordsExactly(string script, IReadOnlyList<string> migrations)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(migrations);
        var recorded = HistoryInsert().Matches(script).Select(m => m.Groups[1].Value).ToList();
        return recorded.SequenceEqual(migrations, StringComparer.Ordinal);
    }

    [GeneratedRegex("""INSERT INTO "__EFMigrationsHistory" \("MigrationId", "ProductVersion"\)\s*VALUES \('([^']+)'""")]
    private static partial Regex HistoryInsert();

    /// <summary>
    /// Runs <paramref name="script"/> in one transaction (all of it or nothing) once no other process can migrate: SQLite's
    /// <c>BEGIN IMMEDIATE</c> (the write lock), PostgreSQL's transaction-level advisory lock. False, with nothing done, when a
    /// migration is recorded by then (another node or command created the schema meanwhile).
    /// </summary>
    public static async Task<bool> TryApplyAsync(InsightDbContext db, string script, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            // Microsoft.Data.Sqlite begins immediate transactions unless told otherwise: the write lock is taken here.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (db is PostgresInsightDbContext)
            {
                await ScalarAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresLock})", cancellationToken);
            }
            var provider = DatabaseProvider.Of(db.Database);
            if (Convert.ToBoolean(await ScalarAsync(connection, transaction, provider.TableExists(History), cancellationToken),
                    System.Globalization.CultureInfo.InvariantCulture)
                && Convert.ToInt64(await ScalarAsync(connection, transaction, $"SELECT count(*) FROM \"{History}\"", cancellationToken),
                    System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return false;
            }
            await using (var command = Command(connection, transaction, script))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The advisory lock's key: any number of this application's own ("CIschema" in ASCII).</summary>
    private const long PostgresLock = 0x4349736368656d61;

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return command;
    }
}

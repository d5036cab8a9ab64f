using System.ComponentModel.DataAnnotations;

namespace CustomerInsight.Core.Data;

/// <summary>The database engines the app runs on (<c>Database:Provider</c>).</summary>
public enum DatabaseEngine
{
    /// <summary>One SQLite file (the embedded default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL 15+ server; <c>ConnectionStrings:Insight</c> is then an Npgsql connection string.</summary>
    Postgres,
}

/// <summary><c>Database:*</c> settings.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public const string ProviderKey = Section + ":" + nameof(Provider);

    [Required, AllowedValues(nameof(DatabaseEngine.Sqlite), nameof(DatabaseEngine.Postgres))]
    public string Provider { get; set; } = nameof(DatabaseEngine.Sqlite);

    /// <summary>
    /// The engine named by a <c>Database:Provider</c> value (null or empty: SQLite); an unknown name stops the start
    /// with one line naming the key, the value and the accepted ones.
    /// </summary>
    public static DatabaseEngine ParseProvider(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseEngine.Sqlite;
        }
        foreach (var engine in Enum.GetValues<DatabaseEngine>())
        {
            if (string.Equals(value.Trim(), engine.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return engine;
            }
        }
        throw new DatabaseStartException(
            $"{ProviderKey} \"{value}\" is not a database provider: use Sqlite or Postgres "
            + "(appsettings.json, or the environment variable Database__Provider).");
    }
}

/// <summary>The database cannot be used (unknown provider, server unreachable): its message is the one line the start prints.</summary>
public sealed class DatabaseStartException(string message, Exception? inner = null) : Exception(message, inner);

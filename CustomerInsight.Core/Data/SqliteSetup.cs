namespace CustomerInsight.Core.Data;

/// <summary>
/// SQLite's process-wide settings, made once before its first connection (<see cref="InsightDatabase.Configure(Microsoft.EntityFrameworkCore.DbContextOptionsBuilder, DatabaseEngine, string, bool, Microsoft.Extensions.Logging.ILoggerFactory?)"/>):
/// multi-thread mode instead of the bundled library's serialized mode (a connection is never used by two threads at once:
/// ADO.NET connections and EF Core contexts are not thread-safe anyway, so the mutex SQLite takes on every call, each bind
/// and step of a bulk write included, guards nothing), and no memory statistics (a global mutex on every allocation).
/// Once SQLite has started (a connection opened earlier in the process), it keeps its settings: <see cref="Applied"/> says so.
/// </summary>
public static class SqliteSetup
{
    private static readonly Lazy<bool> Once = new(Apply, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether both settings took (false when SQLite had started before the first call).</summary>
    public static bool Applied => Once.Value;

    /// <summary>What <c>--timing</c> says of them: nothing when this process never configured SQLite (PostgreSQL).</summary>
    public static string? State => !Once.IsValueCreated ? null
        : Once.Value ? "multi-thread, no memory statistics" : "serialized (SQLite had started before its settings)";

    private static bool Apply()
    {
        SQLitePCL.Batteries_V2.Init();
        return SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MULTITHREAD) == SQLitePCL.raw.SQLITE_OK
            & SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0) == SQLitePCL.raw.SQLITE_OK;
    }
}

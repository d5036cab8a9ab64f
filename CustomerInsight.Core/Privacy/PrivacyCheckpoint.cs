using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Privacy;

/// <summary>
/// After an erasure or a purge: copies the WAL into the main file and truncates it, so the old page images
/// (which still hold the erased values) are gone from disk; <c>secure_delete</c> has zeroed freed space already.
/// </summary>
internal static class PrivacyCheckpoint
{
    /// <summary>True when the checkpoint completed (false when a long reader kept it from truncating the WAL; it is retried then).</summary>
    public static async Task<bool> RunAsync(IDbContextFactory<InsightDbContext> factory, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            // Columns: busy (1 when blocked), log frames, checkpointed frames.
            if (!await reader.ReadAsync(cancellationToken) || reader.GetInt32(0) == 0)
            {
                return true;
            }
            await Task.Delay(200 * (attempt + 1), cancellationToken);
        }
        return false;
    }
}

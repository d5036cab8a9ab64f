using CustomerInsight.Core.Privacy;

namespace CustomerInsight.Core.Data;

/// <summary>Consent records in plain SQL (<see cref="SqlReads"/>); standard SQL that both engines run alike.</summary>
internal static class ConsentReads
{
    /// <summary>
    /// Calls <paramref name="row"/> with <c>(customer id, purpose, status, recorded at)</c> for every record of
    /// <paramref name="purposes"/> at or before <paramref name="atUtc"/> (of every purpose and instant when null) of a customer who is
    /// not erased, in no particular order.
    /// </summary>
    public static Task RecordsUpToAsync(InsightDbContext db, IReadOnlyCollection<ConsentPurpose>? purposes, DateTime? atUtc,
        Action<int, ConsentPurpose, ConsentStatus, DateTime> row, CancellationToken cancellationToken) =>
        SqlReads.ForEachAsync(db, $"""
            SELECT r."CustomerId", r."Purpose", r."Status", r."RecordedAtUtc" FROM "ConsentRecords" AS r
            INNER JOIN "Customers" AS c ON c."Id" = r."CustomerId"
            WHERE c."ErasedAtUtc" IS NULL
            {(atUtc is null ? "" : """AND r."RecordedAtUtc" <= @at""")}
            {(purposes is null ? "" : $"""AND r."Purpose" IN ({string.Join(", ", purposes.Select(p => (int)p))})""")}
            """, atUtc is { } at ? [("@at", at)] : [],
            r => row(r.GetInt32(0), (ConsentPurpose)r.GetInt32(1), (ConsentStatus)r.GetInt32(2), r.GetDateTime(3)),
            cancellationToken);
}

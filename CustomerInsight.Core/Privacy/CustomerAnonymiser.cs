using System.Data.Common;

namespace CustomerInsight.Core.Privacy;

/// <summary>
/// The anonymisation shared by erasure and the retention purge, as prepared statements in the caller's
/// transaction: personal fields nulled (Country kept), source id replaced by a pseudonym and remembered as a
/// keyed hash, survey comments removed, consent proofs removed (status, instant, purpose and source stay), a
/// <c>Withdrawn</c> record (source <see cref="ErasureConsentSource"/>) appended for every purpose whose latest
/// status is granted (metrics.md: an erased customer is never reachable again), orders and scores untouched
/// (their CustomerId stays, so every KPI and RFM total is unchanged). The personal values it removed are kept in
/// <see cref="ErasedValues"/> so that <see cref="ImportReportScrubber"/> can remove them from import reports too.
/// </summary>
internal sealed class CustomerAnonymiser : IAsyncDisposable
{
    /// <summary>The source of the withdrawals an erasure appends (metrics.md).</summary>
    public const string ErasureConsentSource = "erasure";

    private readonly DbCommand values;
    private readonly DbCommand customer;
    private readonly DbCommand comments;
    private readonly DbCommand proofs;
    private readonly DbCommand withdrawals;
    private readonly DbCommand mergedSources;
    private readonly DbCommand mergedSourceUpdate;
    private readonly byte[] secret;
    private readonly DateTime nowUtc;

    public CustomerAnonymiser(DbConnection connection, DbTransaction transaction, byte[] secret, DateTime nowUtc)
    {
        this.secret = secret;
        this.nowUtc = nowUtc;
        values = Command(connection, transaction,
            """
            SELECT "SourceId", "FirstName", "LastName", "Email", "Phone", "PostalCode", "City"
            FROM "Customers" WHERE "Id" = @id AND "ErasedAtUtc" IS NULL
            """, "@id");
        customer = Command(connection, transaction,
            """
            UPDATE "Customers" SET "FirstName" = NULL, "LastName" = NULL, "Email" = NULL, "Phone" = NULL, "PostalCode" = NULL,
                "City" = NULL, "SourceId" = @pseudonym, "ErasedSourceIdHash" = @hash, "ErasedAtUtc" = @now
            WHERE "Id" = @id AND "ErasedAtUtc" IS NULL
            """, "@pseudonym", "@hash", "@now", "@id");
        comments = Command(connection, transaction,
            """UPDATE "SurveyResponses" SET "Comment" = NULL WHERE "CustomerId" = @id AND "Comment" IS NOT NULL""", "@id");
        proofs = Command(connection, transaction,
            """UPDATE "ConsentRecords" SET "ProofReference" = NULL WHERE "CustomerId" = @id AND "ProofReference" IS NOT NULL""", "@id");
        // The latest record of a purpose decides; at equal instants a withdrawal wins (ConsentHistory.IsGranted).
        withdrawals = Command(connection, transaction,
            $"""
            INSERT INTO "ConsentRecords" ("CustomerId", "Purpose", "Status", "RecordedAtUtc", "Source", "ProofReference", "ImportBatchId")
            SELECT DISTINCT r."CustomerId", r."Purpose", {(int)ConsentStatus.Withdrawn}, @now, '{ErasureConsentSource}', CAST(NULL AS VARCHAR),
                CAST(NULL AS INTEGER)
            FROM "ConsentRecords" AS r
            WHERE r."CustomerId" = @id AND r."Status" = {(int)ConsentStatus.Granted}
                AND NOT EXISTS (SELECT 1 FROM "ConsentRecords" AS n
                    WHERE n."CustomerId" = r."CustomerId" AND n."Purpose" = r."Purpose"
                        AND (n."RecordedAtUtc" > r."RecordedAtUtc"
                            OR (n."RecordedAtUtc" = r."RecordedAtUtc" AND n."Status" = {(int)ConsentStatus.Withdrawn})))
            """, "@now", "@id");
        // The records a unified customer gathers (metrics.md: erasing it erases every source record of it), following
        // merges of merges; in undone merges, only this customer's own snapshot.
        mergedSources = Command(connection, transaction,
            """
            WITH RECURSIVE absorbed("Id") AS (
                SELECT @id
                UNION
                SELECT s."OriginalCustomerId" FROM "CustomerMergeSources" AS s
                JOIN "CustomerMerges" AS m ON m."Id" = s."MergeId"
                JOIN absorbed AS a ON a."Id" = m."CustomerId"
                WHERE m."UndoneAtUtc" IS NULL)
            SELECT s."Id", s."SourceId", s."FirstName", s."LastName", s."Email", s."Phone", s."PostalCode", s."City"
            FROM "CustomerMergeSources" AS s JOIN "CustomerMerges" AS m ON m."Id" = s."MergeId"
            WHERE s."ErasedSourceIdHash" IS NULL
                AND ((m."UndoneAtUtc" IS NULL AND m."CustomerId" IN (SELECT "Id" FROM absorbed)) OR s."OriginalCustomerId" = @id)
            """, "@id");
        mergedSourceUpdate = Command(connection, transaction,
            """
            UPDATE "CustomerMergeSources" SET "FirstName" = NULL, "LastName" = NULL, "Email" = NULL, "Phone" = NULL,
                "PostalCode" = NULL, "City" = NULL, "SourceId" = @pseudonym, "ErasedSourceIdHash" = @hash
            WHERE "Id" = @id
            """, "@pseudonym", "@hash", "@id");
    }

    /// <summary>Every personal value (and source id) of the customers anonymised so far.</summary>
    public HashSet<string> ErasedValues { get; } = new(StringComparer.Ordinal);

    /// <summary>Anonymises one customer; returns its pseudonym, or null when it was already erased.</summary>
    public async Task<string?> AnonymiseAsync(int customerId, string sourceId, CancellationToken cancellationToken)
    {
        values.Parameters[0].Value = customerId;
        var found = new List<string>();
        await using (var reader = await values.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (!await reader.IsDBNullAsync(i, cancellationToken))
                {
                    found.Add(reader.GetString(i));
                }
            }
        }
        var pseudonym = ErasedSourceIds.NewPseudonym();
        customer.Parameters[0].Value = pseudonym;
        customer.Parameters[1].Value = ErasedSourceIds.Hash(secret, sourceId);
        customer.Parameters[2].Value = nowUtc;
        customer.Parameters[3].Value = customerId;
        if (await customer.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return null;
        }
        comments.Parameters[0].Value = customerId;
        await comments.ExecuteNonQueryAsync(cancellationToken);
        proofs.Parameters[0].Value = customerId;
        await proofs.ExecuteNonQueryAsync(cancellationToken);
        withdrawals.Parameters[0].Value = nowUtc;
        withdrawals.Parameters[1].Value = customerId;
        await withdrawals.ExecuteNonQueryAsync(cancellationToken);
        await AnonymiseMergedSourcesAsync(customerId, found, cancellationToken);
        foreach (var value in found)
        {
            ImportReportScrubber.AddValue(ErasedValues, value);
        }
        return pseudonym;
    }

    private async Task AnonymiseMergedSourcesAsync(int customerId, List<string> found, CancellationToken cancellationToken)
    {
        mergedSources.Parameters[0].Value = customerId;
        var rows = new List<(int Id, string SourceId)>();
        await using (var reader = await mergedSources.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt32(0), reader.GetString(1)));
                for (var i = 1; i < reader.FieldCount; i++)
                {
                    if (!await reader.IsDBNullAsync(i, cancellationToken))
                    {
                        found.Add(reader.GetString(i));
                    }
                }
            }
        }
        foreach (var (id, sourceId) in rows)
        {
            mergedSourceUpdate.Parameters[0].Value = ErasedSourceIds.NewPseudonym();
            mergedSourceUpdate.Parameters[1].Value = ErasedSourceIds.Hash(secret, sourceId);
            mergedSourceUpdate.Parameters[2].Value = id;
            await mergedSourceUpdate.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await mergedSources.DisposeAsync();
        await mergedSourceUpdate.DisposeAsync();
        await values.DisposeAsync();
        await customer.DisposeAsync();
        await comments.DisposeAsync();
        await proofs.DisposeAsync();
        await withdrawals.DisposeAsync();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            command.Parameters.Add(p);
        }
        return command;
    }
}

using System.Data.Common;

namespace CustomerInsight.Core.Privacy;

/// <summary>
/// The anonymisation shared by erasure and the retention purge, as prepared statements in the caller's
/// transaction: personal fields nulled (Country kept), source id replaced by a pseudonym and remembered as a
/// keyed hash, survey comments removed, consent proofs removed (status, instant, purpose and source stay),
/// orders and scores untouched (their CustomerId stays, so every KPI and RFM total is unchanged).
/// </summary>
internal sealed class CustomerAnonymiser : IAsyncDisposable
{
    private readonly DbCommand customer;
    private readonly DbCommand comments;
    private readonly DbCommand proofs;
    private readonly byte[] secret;
    private readonly DateTime nowUtc;

    public CustomerAnonymiser(DbConnection connection, DbTransaction transaction, byte[] secret, DateTime nowUtc)
    {
        this.secret = secret;
        this.nowUtc = nowUtc;
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
    }

    /// <summary>Anonymises one customer; returns its pseudonym, or null when it was already erased.</summary>
    public async Task<string?> AnonymiseAsync(int customerId, string sourceId, CancellationToken cancellationToken)
    {
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
        return pseudonym;
    }

    public async ValueTask DisposeAsync()
    {
        await customer.DisposeAsync();
        await comments.DisposeAsync();
        await proofs.DisposeAsync();
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

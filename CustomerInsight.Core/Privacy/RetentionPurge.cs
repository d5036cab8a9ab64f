using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerInsight.Core.Privacy;

/// <summary>
/// The dry run of a purge: how many customers would be anonymised and a sample of them, by internal id
/// (no personal data), most idle first.
/// </summary>
/// <param name="CutoffUtc">Customers whose last activity (metrics.md) is before this instant are due.</param>
public sealed record RetentionCandidates(DateTime CutoffUtc, int Count, IReadOnlyList<RetentionSample> Sample);

/// <param name="LastActivityUtc">
/// The latest of orders, survey answers, consent records and the creation date the source file gave; null when
/// there is none of them (a customer imported without a creation date and without any activity).
/// </param>
public sealed record RetentionSample(int CustomerId, DateTime? LastActivityUtc);

/// <summary>How far a purge is: customers anonymised so far out of the total.</summary>
public readonly record struct RetentionProgress(int Done, int Total);

/// <summary>
/// Limited retention (GDPR art. 5(1)(e)): customers idle for <c>Privacy:RetentionMonths</c> are listed, then
/// anonymised in bulk exactly like <see cref="CustomerErasure"/>, in ONE transaction (all or nothing: a
/// cancellation rolls everything back), audited as <c>privacy.purge</c> with the count, then checkpointed.
/// </summary>
public sealed class RetentionPurge(IDbContextFactory<InsightDbContext> factory, AppSecrets secrets, AuditLog audit, TimeProvider clock,
    DataChangeNotifier? notifier = null)
{
    public const string AuditAction = "privacy.purge";
    private const int ProgressEvery = 200;

    /// <summary>Now minus <paramref name="retentionMonths"/> calendar months.</summary>
    public DateTime CutoffFor(int retentionMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retentionMonths, 1);
        return clock.GetUtcNow().UtcDateTime.AddMonths(-retentionMonths);
    }

    /// <summary>Dry run: the count of due customers and up to <paramref name="sampleSize"/> of them.</summary>
    public async Task<RetentionCandidates> FindAsync(int retentionMonths, int sampleSize = 20, CancellationToken cancellationToken = default)
    {
        var cutoff = CutoffFor(retentionMonths);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var due = Due(db, cutoff);
        var count = await due.CountAsync(cancellationToken);
        var sample = await due
            .Select(c => new
            {
                c.Id,
                c.SourceCreatedAtUtc,
                LastOrder = db.Orders.Where(o => o.CustomerId == c.Id).Max(o => (DateTime?)o.OrderedAtUtc),
                LastAnswer = db.SurveyResponses.Where(r => r.CustomerId == c.Id).Max(r => (DateTime?)r.RespondedAtUtc),
                LastConsent = db.ConsentRecords.Where(r => r.CustomerId == c.Id).Max(r => (DateTime?)r.RecordedAtUtc),
            })
            .OrderBy(c => c.Id)
            .Take(sampleSize)
            .ToListAsync(cancellationToken);
        return new RetentionCandidates(
            cutoff,
            count,
            sample.Select(c => new RetentionSample(c.Id, new[] { c.SourceCreatedAtUtc, c.LastOrder, c.LastAnswer, c.LastConsent }.Max())).ToArray());
    }

    /// <summary>Anonymises every due customer in one transaction; returns how many were anonymised.</summary>
    public async Task<int> PurgeAsync(int retentionMonths, string userName, IProgress<RetentionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var cutoff = CutoffFor(retentionMonths);
        var secret = await secrets.GetOrCreateAsync(AppSecret.CustomerKey, cancellationToken);
        var done = 0;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await Due(db, cutoff).Select(c => new { c.Id, c.SourceId }).ToListAsync(cancellationToken);
            progress?.Report(new RetentionProgress(0, due.Count));
            var now = clock.GetUtcNow().UtcDateTime;
            await using (var anonymiser = new CustomerAnonymiser(db.Database.GetDbConnection(), transaction.GetDbTransaction(), secret, now))
            {
                foreach (var customer in due)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (await anonymiser.AnonymiseAsync(customer.Id, customer.SourceId, cancellationToken) is not null)
                    {
                        done++;
                    }
                    if (done % ProgressEvery == 0)
                    {
                        progress?.Report(new RetentionProgress(done, due.Count));
                    }
                }
                await ImportReportScrubber.ScrubAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), anonymiser.ErasedValues,
                    cancellationToken);
            }
            if (done > 0)
            {
                await DatabaseProvider.Of(db.Database).RebuildCustomerIndexesAsync(db, cancellationToken);
            }
            db.AuditEntries.Add(audit.NewEntry(userName, AuditAction, target: null,
                details: $"retention {retentionMonths} months, cutoff {cutoff:yyyy-MM-dd}", rowCount: done));
            await db.SaveChangesAsync(cancellationToken);
            await notifier.CommitAndNotifyAsync(db, transaction, cancellationToken);
            progress?.Report(new RetentionProgress(done, due.Count));
        }
        if (done > 0)
        {
            await InsightDatabase.CheckpointAsync(factory, CancellationToken.None);
        }
        return done;
    }

    /// <summary>
    /// Customers whose last activity (metrics.md) is before <paramref name="cutoff"/>: orders, survey answers, consent
    /// records and the creation date as the source file gave it; the time an import created the row never counts.
    /// </summary>
    private static IQueryable<Customer> Due(InsightDbContext db, DateTime cutoff) =>
        db.Customers.AsNoTracking().Where(c => c.ErasedAtUtc == null
            && (c.SourceCreatedAtUtc == null || c.SourceCreatedAtUtc < cutoff)
            && !db.Orders.Any(o => o.CustomerId == c.Id && o.OrderedAtUtc >= cutoff)
            && !db.SurveyResponses.Any(r => r.CustomerId == c.Id && r.RespondedAtUtc >= cutoff)
            && !db.ConsentRecords.Any(r => r.CustomerId == c.Id && r.RecordedAtUtc >= cutoff));
}

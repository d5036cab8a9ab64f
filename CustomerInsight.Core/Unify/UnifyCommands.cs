using System.Globalization;
using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Unify;

/// <summary>What a merge did: groups merged, customers they held, and requested groups that no longer matched (left alone).</summary>
public sealed record MergeResult(int Groups, int Customers, int Stale, IReadOnlyList<int> MergeIds);

public enum MergeUndoOutcome
{
    Undone,
    UnknownMerge,
    AlreadyUndone,

    /// <summary>The unified customer was erased since: its source records are anonymised and cannot come back.</summary>
    Erased,

    /// <summary>A later merge changed the same unified customer (or absorbed it): undo that one first.</summary>
    LaterMerge,
}

public sealed record MergeUndoResult(MergeUndoOutcome Outcome, int MergeId, int Customers = 0)
{
    public bool Succeeded => Outcome == MergeUndoOutcome.Undone;
}

/// <summary>
/// Merges match groups (metrics.md) and undoes merges, each call in one transaction with its audit entry. A merge
/// keeps the smallest customer id of the group, moves every order, survey response and consent record of the others to
/// it, removes their rows from <c>Customers</c> (every count then sees one person) and keeps them, with the ids of the
/// rows moved, as <see cref="CustomerMergeSource"/>s: the import pipeline resolves their source ids to the unified
/// customer, and an undo puts everything back. Each profile field takes the value of the most recently created record
/// that has one (<see cref="UnifiedProfile"/>); the unified customer's source creation date is the group's latest,
/// so the retention rule looks at the group's last activity.
/// </summary>
public sealed class UnifyCommands(IDbContextFactory<InsightDbContext> factory, AuditLog audit, DataChangeNotifier notifier, TimeProvider clock)
{
    public const string MergeAuditAction = "unify.merge";
    public const string UndoAuditAction = "unify.undo";

    /// <summary>Merges every match group found now (<c>unify --confirm</c>, "merge all").</summary>
    public Task<MergeResult> MergeAllAsync(string userName, CancellationToken cancellationToken = default) =>
        MergeAsync(null, userName, cancellationToken);

    /// <summary>
    /// Merges the requested groups (each given by its member ids, as the dry run showed them). The groups are found
    /// again inside the transaction: a requested group that is no longer exactly a match group is left alone and
    /// counted as stale. Null merges every group.
    /// </summary>
    public async Task<MergeResult> MergeAsync(IReadOnlyList<IReadOnlyList<int>>? requested, string userName,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = MatchGrouper.Group(await UnifyQueries.CandidatesAsync(db, cancellationToken)).Groups;
        var toMerge = current;
        var stale = 0;
        if (requested is not null)
        {
            var byMembers = current.ToDictionary(g => string.Join(',', g.CustomerIds));
            var chosen = new List<MatchGroup>();
            foreach (var ids in requested)
            {
                if (byMembers.TryGetValue(string.Join(',', ids.Order()), out var group))
                {
                    chosen.Add(group);
                }
                else
                {
                    stale++;
                }
            }
            toMerge = chosen;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var merges = new List<CustomerMerge>();
        var customers = 0;
        foreach (var group in toMerge)
        {
            cancellationToken.ThrowIfCancellationRequested();
            merges.Add(await MergeGroupAsync(db, group, userName, now, cancellationToken));
            customers += group.CustomerIds.Count;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (merges.Count > 0)
        {
            db.AuditEntries.Add(audit.NewEntry(userName, MergeAuditAction,
                target: merges.Count == 1 ? $"customer:{merges[0].CustomerId}" : null,
                details: merges.Count == 1
                    ? $"merge {merges[0].Id}: {merges[0].Evidence}"
                    : $"merges {merges[0].Id}–{merges[^1].Id}: {merges.Count} groups",
                rowCount: customers));
            await db.SaveChangesAsync(cancellationToken);
        }
        if (merges.Count > 0)
        {
            await notifier.CommitAsync(db, transaction, cancellationToken);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return new MergeResult(merges.Count, customers, stale, merges.Select(m => m.Id).ToArray());
    }

    private static async Task<CustomerMerge> MergeGroupAsync(InsightDbContext db, MatchGroup group, string userName, DateTime now,
        CancellationToken cancellationToken)
    {
        var ids = group.CustomerIds.ToList();
        var members = await db.Customers.Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var survivor = members[0];
        var others = ids.Skip(1).ToList();
        var merge = new CustomerMerge
        {
            CustomerId = survivor.Id,
            MergedAtUtc = now,
            MergedBy = userName.Length <= 256 ? userName : userName[..256],
            Evidence = string.Join(';', group.Links.Select(l => string.Create(CultureInfo.InvariantCulture,
                $"{l.CustomerId}-{l.OtherCustomerId}:{RuleCode(l.Rule)}"))),
        };
        // The rows about to move, read once per table for the whole group (not once per merged record).
        var movedOrders = (await db.Orders.Where(o => o.CustomerId != null && others.Contains(o.CustomerId.Value))
            .Select(o => new { Owner = o.CustomerId!.Value, o.Id }).ToListAsync(cancellationToken)).ToLookup(o => o.Owner, o => o.Id);
        var movedResponses = (await db.SurveyResponses.Where(r => r.CustomerId != null && others.Contains(r.CustomerId.Value))
            .Select(r => new { Owner = r.CustomerId!.Value, r.Id }).ToListAsync(cancellationToken)).ToLookup(r => r.Owner, r => r.Id);
        var movedConsents = (await db.ConsentRecords.Where(r => others.Contains(r.CustomerId))
            .Select(r => new { Owner = r.CustomerId, r.Id }).ToListAsync(cancellationToken)).ToLookup(r => r.Owner, r => r.Id);
        foreach (var member in members)
        {
            var source = Snapshot(member);
            if (member.Id != survivor.Id)
            {
                source.MovedOrderIds = Join(movedOrders[member.Id].ToList());
                source.MovedResponseIds = Join(movedResponses[member.Id].ToList());
                source.MovedConsentIds = Join(movedConsents[member.Id].ToList());
            }
            merge.Sources.Add(source);
        }
        await db.Orders.Where(o => o.CustomerId != null && others.Contains(o.CustomerId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.CustomerId, survivor.Id), cancellationToken);
        // The orders moved to the survivor: the group's sales summaries, in the merge's transaction.
        await SalesSummaries.StageAsync(db, ids, [], cancellationToken);
        await SalesSummaries.RefreshStagedAsync(db, cancellationToken);
        await db.SurveyResponses.Where(r => r.CustomerId != null && others.Contains(r.CustomerId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CustomerId, survivor.Id), cancellationToken);
        await db.ConsentRecords.Where(r => others.Contains(r.CustomerId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CustomerId, survivor.Id), cancellationToken);

        var profile = UnifiedProfile.Choose(members.Select(m => new ProfileSource(m.Id, m.CreatedAtUtc,
            m.GetPersonalFields())).ToArray());
        survivor.SetPersonalFields(profile);
        survivor.CreatedAtUtc = members.Min(m => m.CreatedAtUtc);
        // The group's latest source creation date: a last activity of the unified customer (retention).
        survivor.SourceCreatedAtUtc = members.Max(m => m.SourceCreatedAtUtc);
        // No longer one import's: undoing the import that created the survivor keeps the unified customer.
        survivor.ImportBatchId = null;
        db.Customers.RemoveRange(members.Skip(1));
        db.CustomerMerges.Add(merge);
        return merge;
    }

    /// <summary>
    /// Undoes one merge: the removed records come back (with their ids when free), the rows moved from each go back to
    /// it, the unified customer gets its own profile back. Rows that later imports attached to the unified customer
    /// through a merged source id stay with it. Refused when the unified customer was erased, or when a later active
    /// merge involves it (undo that one first).
    /// </summary>
    public async Task<MergeUndoResult> UndoAsync(int mergeId, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var merge = await db.CustomerMerges.Include(m => m.Sources).SingleOrDefaultAsync(m => m.Id == mergeId, cancellationToken);
        if (merge is null)
        {
            return new MergeUndoResult(MergeUndoOutcome.UnknownMerge, mergeId);
        }
        if (!merge.IsActive)
        {
            return new MergeUndoResult(MergeUndoOutcome.AlreadyUndone, mergeId);
        }
        var survivor = await db.Customers.SingleOrDefaultAsync(c => c.Id == merge.CustomerId, cancellationToken);
        if (survivor is { IsErased: true })
        {
            return new MergeUndoResult(MergeUndoOutcome.Erased, mergeId);
        }
        var later = await db.CustomerMerges.AnyAsync(m => m.Id > mergeId && m.UndoneAtUtc == null
            && (m.CustomerId == merge.CustomerId || m.Sources.Any(s => s.OriginalCustomerId == merge.CustomerId)), cancellationToken);
        if (later || survivor is null)
        {
            return new MergeUndoResult(MergeUndoOutcome.LaterMerge, mergeId);
        }
        var own = merge.Sources.Single(s => s.OriginalCustomerId == merge.CustomerId);
        survivor.CopyRecordFrom(own);
        var restored = new List<(CustomerMergeSource Source, Customer Customer)>();
        foreach (var source in merge.Sources.Where(s => s.OriginalCustomerId != merge.CustomerId))
        {
            var free = !await db.Customers.AnyAsync(c => c.Id == source.OriginalCustomerId, cancellationToken);
            var customer = new Customer { Id = free ? source.OriginalCustomerId : 0, SourceId = source.SourceId };
            customer.CopyRecordFrom(source);
            db.Customers.Add(customer);
            restored.Add((source, customer));
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (source, customer) in restored)
        {
            var to = customer.Id;
            var orders = Split(source.MovedOrderIds);
            var responses = Split(source.MovedResponseIds);
            var consents = Split(source.MovedConsentIds);
            foreach (var chunk in orders.Chunk(500))
            {
                await db.Orders.Where(o => chunk.Contains(o.Id) && o.CustomerId == merge.CustomerId)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.CustomerId, to), cancellationToken);
            }
            foreach (var chunk in responses.Chunk(500))
            {
                await db.SurveyResponses.Where(r => chunk.Contains(r.Id) && r.CustomerId == merge.CustomerId)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.CustomerId, to), cancellationToken);
            }
            foreach (var chunk in consents.Chunk(500))
            {
                await db.ConsentRecords.Where(r => chunk.Contains(r.Id) && r.CustomerId == merge.CustomerId)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.CustomerId, to), cancellationToken);
            }
        }
        // The orders moved back: the sales summaries of the unified customer and of the records restored.
        await SalesSummaries.StageAsync(db, restored.Select(r => r.Customer.Id).Append(merge.CustomerId), [], cancellationToken);
        await SalesSummaries.RefreshStagedAsync(db, cancellationToken);
        merge.UndoneAtUtc = clock.GetUtcNow().UtcDateTime;
        merge.UndoneBy = userName.Length <= 256 ? userName : userName[..256];
        db.AuditEntries.Add(audit.NewEntry(userName, UndoAuditAction, target: $"customer:{merge.CustomerId}",
            details: $"merge {merge.Id}", rowCount: merge.Sources.Count));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.CommitAsync(db, transaction, cancellationToken);
        return new MergeUndoResult(MergeUndoOutcome.Undone, mergeId, merge.Sources.Count);
    }

    /// <summary>The code of a rule in <c>unify --json</c> and in a merge's evidence.</summary>
    public static string RuleCode(MatchRule rule) => rule switch
    {
        MatchRule.Email => "email",
        MatchRule.Phone => "phone",
        _ => "nameAndPostalCode",
    };

    private static CustomerMergeSource Snapshot(Customer c)
    {
        var source = new CustomerMergeSource { OriginalCustomerId = c.Id, SourceId = c.SourceId };
        source.CopyRecordFrom(c);
        return source;
    }

    private static string? Join(List<long> ids) => ids.Count == 0 ? null : string.Join(',',
        ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    private static long[] Split(string? ids) => string.IsNullOrEmpty(ids)
        ? []
        : ids.Split(',').Select(i => long.Parse(i, CultureInfo.InvariantCulture)).ToArray();
}

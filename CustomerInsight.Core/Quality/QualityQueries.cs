using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Quality;

/// <summary>A customer behind a quality figure (personal data: the page is for analysts and admins).</summary>
public sealed record QualityCustomerRow(int CustomerId, string SourceId, PersonalFields Personal, DateTime? LastActivityUtc)
    : PersonalFields(Personal)
{
    public PersonalFields Personal => this;
}

/// <summary>The customers behind a figure: how many, and the first ones by id.</summary>
public sealed record QualityCustomers(int Count, IReadOnlyList<QualityCustomerRow> Rows);

/// <summary>
/// Reads the quality figures of metrics.md: one set-based query per table (last activity and consent purposes grouped
/// by customer in SQL), then <see cref="QualityCalculator"/>. Erased customers are left out: they have no personal
/// field by design.
/// </summary>
public sealed class QualityQueries(IDbContextFactory<InsightDbContext> factory, TimeProvider clock)
{
    public async Task<QualityReport> ComputeAsync(int retentionMonths, CancellationToken cancellationToken = default)
    {
        var (now, cutoff) = Instants(retentionMonths);
        var records = await LoadAsync(cancellationToken);
        return QualityCalculator.Compute(records.Select(r => r.Record), now, cutoff);
    }

    /// <summary>The customers behind figure <paramref name="code"/>, in the scope of <paramref name="format"/> (null: every customer; "" customers of
    /// no known import).</summary>
    public async Task<QualityCustomers> BehindAsync(string code, string? format, int retentionMonths, int take = 100,
        CancellationToken cancellationToken = default)
    {
        var (now, cutoff) = Instants(retentionMonths);
        var records = await LoadAsync(cancellationToken);
        var behind = records
            .Where(r => format is null || (r.Record.Format ?? "") == format)
            .Where(r => QualityCalculator.IsBehind(r.Record, code, now, cutoff))
            .ToList();
        return new QualityCustomers(behind.Count, behind.Take(take).Select(r => new QualityCustomerRow(r.Record.CustomerId, r.SourceId,
            r.Record.Personal, r.Record.LastActivityUtc)).ToArray());
    }

    private (DateTime Now, DateTime Cutoff) Instants(int retentionMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retentionMonths, 1);
        var now = clock.GetUtcNow().UtcDateTime;
        return (now, now.AddMonths(-retentionMonths));
    }

    private sealed record Loaded(QualityRecord Record, string SourceId);

    private async Task<List<Loaded>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var formats = await db.ImportBatches.AsNoTracking().Select(b => new { b.Id, b.Format }).ToDictionaryAsync(b => b.Id, b => b.Format,
            cancellationToken);
        var lastOrder = await db.Orders.AsNoTracking().Where(o => o.CustomerId != null).GroupBy(o => o.CustomerId!.Value)
            .Select(g => new { g.Key, Last = g.Max(o => o.OrderedAtUtc) }).ToDictionaryAsync(g => g.Key, g => g.Last, cancellationToken);
        var lastAnswer = await db.SurveyResponses.AsNoTracking().Where(r => r.CustomerId != null).GroupBy(r => r.CustomerId!.Value)
            .Select(g => new { g.Key, Last = g.Max(r => r.RespondedAtUtc) }).ToDictionaryAsync(g => g.Key, g => g.Last, cancellationToken);
        var consentRows = await db.ConsentRecords.AsNoTracking().GroupBy(r => new { r.CustomerId, r.Purpose })
            .Select(g => new { g.Key.CustomerId, g.Key.Purpose, Last = g.Max(r => r.RecordedAtUtc) }).ToListAsync(cancellationToken);
        var consents = new Dictionary<int, (HashSet<ConsentPurpose> Purposes, DateTime Last)>();
        foreach (var row in consentRows)
        {
            if (!consents.TryGetValue(row.CustomerId, out var entry))
            {
                entry = ([], row.Last);
            }
            entry.Purposes.Add(row.Purpose);
            consents[row.CustomerId] = (entry.Purposes, row.Last > entry.Last ? row.Last : entry.Last);
        }
        var none = new HashSet<ConsentPurpose>();
        var customers = await db.Customers.AsNoTracking().Where(c => c.ErasedAtUtc == null).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.SourceId, c.ImportBatchId, c.FirstName, c.LastName, c.Email, c.Phone, c.PostalCode, c.City, c.Country,
                c.SourceCreatedAtUtc })
            .ToListAsync(cancellationToken);
        var result = new List<Loaded>(customers.Count);
        foreach (var c in customers)
        {
            // metrics.md, retention: the latest of orders, answers, consent records and the source's creation date.
            DateTime? last = c.SourceCreatedAtUtc;
            if (lastOrder.TryGetValue(c.Id, out var order) && (last is null || order > last))
            {
                last = order;
            }
            if (lastAnswer.TryGetValue(c.Id, out var answer) && (last is null || answer > last))
            {
                last = answer;
            }
            var consent = consents.TryGetValue(c.Id, out var found) ? found : (Purposes: none, Last: DateTime.MinValue);
            if (consent.Purposes.Count > 0 && (last is null || consent.Last > last))
            {
                last = consent.Last;
            }
            var format = c.ImportBatchId is { } batch && formats.TryGetValue(batch, out var f) ? f : null;
            result.Add(new Loaded(new QualityRecord(c.Id, format,
                new PersonalFields(c.FirstName, c.LastName, c.Email, c.Phone, c.PostalCode, c.City, c.Country), last, consent.Purposes), c.SourceId));
        }
        return result;
    }
}

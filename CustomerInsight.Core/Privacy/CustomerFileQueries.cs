using System.Text.Json.Serialization;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Surveys;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Privacy;

/// <summary>
/// Everything held about one customer, for an access or portability request (GDPR art. 15 and 20):
/// a plain tree of records with no behaviour, so that the Excel customer file and a JSON export
/// (System.Text.Json serialises it as is) show the same content. Instants are UTC, business dates
/// in the business time zone, amounts in currency units (decimals), enums as their names.
/// </summary>
/// <param name="Profile">The customer row, personal fields included (null once erased).</param>
/// <param name="Consents">The latest status per purpose (purposes never recorded are absent).</param>
/// <param name="ConsentHistory">Every consent entry, oldest first: the append-only history.</param>
/// <param name="Orders">Every order (sales and cancellations), oldest first, each with its lines.</param>
/// <param name="SurveyAnswers">Every survey response, oldest first, with its free-text comment.</param>
public sealed record CustomerFile(
    CustomerFileProfile Profile,
    IReadOnlyList<ConsentEntry> Consents,
    IReadOnlyList<ConsentEntry> ConsentHistory,
    IReadOnlyList<CustomerFileOrder> Orders,
    IReadOnlyList<CustomerFileSurveyAnswer> SurveyAnswers)
{
    /// <summary>Order lines of every order, for row counts.</summary>
    public int OrderLineCount => Orders.Sum(o => o.Lines.Count);
}

/// <param name="Id">The internal id (the key of the 360 page).</param>
/// <param name="SourceId">The customer id in the source system.</param>
/// <param name="Personal">The profile fields; the record is them (the JSON file lists them between the source id and the dates).</param>
public sealed record CustomerFileProfile(
    [property: JsonPropertyOrder(-1)] int Id,
    [property: JsonPropertyOrder(-1)] string SourceId,
    PersonalFields Personal,
    [property: JsonPropertyOrder(1)] DateTime CreatedAtUtc,
    [property: JsonPropertyOrder(1)] DateTime? ErasedAtUtc) : PersonalFields(Personal)
{
    [JsonIgnore]
    public PersonalFields Personal => this;
}

public sealed record CustomerFileOrder(
    long Id,
    string Source,
    string SourceOrderId,
    DateTime OrderedAtUtc,
    DateOnly BusinessDate,
    Channel Channel,
    OrderKind Kind,
    decimal Amount,
    IReadOnlyList<CustomerFileOrderLine> Lines);

public sealed record CustomerFileOrderLine(string ProductCode, string? Description, int Quantity, decimal UnitPrice, decimal Amount);

public sealed record CustomerFileSurveyAnswer(
    long Id,
    string SourceId,
    DateTime RespondedAtUtc,
    DateOnly BusinessDate,
    SurveyKind Kind,
    Channel? Channel,
    long? OrderId,
    int? RecommendScore,
    int? SatisfactionScore,
    string? Comment);

/// <summary>A customer found by a search: its internal id and its source id (a pseudonym once erased).</summary>
public sealed record CustomerMatch(int Id, string SourceId);

/// <summary>Reads one customer's <see cref="CustomerFile"/>; one context per call, a handful of indexed queries.</summary>
public sealed class CustomerFileQueries(IDbContextFactory<InsightDbContext> factory)
{
    /// <summary>The one projection of a customer row to its file profile, translated to SQL by EF Core.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Customer, CustomerFileProfile>> ToProfile =
        c => new CustomerFileProfile(c.Id, c.SourceId,
            new PersonalFields(c.FirstName, c.LastName, c.Email, c.Phone, c.PostalCode, c.City, c.Country), c.CreatedAtUtc, c.ErasedAtUtc);

    /// <summary>The file of the customer with internal id <paramref name="customerId"/>; null when unknown.</summary>
    public async Task<CustomerFile?> GetAsync(int customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var profile = await db.Customers.AsNoTracking()
            .Where(c => c.Id == customerId)
            .Select(ToProfile)
            .SingleOrDefaultAsync(cancellationToken);
        return profile is null ? null : await LoadAsync(db, profile, cancellationToken);
    }

    /// <summary>The file of the customer with source id <paramref name="sourceId"/> (what the command line takes); null when unknown.</summary>
    public async Task<CustomerFile?> GetBySourceIdAsync(string sourceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var id = await db.Customers.AsNoTracking().Where(c => c.SourceId == sourceId).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        return id is null ? null : await GetAsync(id.Value, cancellationToken);
    }

    /// <summary>
    /// The file of the customer an access or erasure request names: by source id, else by e-mail (the request often
    /// comes from that address), exactly first and then ignoring case (ASCII, as SQLite's <c>upper</c>). Null when
    /// no customer, or several, match: the admin then gives the source id.
    /// </summary>
    public async Task<CustomerFile?> FindAsync(string term, CancellationToken cancellationToken = default) =>
        await FindIdAsync(term, cancellationToken) is { } match ? await GetAsync(match.Id, cancellationToken) : null;

    /// <summary>
    /// The customer a search names, as <see cref="FindAsync"/> finds it (source id, else e-mail, exactly then ignoring
    /// case), without loading its file: its internal id and the source id users see. Null when none or several match.
    /// </summary>
    public async Task<CustomerMatch?> FindIdAsync(string term, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(term);
        term = term.Trim();
        if (term.Length == 0)
        {
            return null;
        }
        var upper = term.ToUpperInvariant();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        IQueryable<Customer> customers = db.Customers.AsNoTracking();
#pragma warning disable CA1862 // ToUpper becomes SQL upper(); string.Equals with a StringComparison does not translate.
        foreach (var match in new[]
        {
            customers.Where(c => c.SourceId == term),
            customers.Where(c => c.Email == term),
            customers.Where(c => c.SourceId.ToUpper() == upper),
            customers.Where(c => c.Email != null && c.Email.ToUpper() == upper),
        })
#pragma warning restore CA1862
        {
            var found = await match.Select(c => new CustomerMatch(c.Id, c.SourceId)).Take(2).ToListAsync(cancellationToken);
            if (found.Count > 0)
            {
                return found.Count == 1 ? found[0] : null;
            }
        }
        return null;
    }

    /// <summary>Name, e-mail, phone and address of the given customers (for exports an admin asked personal data in).</summary>
    public async Task<IReadOnlyDictionary<int, CustomerFileProfile>> GetProfilesAsync(IReadOnlyCollection<int> customerIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var wanted = customerIds.ToHashSet();
        var result = new Dictionary<int, CustomerFileProfile>(wanted.Count);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // One scan streamed and filtered here: an IN list of 100,000 ids is no better in SQLite.
        var rows = db.Customers.AsNoTracking()
            .Select(ToProfile)
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (wanted.Contains(row.Id))
            {
                result[row.Id] = row;
            }
        }
        return result;
    }

    private static async Task<CustomerFile> LoadAsync(InsightDbContext db, CustomerFileProfile profile, CancellationToken cancellationToken)
    {
        var history = (await db.ConsentRecords.AsNoTracking()
                .Where(r => r.CustomerId == profile.Id)
                .Select(r => new { r.Id, Entry = new ConsentEntry(r.Purpose, r.Status, r.RecordedAtUtc, r.Source, r.ProofReference) })
                .ToListAsync(cancellationToken))
            .OrderBy(r => r.Entry.RecordedAtUtc).ThenBy(r => r.Id)
            .Select(r => r.Entry)
            .ToList();
        var current = history
            .GroupBy(e => e.Purpose)
            .OrderBy(g => g.Key)
            .Select(g => g.Last())
            .ToList();

        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.CustomerId == profile.Id)
            .OrderBy(o => o.OrderedAtUtc).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.Source, o.SourceOrderId, o.OrderedAtUtc, o.BusinessDate, o.Channel, o.Kind, o.AmountMilli })
            .ToListAsync(cancellationToken);
        var lines = (await db.OrderLines.AsNoTracking()
                .Where(l => l.Order!.CustomerId == profile.Id)
                .OrderBy(l => l.OrderId).ThenBy(l => l.Id)
                .Select(l => new { l.OrderId, ProductCode = l.Product!.Code, l.Product.Description, l.Quantity, l.UnitPriceMilli, l.AmountMilli })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.OrderId);

        var answers = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.CustomerId == profile.Id)
            .OrderBy(r => r.RespondedAtUtc).ThenBy(r => r.Id)
            .Select(r => new CustomerFileSurveyAnswer(r.Id, r.SourceId, r.RespondedAtUtc, r.BusinessDate, r.Kind, r.Channel, r.OrderId,
                r.RecommendScore, r.SatisfactionScore, r.Comment))
            .ToListAsync(cancellationToken);

        return new CustomerFile(
            profile,
            current,
            history,
            orders.Select(o => new CustomerFileOrder(
                    o.Id, o.Source, o.SourceOrderId, o.OrderedAtUtc, o.BusinessDate, o.Channel, o.Kind, Money.FromMilli(o.AmountMilli),
                    lines[o.Id].Select(l => new CustomerFileOrderLine(l.ProductCode, l.Description, l.Quantity, Money.FromMilli(l.UnitPriceMilli),
                        Money.FromMilli(l.AmountMilli))).ToList()))
                .ToList(),
            answers);
    }
}

using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Privacy;

/// <summary>A consent change recorded by an admin (the history is append-only: this adds an entry).</summary>
public sealed record ConsentChange(ConsentPurpose Purpose, ConsentStatus Status, DateTime RecordedAtUtc, string Source, string? ProofReference);

public enum PrivacyCommandOutcome
{
    Done,
    UnknownCustomer,
    ErasedCustomer,
    Invalid,
}

/// <summary>
/// Admin changes to one customer: rectification (GDPR art. 16; audited as <c>privacy.rectify</c> with the
/// NAMES of the changed fields, never their values) and consent changes (<c>consent.record</c>). Each change
/// and its audit entry share one transaction. Erased customers cannot be changed. Callers check the Admin policy.
/// </summary>
public sealed class PrivacyCommands(IDbContextFactory<InsightDbContext> factory, AuditLog audit, TimeProvider clock,
    DataChangeNotifier? notifier = null)
{
    public const string RectifyAction = "privacy.rectify";
    public const string ConsentAction = "consent.record";
    public const int MaxSourceLength = 100, MaxProofLength = 200;

    /// <summary>The current personal fields of a (non-erased) customer; null when unknown or erased.</summary>
    public async Task<PersonalFields?> GetPersonalFieldsAsync(int customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Customers.AsNoTracking()
            .Where(c => c.Id == customerId && c.ErasedAtUtc == null)
            .Select(c => new PersonalFields(c.FirstName, c.LastName, c.Email, c.Phone, c.PostalCode, c.City, c.Country))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Writes the fields that differ (blank means none); returns the outcome and the names of the changed fields.</summary>
    public async Task<(PrivacyCommandOutcome Outcome, IReadOnlyList<string> ChangedFields)> RectifyAsync(
        int customerId, PersonalFields fields, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (!Fits(fields.FirstName, 100) || !Fits(fields.LastName, 100) || !Fits(fields.Email, 254) || !Fits(fields.Phone, 40)
            || !Fits(fields.PostalCode, 20) || !Fits(fields.City, 100) || !Fits(fields.Country, 100))
        {
            return (PrivacyCommandOutcome.Invalid, []);
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return (PrivacyCommandOutcome.UnknownCustomer, []);
        }
        if (customer.IsErased)
        {
            return (PrivacyCommandOutcome.ErasedCustomer, []);
        }
        var changed = new List<string>();
        customer.FirstName = Set(customer.FirstName, fields.FirstName, nameof(fields.FirstName), changed);
        customer.LastName = Set(customer.LastName, fields.LastName, nameof(fields.LastName), changed);
        customer.Email = Set(customer.Email, fields.Email, nameof(fields.Email), changed);
        customer.Phone = Set(customer.Phone, fields.Phone, nameof(fields.Phone), changed);
        customer.PostalCode = Set(customer.PostalCode, fields.PostalCode, nameof(fields.PostalCode), changed);
        customer.City = Set(customer.City, fields.City, nameof(fields.City), changed);
        customer.Country = Set(customer.Country, fields.Country, nameof(fields.Country), changed);
        if (changed.Count > 0)
        {
            db.AuditEntries.Add(audit.NewEntry(userName, RectifyAction, target: $"customer:{customerId}", details: string.Join(",", changed)));
            await db.SaveChangesAsync(cancellationToken);
            await notifier.CommitAndNotifyAsync(db, transaction, cancellationToken);
        }
        return (PrivacyCommandOutcome.Done, changed);
    }

    /// <summary>Appends a consent entry to the customer's history (audited: purpose and status, not the proof).</summary>
    public async Task<PrivacyCommandOutcome> RecordConsentAsync(int customerId, ConsentChange change, string userName,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var source = change.Source?.Trim();
        var proof = Clean(change.ProofReference);
        if (string.IsNullOrEmpty(source) || source.Length > MaxSourceLength || proof?.Length > MaxProofLength
            || !Enum.IsDefined(change.Purpose) || !Enum.IsDefined(change.Status) || change.RecordedAtUtc.Kind == DateTimeKind.Local
            || change.RecordedAtUtc > clock.GetUtcNow().UtcDateTime.AddMinutes(5))
        {
            return PrivacyCommandOutcome.Invalid;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var erased = await db.Customers.Where(c => c.Id == customerId).Select(c =>
            (bool?)(c.ErasedAtUtc != null)).SingleOrDefaultAsync(cancellationToken);
        if (erased is null)
        {
            return PrivacyCommandOutcome.UnknownCustomer;
        }
        if (erased.Value)
        {
            return PrivacyCommandOutcome.ErasedCustomer;
        }
        db.ConsentRecords.Add(new ConsentRecord
        {
            CustomerId = customerId,
            Purpose = change.Purpose,
            Status = change.Status,
            RecordedAtUtc = DateTime.SpecifyKind(change.RecordedAtUtc, DateTimeKind.Utc),
            Source = source,
            ProofReference = proof,
        });
        db.AuditEntries.Add(audit.NewEntry(userName, ConsentAction, target: $"customer:{customerId}", details: $"{change.Purpose} {change.Status}"));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.CommitAndNotifyAsync(db, transaction, cancellationToken);
        return PrivacyCommandOutcome.Done;
    }

    private static bool Fits(string? value, int max) => (Clean(value)?.Length ?? 0) <= max;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Set(string? current, string? wanted, string name, List<string> changed)
    {
        var value = Clean(wanted);
        if (!string.Equals(current, value, StringComparison.Ordinal))
        {
            changed.Add(name);
        }
        return value;
    }
}

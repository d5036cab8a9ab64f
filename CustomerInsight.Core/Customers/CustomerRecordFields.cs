namespace CustomerInsight.Core.Customers;

/// <summary>
/// What a customer row (<see cref="Customer"/>) and a merge's kept source record (<c>CustomerMergeSource</c>) both hold:
/// the source id, the <see cref="PersonalFields"/> and where the record came from. Not an entity itself: each
/// table maps these columns as its own.
/// </summary>
public abstract class CustomerRecordFields
{
    /// <summary>The customer id in the source system (e.g. <c>17850</c>).</summary>
    public required string SourceId { get; set; }

    // Personal fields (PersonalFields): removed on erasure, except the country.
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }

    /// <summary>Country is kept on erasure: it is not identifying on its own and feeds aggregates.</summary>
    public string? Country { get; set; }

    /// <summary>When the record was created here: the source's CreatedAt when the file gave one, else the import's time.</summary>
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// The creation date as given by the source file (<c>CreatedAt</c>); null when the source did not give one.
    /// A last activity (metrics.md, retention): the time an import ran never is.
    /// </summary>
    public DateTime? SourceCreatedAtUtc { get; set; }

    /// <summary>
    /// Once erased: HMAC-SHA256 of the original source id under the database's customer key (hex), so an
    /// import of an old file still recognises the record and skips it; the source id itself is replaced by a pseudonym.
    /// </summary>
    public string? ErasedSourceIdHash { get; set; }

    /// <summary>
    /// The import that created this customer, as long as no later import updated it: undoing that import removes
    /// the customer when nothing else is left of it. Null for customers of the demo data, created before imports
    /// were tracked, or updated by another import (which then keeps them).
    /// </summary>
    public int? ImportBatchId { get; set; }

    /// <summary>The profile fields as one value (a method, not a property: EF Core maps the columns, not this).</summary>
    public PersonalFields GetPersonalFields() => new(FirstName, LastName, Email, Phone, PostalCode, City, Country);

    /// <summary>Writes every profile field (a merge's chosen profile, a rectification).</summary>
    public void SetPersonalFields(PersonalFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        (FirstName, LastName, Email, Phone, PostalCode, City, Country) =
            (fields.FirstName, fields.LastName, fields.Email, fields.Phone, fields.PostalCode, fields.City, fields.Country);
    }

    /// <summary>Copies the profile and the provenance of <paramref name="other"/> (not the source id nor its erased hash).</summary>
    public void CopyRecordFrom(CustomerRecordFields other)
    {
        ArgumentNullException.ThrowIfNull(other);
        SetPersonalFields(other.GetPersonalFields());
        CreatedAtUtc = other.CreatedAtUtc;
        SourceCreatedAtUtc = other.SourceCreatedAtUtc;
        ImportBatchId = other.ImportBatchId;
    }
}

namespace CustomerInsight.Core.Customers;

/// <summary>
/// The profile fields of a customer record, written once for every feature that shows, exports, edits or checks them:
/// the customer 360 (<see cref="CustomerProfile"/>), the access/portability file (<c>CustomerFileProfile</c>), the
/// quality figures (<c>QualityRecord</c>), rectification and a merge's chosen profile. The records that carry them
/// derive from this one. All but <see cref="Country"/> are personal data, removed on erasure; the country is kept
/// (not identifying on its own, it feeds aggregates).
/// </summary>
public record PersonalFields(string? FirstName, string? LastName, string? Email, string? Phone, string? PostalCode, string? City,
    string? Country)
{
    /// <summary>No value at all (an erased customer's profile keeps its country: <c>None with { Country = … }</c>).</summary>
    public static PersonalFields None { get; } = new(null, null, null, null, null, null, null);
}

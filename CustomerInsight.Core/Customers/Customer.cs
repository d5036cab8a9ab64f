using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Surveys;

namespace CustomerInsight.Core.Customers;

public class Customer
{
    public int Id { get; set; }

    /// <summary>The customer id in the source system (e.g. <c>17850</c>); unique.</summary>
    public required string SourceId { get; set; }

    // Personal fields: removed on erasure.
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

    /// <summary>Set when the customer was erased (anonymised); such a customer never comes back through an import.</summary>
    public DateTime? ErasedAtUtc { get; set; }

    /// <summary>
    /// Once erased: HMAC-SHA256 of the original source id under the database's customer key (hex), so an
    /// import of an old file still recognises the customer and skips it; the source id itself is replaced by a pseudonym.
    /// </summary>
    public string? ErasedSourceIdHash { get; set; }

    /// <summary>
    /// The import that created this customer, as long as no later import updated it: undoing that import removes
    /// the customer when nothing else is left of it. Null for customers of the demo data, created before imports
    /// were tracked, or updated by another import (which then keeps them).
    /// </summary>
    public int? ImportBatchId { get; set; }

    public List<Order> Orders { get; set; } = [];
    public List<SurveyResponse> SurveyResponses { get; set; } = [];
    public List<ConsentRecord> Consents { get; set; } = [];

    public bool IsErased => ErasedAtUtc is not null;
}

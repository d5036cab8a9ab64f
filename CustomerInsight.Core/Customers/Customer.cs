using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Surveys;

namespace CustomerInsight.Core.Customers;

/// <summary>A customer: its source id and profile (<see cref="CustomerRecordFields"/>; the source id is unique here).</summary>
public class Customer : CustomerRecordFields
{
    public int Id { get; set; }

    /// <summary>Set when the customer was erased (anonymised); such a customer never comes back through an import.</summary>
    public DateTime? ErasedAtUtc { get; set; }

    public List<Order> Orders { get; set; } = [];
    public List<SurveyResponse> SurveyResponses { get; set; } = [];
    public List<ConsentRecord> Consents { get; set; } = [];

    public bool IsErased => ErasedAtUtc is not null;
}

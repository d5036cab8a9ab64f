using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Sales;

namespace CustomerInsight.Core.Surveys;

public enum SurveyKind
{
    Transactional = 0,
    Relational = 1,
}

public class SurveyResponse
{
    public long Id { get; set; }

    /// <summary>The response id in its source; unique.</summary>
    public required string SourceId { get; set; }

    public int? CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public long? OrderId { get; set; }
    public DateTime RespondedAtUtc { get; set; }
    public DateOnly BusinessDate { get; set; }
    public int BusinessMonth { get; set; }
    public SurveyKind Kind { get; set; }
    public Channel? Channel { get; set; }

    /// <summary>0–10, "How likely are you to recommend us?".</summary>
    public int? RecommendScore { get; set; }

    /// <summary>1–5.</summary>
    public int? SatisfactionScore { get; set; }

    /// <summary>Free text: personal data, erased with the customer.</summary>
    public string? Comment { get; set; }

    public int? ImportBatchId { get; set; }
}

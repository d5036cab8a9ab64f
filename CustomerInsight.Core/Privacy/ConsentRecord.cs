using CustomerInsight.Core.Customers;

namespace CustomerInsight.Core.Privacy;

public enum ConsentPurpose
{
    EmailMarketing = 0,
    SmsMarketing = 1,
    PhoneMarketing = 2,
    Personalisation = 3,
}

public enum ConsentStatus
{
    Granted = 0,
    Withdrawn = 1,
}

/// <summary>One entry of a customer's append-only consent history.</summary>
public class ConsentRecord
{
    public long Id { get; set; }
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public ConsentPurpose Purpose { get; set; }
    public ConsentStatus Status { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public required string Source { get; set; }

    /// <summary>Where the proof is kept (form id, recording, signed paper…); removed on erasure.</summary>
    public string? ProofReference { get; set; }

    public int? ImportBatchId { get; set; }
}

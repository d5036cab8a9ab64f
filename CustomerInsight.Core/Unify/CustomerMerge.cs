using CustomerInsight.Core.Customers;

namespace CustomerInsight.Core.Unify;

/// <summary>
/// One merge of a match group into its surviving customer (<see cref="CustomerId"/>, the smallest id). The other
/// members' rows are removed from <c>Customers</c> (so every count sees one person) and kept here as
/// <see cref="CustomerMergeSource"/>s with the rows moved from them, so the merge can be undone.
/// </summary>
public class CustomerMerge
{
    public int Id { get; set; }

    /// <summary>The unified customer.</summary>
    public int CustomerId { get; set; }

    public DateTime MergedAtUtc { get; set; }
    public required string MergedBy { get; set; }

    /// <summary>Which rule linked which records: <c>id-id:rule</c> separated by <c>;</c> (internal ids, no personal data).</summary>
    public required string Evidence { get; set; }

    public DateTime? UndoneAtUtc { get; set; }
    public string? UndoneBy { get; set; }

    public List<CustomerMergeSource> Sources { get; set; } = [];

    public bool IsActive => UndoneAtUtc is null;
}

/// <summary>
/// A source record of a merge, as it was just before: the survivor's own (its profile before the merge) and every
/// other member's (removed from <c>Customers</c>; its source id keeps leading imports to the unified customer while
/// the merge is active). Personal fields are removed when the unified customer is erased.
/// </summary>
public class CustomerMergeSource : CustomerRecordFields
{
    public int Id { get; set; }
    public int MergeId { get; set; }
    public CustomerMerge? Merge { get; set; }

    /// <summary>The customer's id before the merge (restored by an undo).</summary>
    public int OriginalCustomerId { get; set; }

    /// <summary>Ids of the orders, survey responses and consent records moved to the survivor (comma-separated).</summary>
    public string? MovedOrderIds { get; set; }
    public string? MovedResponseIds { get; set; }
    public string? MovedConsentIds { get; set; }
}

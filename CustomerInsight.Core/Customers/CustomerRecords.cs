using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Surveys;

namespace CustomerInsight.Core.Customers;

/// <summary>Columns the customer list can be sorted by.</summary>
public enum CustomerSort
{
    Id = 0,
    SourceId = 1,
    LastName = 2,
    Email = 3,
    City = 4,
    Country = 5,
    Orders = 6,
    NetRevenue = 7,
    LastOrder = 8,
}

/// <summary>
/// Filters of the customer list. <paramref name="Search"/> is a part of the source id, first and last name (in either
/// order), e-mail or city; <paramref name="Segment"/>, the R×F cell (<paramref name="RecencyScore"/> and
/// <paramref name="FrequencyScore"/>) and <paramref name="Lapsed"/> are read at <paramref name="ReferenceDate"/>
/// (an RFM analysis date: data strictly before it); <paramref name="Channel"/> keeps customers with at least
/// one order in that channel. <paramref name="LapsedAfterDays"/> is <c>Kpi:LapsedAfterDays</c>.
/// </summary>
public sealed record CustomerFilter(
    string? Search = null,
    string? Country = null,
    Channel? Channel = null,
    bool? Lapsed = null,
    RfmSegment? Segment = null,
    DateOnly? ReferenceDate = null,
    int LapsedAfterDays = KpiOptions.DefaultLapsedAfterDays,
    int? RecencyScore = null,
    int? FrequencyScore = null)
{
    public bool NeedsReferenceDate => Segment is not null || Lapsed is not null || HasScoreFilter;

    /// <summary>An R score, an F score or both (one cell of the R×F grid): a filter on the scores at the date.</summary>
    public bool HasScoreFilter => RecencyScore is not null || FrequencyScore is not null;
}

/// <summary>
/// One row of the customer list. Erased customers have no personal field left. <paramref name="Orders"/>,
/// <paramref name="NetRevenue"/> and <paramref name="LastOrder"/> are the customer's sale orders, net revenue (sales and
/// cancellations) and last sale order date before the list's analysis date, as RFM counts them; <paramref name="Segment"/>
/// is the RFM segment at that date (null: no sale before it).
/// </summary>
public sealed record CustomerListRow(
    int Id,
    string SourceId,
    string? FirstName,
    string? LastName,
    string? Email,
    string? City,
    string? Country,
    bool IsErased,
    int Orders = 0,
    decimal NetRevenue = 0,
    DateOnly? LastOrder = null,
    RfmSegment? Segment = null);

/// <summary>Who the customer is, as the 360 view shows it. For an erased customer only the pseudonym and the country remain.</summary>
/// <param name="Key">The pseudonymous key of exports (<see cref="RfmCustomerKeys"/>).</param>
/// <param name="SourceId">Null for an erased customer.</param>
/// <param name="Personal">The profile fields (<see cref="PersonalFields.None"/> but the country once erased); the record is them.</param>
public sealed record CustomerProfile(int Id, string Key, string? SourceId, PersonalFields Personal, DateTime CreatedAtUtc, DateTime? ErasedAtUtc)
    : PersonalFields(Personal)
{
    public PersonalFields Personal => this;

    public bool IsErased => ErasedAtUtc is not null;
}

public sealed record CustomerOrderRow(
    long Id,
    string SourceOrderId,
    DateOnly BusinessDate,
    Channel Channel,
    OrderKind Kind,
    decimal Amount,
    int Lines);

public sealed record CustomerOrderLineRow(string ProductCode, string? Description, int Quantity, decimal UnitPrice, decimal Amount);

/// <summary>One survey answer; the comment is null for an erased customer.</summary>
public sealed record CustomerSurveyRow(
    DateOnly BusinessDate,
    SurveyKind Kind,
    Channel? Channel,
    int? RecommendScore,
    int? SatisfactionScore,
    string? Comment);

/// <summary>The customer's RFM at one analysis date, <paramref name="MonthsEarlier"/> months before the reference date; null score: not scored
/// then.</summary>
public sealed record CustomerRfmAt(int MonthsEarlier, DateOnly AnalysisDate, RfmCustomerScore? Score);

/// <summary>Everything the customer 360 page shows.</summary>
/// <param name="ReferenceDate">The default RFM analysis date (day after the latest sale in the data): "now" for RFM and months since the last
/// purchase.</param>
/// <param name="Orders">The most recent orders, newest first, at most <see cref="CustomerQueries.MaxOrders"/>.</param>
/// <param name="LifetimeNetRevenue">Every sale order and cancellation of the customer, whatever the date.</param>
public sealed record Customer360(
    CustomerProfile Profile,
    IReadOnlyList<ConsentEntry> Consents,
    IReadOnlyList<CustomerOrderRow> Orders,
    int TotalOrders,
    IReadOnlyList<CustomerSurveyRow> Surveys,
    DateOnly? ReferenceDate,
    IReadOnlyList<CustomerRfmAt> Rfm,
    DateOnly? LastSaleDate,
    int? MonthsSinceLastPurchase,
    decimal LifetimeNetRevenue);

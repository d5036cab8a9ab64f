using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Sales;

namespace CustomerInsight.Core.Segments;

/// <summary>
/// What the rules of a custom segment can look at for one scored customer at an analysis date: the RFM scores and
/// metrics, the country, the channels of the sale orders before the date, the consents granted at the start of the
/// date, and the value model's P(alive) and CLV when a fit exists (null otherwise: a condition on them is then not met).
/// </summary>
/// <param name="Channels">Bit <c>1 &lt;&lt; (int)channel</c> set for every channel the customer bought on.</param>
/// <param name="Consents">Bit <c>1 &lt;&lt; (int)purpose</c> set for every purpose granted at the analysis date.</param>
public sealed record CustomerSegmentFacts(
    RfmCustomerScore Score,
    string? Country,
    int Channels,
    int Consents,
    double? PAlive = null,
    decimal? Clv = null)
{
    public int CustomerId => Score.CustomerId;

    public bool BoughtOn(Channel channel) => (Channels & channel.Bit()) != 0;

    public bool Granted(ConsentPurpose purpose) => (Consents & (1 << (int)purpose)) != 0;

    public static int ChannelBit(Channel channel) => channel.Bit();

    public static int ConsentBit(ConsentPurpose purpose) => 1 << (int)purpose;
}

/// <summary>
/// The facts beyond the RFM scores that a segmentation's rules may look at; <see cref="SegmentationQueries"/> reads only those a
/// definition uses (the others stay empty: no country, no channel, no consent, no value).
/// </summary>
[Flags]
public enum FactParts
{
    None = 0,
    Country = 1,
    Channels = 2,
    Consents = 4,

    /// <summary>P(alive) and CLV of the value model fitted on the data before the analysis date.</summary>
    Value = 8,

    /// <summary>Everything but the value model (which takes a fit).</summary>
    AllButValue = Country | Channels | Consents,
}

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

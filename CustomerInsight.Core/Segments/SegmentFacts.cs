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
public readonly record struct CustomerSegmentFacts(
    RfmCustomerScore Score,
    string? Country,
    int Channels,
    int Consents,
    double? PAlive = null,
    decimal? Clv = null) : ISegmentFactsRow
{
    public int CustomerId => Score.CustomerId;

    public bool BoughtOn(Channel channel) => (Channels & channel.Bit()) != 0;

    public bool Granted(ConsentPurpose purpose) => (Consents & (1 << (int)purpose)) != 0;

    public static int ChannelBit(Channel channel) => channel.Bit();

    public static int ConsentBit(ConsentPurpose purpose) => 1 << (int)purpose;

    /// <summary>No estimate: the CLV is the decimal given.</summary>
    double? ISegmentFactsRow.ClvEstimate => null;
}

/// <summary>What a rule reads of one customer (<see cref="SegmentEvaluator"/>): the facts themselves or a row of a facts table.</summary>
internal interface ISegmentFactsRow
{
    RfmCustomerScore Score { get; }

    string? Country { get; }

    int Channels { get; }

    int Consents { get; }

    double? PAlive { get; }

    decimal? Clv { get; }

    /// <summary>The CLV as the value model computed it (a double), when the row has it: a rule then compares it as the decimal it
    /// would be (<see cref="Clv"/>) without converting it.</summary>
    double? ClvEstimate { get; }
}

/// <summary>
/// Every scored customer's facts as columns: the RFM scores as scored and the other parts by customer id (empty: not read); each
/// customer's <see cref="CustomerSegmentFacts"/> is put together as it is read, or its <see cref="Row"/> read a column at a time
/// by the rules. At 1 M customers an object per customer was about 100 MB to allocate, and then to collect, per analysis date
/// (bench/RESULTS.md).
/// </summary>
internal sealed class SegmentFactsTable(IReadOnlyList<RfmCustomerScore> scores, string?[] countries, int[] channels, int[] consents,
    double[] alive, double[] value) : IReadOnlyList<CustomerSegmentFacts>
{
    private readonly RfmCustomerScore[] scores = scores as RfmCustomerScore[] ?? [.. scores];
    private readonly string?[] countries = countries;
    private readonly int[] channels = channels;
    private readonly int[] consents = consents;
    private readonly double[] alive = alive;
    private readonly double[] value = value;

    public int Count => scores.Length;

    public CustomerSegmentFacts this[int index]
    {
        get
        {
            var row = Row(index);
            return new CustomerSegmentFacts(row.Score, row.Country, row.Channels, row.Consents, row.PAlive, row.Clv);
        }
    }

    /// <summary>The customer id of a row.</summary>
    public int IdAt(int index) => scores[index].CustomerId;

    /// <summary>A customer's facts as the rules read them, each from its column when asked (the CLV in decimal only then).</summary>
    public FactsRow Row(int index) => new(this, index);

    public IEnumerator<CustomerSegmentFacts> GetEnumerator()
    {
        for (var i = 0; i < scores.Length; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>One row of the table.</summary>
    internal readonly struct FactsRow(SegmentFactsTable table, int index) : ISegmentFactsRow
    {
        public RfmCustomerScore Score => table.scores[index];

        private int Id => table.scores[index].CustomerId;

        public string? Country => ById.Get(table.countries, Id);

        public int Channels => ById.Get(table.channels, Id);

        public int Consents => ById.Get(table.consents, Id);

        public double? PAlive => ById.Get(table.alive, Id, double.NaN) is var p && !double.IsNaN(p) ? p : null;

        public decimal? Clv => ClvEstimate is { } v ? (decimal)v : null;

        public double? ClvEstimate => ById.Get(table.value, Id, double.NaN) is var v && double.IsFinite(v) ? v : null;
    }
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

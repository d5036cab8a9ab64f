using System.Text.Json;
using CustomerInsight.Core.Reporting;
using CustomerInsight.Core.Dashboard;

namespace CustomerInsight.Web.Cli;

/// <summary>
/// <c>kpi --from D --to D [--channel C] [--compare previous|last-year] [--json]</c>: the KPIs of metrics.md for
/// <c>[from, to)</c> and its comparison period (metrics.md: as many whole months before a range of whole months,
/// else the same number of days ending at <c>from</c>; or the same dates a year earlier), with its coverage.
/// </summary>
public sealed class KpiVerb(DashboardQueries queries, IOptions<KpiOptions> options, Deferred<ExcelExports> exports,
    CustomerInsight.Core.Data.DatabaseCurrency currency) : ICliVerb
{
    public string Name => "kpi";
    public string Summary => "KPIs of a period [from, to) and of its comparison period";
    public string Usage => """
        usage: kpi --from D --to D [--channel C] [--compare previous|last-year] [--json] [--out FILE.xlsx]

        The KPIs of metrics.md for the business dates [from, to) (to excluded) and for the
        comparison period: with --compare previous (default), as many whole months just before
        a range of whole months (2011-03-01..2011-04-01: February), else the same number of days
        ending at from; with --compare last-year, the same dates one year earlier. Below 100 %
        coverage (share of the comparison's days between the first and last day with data) the
        comparison is partial; at 0 % no change is shown.
          --from D      first day, YYYY-MM-DD
          --to D        first day after the period, YYYY-MM-DD (after --from)
          --channel C   only orders and survey responses of channel C: Web, Store, Phone, Marketplace or Other
          --compare M   previous (default) or last-year
          --json        one JSON object (money unrounded, rates as fractions 0–1, NPS in points, null where undefined)
          --out FILE    also writes the executive KPI workbook (KPIs, monthly trends, cohorts, satisfaction)
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, ["from", "to", "channel", "out", "compare"], ["json"]);
        if (arguments.Positionals.Count > 0)
        {
            throw new CliInputException($"kpi takes no file or value: \"{arguments.Positionals[0]}\".");
        }
        var from = arguments.GetDate("from") ?? throw new CliInputException("Option --from is required (YYYY-MM-DD).");
        var to = arguments.GetDate("to") ?? throw new CliInputException("Option --to is required (YYYY-MM-DD).");
        if (to <= from)
        {
            throw new CliInputException($"Option --to ({to:yyyy-MM-dd}) must be after --from ({from:yyyy-MM-dd}): the period is [from, to).");
        }
        var channel = ParseChannel(arguments.Get("channel"));
        var mode = ParseCompare(arguments.Get("compare"));
        var output = arguments.Get("out");
        if (output is not null && !Path.GetExtension(output).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliInputException($"Option --out: \"{output}\" must end with .xlsx.");
        }

        var kpi = options.Value;
        var result = await queries.GetKpisAsync(
            new KpiFilter(Period.Range(from, to), channel, Compare: mode),
            new KpiThresholds(kpi.LapsedAfterDays, kpi.MinResponses),
            cancellationToken);

        if (output is not null)
        {
            await ReportFiles.WriteAsync(output, async (stream, ct) =>
                await exports.Value.ExportKpiAsync(stream, Period.Range(from, to), mode, channel, null, ExportCustomerVerb.CommandLineRequester(), ct),
                    cancellationToken);
        }
        if (arguments.Has("json"))
        {
            await console.Out.WriteLineAsync(ToJson(result, currency.Code));
        }
        else
        {
            await console.Out.WriteAsync(ToText(result));
            await console.Out.WriteLineAsync($"Amounts in {currency.Code}.");
        }
        return 0;
    }

    /// <summary>A channel name of interfaces.md, ignoring case; null when absent.</summary>
    public static Channel? ParseChannel(string? text)
    {
        if (text is null)
        {
            return null;
        }
        foreach (var channel in Enum.GetValues<Channel>())
        {
            if (string.Equals(channel.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return channel;
            }
        }
        throw new CliInputException($"Option --channel: \"{text}\" is not a channel (expected {string.Join(", ", Enum.GetNames<Channel>())}).");
    }

    /// <summary>The comparison mode of <c>--compare</c> (interfaces.md); previous when absent.</summary>
    public static ComparisonMode ParseCompare(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "previous" => ComparisonMode.Previous,
        "last-year" => ComparisonMode.LastYear,
        _ => throw new CliInputException($"Option --compare: \"{text}\" is not a comparison mode (expected previous or last-year)."),
    };

    /// <summary>The JSON object of interfaces.md, keys in its order.</summary>
    /// <param name="currency">The database's reporting currency (ISO 4217) of the amounts; null leaves the key out.</param>
    public static string ToJson(KpiComparison result, string? currency = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("from", Iso(result.Period.Start));
            json.WriteString("to", Iso(result.Period.End));
            json.WriteString("previousFrom", Iso(result.PreviousPeriod.Start));
            json.WriteString("previousTo", Iso(result.PreviousPeriod.End));
            json.WriteNumber("previousCoverage", result.PreviousCoverage);
            json.WritePropertyName("current");
            WriteSnapshot(json, result.Current);
            json.WritePropertyName("previous");
            WriteSnapshot(json, result.Previous);
            if (currency is not null)
            {
                json.WriteString("currency", currency);
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteSnapshot(Utf8JsonWriter json, KpiSnapshot snapshot)
    {
        var s = snapshot.Sales;
        var q = snapshot.Satisfaction;
        json.WriteStartObject();
        json.WriteNumber("orders", s.Orders);
        json.WriteNumber("grossSales", s.GrossSales);
        json.WriteNumber("returns", s.Returns);
        json.WriteNumber("netRevenue", s.NetRevenue);
        WriteNullable(json, "averageBasket", s.AverageBasket);
        json.WriteNumber("activeCustomers", s.ActiveCustomers);
        json.WriteNumber("newCustomers", s.NewCustomers);
        WriteNullable(json, "purchaseFrequency", s.PurchaseFrequency);
        WriteNullable(json, "repeatPurchaseRate", s.RepeatPurchaseRate);
        WriteNullable(json, "retentionRate", s.RetentionRate);
        WriteNullable(json, "nps", q.Nps);
        json.WriteNumber("npsResponses", q.NpsResponses);
        WriteNullable(json, "npsMarginOfError", q.NpsMarginOfError);
        WriteNullable(json, "csat", q.Csat);
        json.WriteNumber("csatResponses", q.CsatResponses);
        WriteNullable(json, "meanSatisfaction", q.MeanSatisfaction);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>The human-readable summary: one line per KPI, current, previous and change.</summary>
    public static string ToText(KpiComparison result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder();
        var channel = result.Filter.Channel is { } only ? $", channel {only}" : "";
        var against = result.Filter.Compare == ComparisonMode.LastYear ? "the same period last year" : "the previous period";
        text.AppendLine(c,
            $"KPIs for [{Iso(result.Period.Start)}, {Iso(result.Period.End)}) "
            + $"against {against} [{Iso(result.PreviousPeriod.Start)}, {Iso(result.PreviousPeriod.End)}){channel}");
        if (result.HasNoComparison)
        {
            text.AppendLine("Comparison n/a: no data in the comparison period, no change shown.");
        }
        else if (result.IsPartial)
        {
            text.AppendLine(c, $"Comparison partial ({(result.PreviousCoverage * 100).ToString("0.#", c)} % of days have data).");
        }
        text.AppendLine(c, $"{"",-22} {"current",16} {"previous",16} {"change",10}");
        foreach (var (kpi, label, format) in Lines)
        {
            var change = result.Change(kpi);
            var suffix = kpi is Kpi.Nps or Kpi.Csat && result.Current.IsSmallSample(kpi) ? "  (small sample)" : "";
            text.AppendLine(c,
                $"{label,-22} {format(result.Current.Value(kpi)),16} {format(result.Previous.Value(kpi)),16} {FormatChange(change),10}{suffix}");
        }
        text.AppendLine(c, $"{"NPS responses",-22} {result.Current.Satisfaction.NpsResponses,16} {result.Previous.Satisfaction.NpsResponses,16}");
        text.AppendLine(c, $"{"CSAT responses",-22} {result.Current.Satisfaction.CsatResponses,16} {result.Previous.Satisfaction.CsatResponses,16}");
        return text.ToString();
    }

    private static readonly (Kpi Kpi, string Label, Func<double?, string> Format)[] Lines =
    [
        (Kpi.Orders, "Orders", v => Fixed(v, 0)),
        (Kpi.GrossSales, "Gross sales", v => Fixed(v, 2)),
        (Kpi.Returns, "Returns", v => Fixed(v, 2)),
        (Kpi.NetRevenue, "Net revenue", v => Fixed(v, 2)),
        (Kpi.AverageBasket, "Average basket", v => Fixed(v, 2)),
        (Kpi.ActiveCustomers, "Active customers", v => Fixed(v, 0)),
        (Kpi.NewCustomers, "New customers", v => Fixed(v, 0)),
        (Kpi.PurchaseFrequency, "Purchase frequency", v => Fixed(v, 2)),
        (Kpi.RepeatPurchaseRate, "Repeat purchase rate", Percent),
        (Kpi.RetentionRate, "Retention rate", Percent),
        (Kpi.Nps, "NPS", v => Fixed(v, 1)),
        (Kpi.Csat, "CSAT", Percent),
        (Kpi.MeanSatisfaction, "Mean satisfaction", v => Fixed(v, 1)),
    ];

    private static string Fixed(double? value, int decimals) =>
        value is { } v ? v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "n/a";

    private static string Percent(double? fraction) =>
        fraction is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "n/a";

    private static string FormatChange(KpiChange change) => change.Value switch
    {
        null => "n/a",
        { } v when change.Kind == KpiChangeKind.Relative => (v * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %",
        { } v when change.Kind == KpiChangeKind.Points => v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pts",
        { } v => v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture),
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

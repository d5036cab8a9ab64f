using System.Text;
using System.Text.Json;
using CustomerInsight.Core.Reporting;
using CustomerInsight.Core.Value;

namespace CustomerInsight.Web.Cli;

/// <summary><c>clv --calibration-end D [--horizon-weeks N] [--json] [--out FILE.xlsx]</c>: BG/NBD and Gamma-Gamma fits (interfaces.md).</summary>
public sealed class ClvVerb(ClvQueries clv, Deferred<ExcelExports> exports, CliTiming timing) : ICliVerb
{
    public const int MaxHorizonWeeks = 520;

    public string Name => "clv";
    public string Summary => "customer value and churn: BG/NBD and Gamma-Gamma fits at a calibration end (--json, --out FILE.xlsx)";
    public string Usage => """
        usage: clv --calibration-end YYYY-MM-DD [--horizon-weeks N] [--json] [--out FILE.xlsx]

        Fits the BG/NBD (purchases, churn) and Gamma-Gamma (spend) models of metrics.md on the purchases up to the
        calibration end inclusive (a purchase is a day with at least one sale order) and predicts each customer's
        purchases and value over the horizon (default Clv:HorizonWeeks, 52).
          --json       one JSON object: calibrationEnd, customers, repeatCustomers, bgnbd {r, alpha, a, b, logLikelihood},
                       gammaGamma {p, q, gamma, customers}, horizonWeeks, expectedRepeatPurchases,
                       actualRepeatPurchases (null when the data does not cover the horizon), expectedValue
          --out FILE   .xlsx: the parameters, the value per RFM segment and one pseudonymous row per customer
        Exit codes: 0 success, 2 bad input, 1 failure.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, ["calibration-end", "horizon-weeks", "out"], ["json"]);
        if (arguments.Positionals.Count > 0)
        {
            throw new CliInputException($"clv takes no positional value: \"{arguments.Positionals[0]}\".");
        }
        var end = arguments.GetDate("calibration-end") ?? throw new CliInputException("Option --calibration-end is required (YYYY-MM-DD).");
        int? horizon = null;
        if (arguments.Get("horizon-weeks") is { } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var weeks) || weeks < 1 || weeks > MaxHorizonWeeks)
            {
                throw new CliInputException($"Option --horizon-weeks: \"{text}\" is not a whole number of weeks from 1 to {MaxHorizonWeeks}.");
            }
            horizon = weeks;
        }
        var output = arguments.Get("out");
        if (output is not null)
        {
            if (!Path.GetExtension(output).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                throw new CliInputException($"Option --out: \"{output}\" must end with .xlsx.");
            }
            var directory = Path.GetDirectoryName(Path.GetFullPath(output));
            if (directory is not null && !Directory.Exists(directory))
            {
                throw new CliInputException($"Option --out: the folder \"{directory}\" does not exist.");
            }
        }

        ClvReport? found;
        try
        {
            found = await clv.GetReportAsync(end, horizon, null, cancellationToken);
        }
        catch (NoRepeatPurchaseException e)
        {
            var inv = CultureInfo.InvariantCulture;
            throw new CliInputException(string.Create(inv, $"No customer has a repeat purchase on or before {end:yyyy-MM-dd} ") +
                string.Create(inv, $"(each of the {e.Customers:N0} customers bought on a single day): ") +
                "the churn parameters a and b cannot be fitted. Choose a later --calibration-end.");
        }
        catch (ArgumentException e)
        {
            // Data that cannot be fitted (no repeat purchase by then) is bad input for this date, not a failure of the tool.
            throw new CliInputException($"The models cannot be fitted at {end:yyyy-MM-dd}: {e.Message.Split(" (Parameter", 2)[0]}");
        }
        var report = found
            ?? throw new CliInputException($"No customer has a sale order on or before {end:yyyy-MM-dd}: there is nothing to fit.");
        foreach (var phase in report.Phases)
        {
            timing.AddPhase(phase.Name, phase.Elapsed, phase.Processor, phase.Detail);
        }
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (output is not null)
        {
            // The same cached fit: the workbook does not fit again.
            await ReportFiles.WriteAsync(output, (stream, ct) => exports.Value.ExportClvAsync(stream, end, horizon,
                ExportCustomerVerb.CommandLineRequester(), ct), cancellationToken);
        }
        if (arguments.Has("json"))
        {
            await console.Out.WriteLineAsync(ToJson(report));
            timing.AddPhase("JSON", watch.Elapsed);
        }
        else
        {
            await WriteTextAsync(console.Out, report);
            if (output is not null)
            {
                await console.Out.WriteLineAsync(
                    $"Wrote {report.Model.Customers.Count.ToString("N0", CultureInfo.InvariantCulture)} customer rows to {output}");
            }
        }
        return 0;
    }

    /// <summary>The JSON of interfaces.md, parameters unrounded.</summary>
    public static string ToJson(ClvReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var model = report.Model;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("calibrationEnd", model.CalibrationEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteNumber("customers", model.Customers.Count);
            json.WriteNumber("repeatCustomers", model.RepeatCustomers);
            json.WriteStartObject("bgnbd");
            var bg = model.BgNbd.Parameters;
            json.WriteNumber("r", bg.R);
            json.WriteNumber("alpha", bg.Alpha);
            json.WriteNumber("a", bg.A);
            json.WriteNumber("b", bg.B);
            json.WriteNumber("logLikelihood", model.BgNbd.LogLikelihood);
            json.WriteEndObject();
            if (model.GammaGamma is { } gg)
            {
                json.WriteStartObject("gammaGamma");
                json.WriteNumber("p", gg.Parameters.P);
                json.WriteNumber("q", gg.Parameters.Q);
                json.WriteNumber("gamma", gg.Parameters.Gamma);
                json.WriteNumber("customers", gg.Customers);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("gammaGamma");
            }
            json.WriteNumber("horizonWeeks", model.HorizonWeeks);
            json.WriteNumber("expectedRepeatPurchases", model.ExpectedRepeatPurchases);
            if (report.ActualRepeatPurchases is { } actual)
            {
                json.WriteNumber("actualRepeatPurchases", actual);
            }
            else
            {
                json.WriteNull("actualRepeatPurchases");
            }
            if (model.ExpectedValue is { } value)
            {
                json.WriteNumber("expectedValue", value);
            }
            else
            {
                json.WriteNull("expectedValue");
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static async Task WriteTextAsync(TextWriter output, ClvReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        var model = report.Model;
        var bg = model.BgNbd.Parameters;
        await output.WriteLineAsync(
            string.Create(inv, $"Value and churn at calibration end {model.CalibrationEnd:yyyy-MM-dd}: {model.Customers.Count:N0} customers, ")
            + string.Create(inv, $"{model.RepeatCustomers:N0} with repeat purchases"));
        await output.WriteLineAsync(string.Create(inv,
            $"BG/NBD       r {bg.R:G6}  alpha {bg.Alpha:G6}  a {bg.A:G6}  b {bg.B:G6}  log-likelihood {model.BgNbd.LogLikelihood:F2}"));
        await output.WriteLineAsync(model.GammaGamma is { } gg
            ? string.Create(inv,
                $"Gamma-Gamma  p {gg.Parameters.P:G6}  q {gg.Parameters.Q:G6}  gamma {gg.Parameters.Gamma:G6}  ({gg.Customers:N0} customers)")
            : "Gamma-Gamma  not fitted: no customer with repeat purchases of a positive value");
        var actual = report.ActualRepeatPurchases is { } a ? a.ToString("N0", inv) : "n/a (the data does not cover the horizon)";
        await output.WriteLineAsync(
            string.Create(inv, $"Next {model.HorizonWeeks} weeks: expected repeat purchases {model.ExpectedRepeatPurchases:N1}, actual {actual}"));
        await output.WriteLineAsync(model.ExpectedValue is { } v ? string.Create(inv, $"Expected value {v:N2}") : "Expected value n/a");
    }
}

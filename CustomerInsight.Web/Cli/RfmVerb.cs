using System.Text;
using System.Text.Json;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Reporting;
using CustomerInsight.Core.Rfm;

namespace CustomerInsight.Web.Cli;

/// <summary><c>rfm [--date D] [--json] [--out FILE.csv|FILE.xlsx] [--with-ids]</c>: RFM at an analysis date (interfaces.md).</summary>
public sealed class RfmVerb(RfmQueries rfm, AppSecrets secrets, Deferred<ExcelExports> exports) : ICliVerb
{
    public string Name => "rfm";
    public string Summary => "RFM segments at an analysis date (summary, --json, --out FILE.csv|FILE.xlsx per customer)";
    public string Usage => """
        usage: rfm [--date YYYY-MM-DD] [--json] [--out FILE.csv|FILE.xlsx] [--with-ids]

        Scores every identified customer with a sale order before the analysis date (default: the day
        after the latest sale order) and prints the ten segments with their customers and monetary.
          --json       one JSON object: analysisDate, customers, segments [{segment, customers, monetary}]
          --out FILE   .csv: one row per customer (UTF-8): customer key, recency, frequency, monetary, R, F, M, segment;
                       .xlsx: the RFM workbook (segment summary, then one pseudonymous row per customer)
          --with-ids   the CSV key is the source customer id instead of the pseudonym (CSV only)
        Exit codes: 0 success, 2 bad input, 1 failure.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, ["date", "out"], ["json", "with-ids"]);
        if (arguments.Positionals.Count > 0)
        {
            throw new CliInputException($"rfm takes no positional value: \"{arguments.Positionals[0]}\".");
        }
        var output = arguments.Get("out");
        if (output is not null)
        {
            CheckOutput(output);
        }
        var isWorkbook = output is not null && Path.GetExtension(output).Equals(".xlsx", StringComparison.OrdinalIgnoreCase);
        if (arguments.Has("with-ids") && (output is null || isWorkbook))
        {
            throw new CliInputException("Option --with-ids only applies to --out FILE.csv.");
        }

        var date = arguments.GetDate("date") ?? await rfm.GetDefaultAnalysisDateAsync(cancellationToken)
            ?? throw new CliInputException("The database holds no sale order: there is nothing to score (give --date or import data first).");

        RfmSummary summary;
        if (isWorkbook)
        {
            // The RFM workbook (segment summary + one pseudonymous row per customer), audited like a web export.
            var written = await ReportFiles.WriteAsync(output!, async (stream, ct) => await exports.Value.ExportRfmAsync(stream, date,
                ExportCustomerVerb.CommandLineRequester(), ct), cancellationToken);
            // The workbook's own summary: scoring 100,000 customers twice costs about a second.
            summary = written?.RfmSummary ?? await rfm.GetSummaryAsync(date, cancellationToken);
        }
        else if (output is not null)
        {
            var secret = await secrets.GetOrCreateAsync(AppSecret.CustomerKey, cancellationToken);
            var withIds = arguments.Has("with-ids");
            var rows = await rfm.GetCustomerRowsAsync(date, secret, withIds, cancellationToken);
            await WriteCsvAsync(output, rows, withIds, cancellationToken);
            // Audited like the workbook; source ids are the customers' identities, so --with-ids is personal data.
            await exports.Value.AuditFileAsync(ExportCustomerVerb.CommandLineRequester(includePersonalData: withIds), "rfm",
                $"date={date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; ids={(withIds ? "source" : "pseudonymous")}", "csv", rows.Count,
                    cancellationToken);
            summary = rfm.Summarize(new RfmResult(date, rows.Select(r => r.Score).ToArray()));
        }
        else
        {
            summary = await rfm.GetSummaryAsync(date, cancellationToken);
        }

        if (arguments.Has("json"))
        {
            await console.Out.WriteLineAsync(ToJson(summary));
        }
        else
        {
            await WriteTextAsync(console.Out, summary);
            if (output is not null)
            {
                await console.Out.WriteLineAsync($"Wrote {summary.Customers.ToString("N0", CultureInfo.InvariantCulture)} rows to {output}");
            }
        }
        return 0;
    }

    /// <summary>The JSON of interfaces.md: all ten segments in metrics.md order, money unrounded.</summary>
    public static string ToJson(RfmSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("analysisDate", summary.AnalysisDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteNumber("customers", summary.Customers);
            json.WriteStartArray("segments");
            foreach (var segment in summary.Segments)
            {
                json.WriteStartObject();
                json.WriteString("segment", segment.Segment.Code());
                json.WriteNumber("customers", segment.Customers);
                json.WriteNumber("monetary", segment.Monetary);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void CheckOutput(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not ".csv" and not ".xlsx")
        {
            throw new CliInputException($"Option --out: \"{path}\" must end with .csv or .xlsx.");
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new CliInputException($"Option --out: the folder \"{directory}\" does not exist.");
        }
    }

    private static async Task WriteCsvAsync(string path, IReadOnlyList<RfmCustomerRow> rows, bool withIds, CancellationToken cancellationToken)
    {
        // Written next to the target and moved into place: a cancelled or failed run leaves no half file.
        var temporary = path + ".partial";
        try
        {
            await using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                await writer.WriteLineAsync((withIds ? "customer_id" : "customer_key") + ",recency,frequency,monetary,r,f,m,segment");
                var line = new StringBuilder();
                foreach (var row in rows)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var s = row.Score;
                    line.Clear()
                        .Append(Csv(withIds ? row.SourceId ?? row.CustomerKey : row.CustomerKey)).Append(',')
                        .Append(s.Recency.ToString(CultureInfo.InvariantCulture)).Append(',')
                        .Append(s.Frequency.ToString(CultureInfo.InvariantCulture)).Append(',')
                        .Append(s.Monetary.ToString(CultureInfo.InvariantCulture)).Append(',')
                        .Append(s.RecencyScore.ToString(CultureInfo.InvariantCulture)).Append(',')
                        .Append(s.FrequencyScore.ToString(CultureInfo.InvariantCulture)).Append(',')
                        .Append(s.MonetaryScore.ToString(CultureInfo.InvariantCulture)).Append(',')
                        .Append(s.Segment.Code());
                    await writer.WriteLineAsync(line, cancellationToken);
                }
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Quotes a field holding a separator or quote; a leading formula character is neutralised for spreadsheets.</summary>
    private static string Csv(string value)
    {
        var text = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static async Task WriteTextAsync(TextWriter output, RfmSummary summary)
    {
        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync($"RFM at {summary.AnalysisDate.ToString("yyyy-MM-dd", inv)}: {summary.Customers.ToString("N0",
            inv)} customers, monetary {summary.Monetary.ToString("N2", inv)}");
        await output.WriteLineAsync($"{"segment",-20} {"customers",10} {"share",7} {"monetary",16} {"average",12}");
        foreach (var s in summary.Segments)
        {
            var share = s.ShareOfCustomers is { } v ? v.ToString("P1", inv) : "n/a";
            var average = s.AverageMonetary is { } a ? a.ToString("N2", inv) : "n/a";
            await output.WriteLineAsync($"{s.Segment.Code(),-20} {s.Customers.ToString("N0", inv),10} {share,7} {s.Monetary.ToString("N2",
                inv),16} {average,12}");
        }
    }
}

using System.Diagnostics;
using CustomerInsight.Core.Importing;

namespace CustomerInsight.Web.Cli;

/// <summary><c>import FILE --format F [--json]</c>: imports one file through the import pipeline and prints its report.</summary>
public sealed class ImportVerb(ImportPipeline pipeline, CliTiming timing) : ICliVerb
{
    public string Name => "import";
    public string Summary => "import one CSV, CSV.GZ or XLSX file (--format " + string.Join("|", ImportFormats.All.Select(f => f.Code())) + ")";
    public string Usage => $"""
        usage: import FILE --format F [--currency XXX] [--json]

        Imports FILE (.csv, .csv.gz or .xlsx) as format F: {string.Join(", ", ImportFormats.All.Select(f => f.Code()))}.
        All or nothing: a file with a rejected row writes nothing and exits with code 2, naming the
        row and column of each problem (the first 100). Rows are numbered as in a spreadsheet: the
        column names are row 1, the first data row is row 2. --json prints the import report as JSON.
          --currency XXX  the currency of the file's amounts (ISO 4217, e.g. EUR, GBP); it must be the
                          database's reporting currency, else nothing is imported (exit 2). Default:
                          GBP for online-retail (the public data are in pounds), the database's otherwise.
        While another import (or process) writes to the database, the import reads and checks its file,
        then says that it waits and writes as soon as the database is free.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, ["format", "currency"], ["json"]);
        if (arguments.Positionals.Count != 1)
        {
            throw new CliInputException(arguments.Positionals.Count == 0
                ? "import needs one FILE. Usage: import FILE --format F [--json]"
                : $"import takes one FILE, got {arguments.Positionals.Count}: {string.Join(" ", arguments.Positionals)}");
        }
        var path = arguments.Positionals[0];
        var code = arguments.Required("format");
        if (!ImportFormats.TryParse(code, out var format))
        {
            throw new CliInputException($"Option --format: unknown format \"{code}\"; expected one of {string.Join(", ",
                ImportFormats.All.Select(f => f.Code()))}.");
        }
        if (!File.Exists(path))
        {
            throw new CliInputException($"{path}: file not found.");
        }
        var currency = arguments.Get("currency");
        if (currency is not null && ImportFormats.NormaliseCurrency(currency) is null)
        {
            throw new CliInputException($"Option --currency: \"{currency}\" is not an ISO 4217 currency code (three letters, e.g. EUR, GBP).");
        }
        var error = console.Error;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        // With --timing: the file's read and check (to the first report of the write), then the write with its commit.
        (TimeSpan Elapsed, TimeSpan Processor)? readEnd = null;
        var progress = new SynchronousProgress<ImportProgress>(p =>
        {
            if (p.Phase == ImportPhase.Writing && readEnd is null && timing.Enabled)
            {
                readEnd = (watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
            }
            if (p.Phase == ImportPhase.Waiting)
            {
                error.WriteLine(
                    $"{path}: read and checked ({p.RowsProcessed.ToString(CultureInfo.InvariantCulture)} rows); "
                    + "another import or process is writing to the database: waiting for it to finish…");
            }
        });

        var imported = await pipeline.ImportAsync(Path.GetFullPath(path), Path.GetFileName(path), format, currency, "cli:" + Environment.UserName,
            progress, cancellationToken);
        var report = imported.WithMessages(ResxTextResolver.Instance);
        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        if (readEnd is { } read)
        {
            timing.AddPhase("read and check the file", read.Elapsed, read.Processor);
            timing.AddPhase("write, index and commit", watch.Elapsed - read.Elapsed, cpu - read.Processor);
        }

        if (arguments.Has("json"))
        {
            await console.Out.WriteLineAsync(report.ToJson());
        }
        else
        {
            await console.Out.WriteAsync(Summarise(report, watch.Elapsed, cpu));
        }
        if (report.Succeeded)
        {
            return 0;
        }
        foreach (var issue in report.Rejected)
        {
            await console.Error.WriteLineAsync(Locate(path, issue));
        }
        await console.Error.WriteLineAsync(
            $"{path}: rejected ({report.RejectedCount.ToString(CultureInfo.InvariantCulture)} problem(s)); nothing was imported.");
        return 2;
    }

    /// <summary><c>FILE:row N, column C: message</c>, the form compilers use, so editors and people can find the place.</summary>
    internal static string Locate(string path, ImportIssue issue)
    {
        var message = issue.Text.For(English);
        return issue.Row <= 0 ? $"{path}: {message}"
            : issue.Column is null
                ? $"{path}: row {issue.Row.ToString(CultureInfo.InvariantCulture)}: {message}"
                : $"{path}: row {issue.Row.ToString(CultureInfo.InvariantCulture)}, column {issue.Column}: {message}";
    }

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    internal static string Summarise(ImportReport report, TimeSpan elapsed, TimeSpan cpu)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder();
        text.AppendLine(c, $"Import of {report.FileName} as {report.Format}: {report.Status} in {elapsed.TotalSeconds.ToString("0.00",
            c)} s, cpu {cpu.TotalSeconds.ToString("0.00", c)} s (batch {report.BatchId?.ToString(c) ?? "-"})");
        text.AppendLine(c, $"  currency         {report.Currency,10}");
        text.AppendLine(c, $"  rows read        {report.RowsRead,10:N0}");
        text.AppendLine(c, $"  rows imported    {report.RowsImported,10:N0}");
        text.AppendLine(c, $"  duplicate rows   {report.DuplicateRows,10:N0}");
        if (report.IgnoredColumns.Count > 0)
        {
            text.AppendLine(c, $"  ignored columns  {string.Join(", ", report.IgnoredColumns)} (not read by this format)");
        }
        foreach (var (reason, count) in report.Skipped)
        {
            text.AppendLine(c, $"  skipped: {reason,-22} {count,10:N0}");
        }
        if (report.Succeeded)
        {
            text.AppendLine(c, $"  orders           {report.Orders.Created,10:N0} created");
            text.AppendLine(c, $"  customers        {report.Customers.Created,10:N0} created {report.Customers.Updated,10:N0} updated");
            text.AppendLine(c, $"  survey responses {report.Responses.Created,10:N0} created");
            text.AppendLine(c, $"  consents         {report.Consents.Created,10:N0} created");
            foreach (var (note, count) in report.Notes)
            {
                text.AppendLine(c, $"  note: {note,-25} {count,10:N0}");
            }
        }
        else
        {
            text.AppendLine(c, $"  rejected rows    {report.RejectedCount,10:N0}");
        }
        return text.ToString();
    }
}

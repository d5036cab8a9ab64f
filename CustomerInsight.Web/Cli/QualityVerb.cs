using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Quality;

namespace CustomerInsight.Web.Cli;

/// <summary><c>quality [--json]</c>: the quality figures of metrics.md, overall and per import format, worst first.</summary>
public sealed class QualityVerb(QualityQueries queries, IOptions<PrivacyOptions> privacy) : ICliVerb
{
    public string Name => "quality";
    public string Summary => "quality of the customer base: completeness, validity, freshness, consent coverage";
    public string Usage => """
        usage: quality [--json]

        The quality figures of metrics.md over the customers (erased ones left out), overall and per import
        format (the format of the import that created each customer; "none" for the demo data and customers
        updated by another import), the worst format and the worst figures first:
        completeness of each profile field; validity of e-mails, phones (normalised, 8 to 15 digits) and French
        postal codes (5 digits, customers in France); freshness bands of the days since the last activity
        (Privacy:RetentionMonths); consent coverage (a recorded status) per purpose.
        --json prints { "at", "retentionCutoff", "overall": SCOPE, "byFormat": [SCOPE…] } where SCOPE is
        { "format", "customers", "figures": [ { "code", "kind", "count", "total", "share" } ] } (share 0–1 or null).
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, [], ["json"]);
        if (arguments.Positionals.Count > 0)
        {
            throw new CliInputException($"quality takes no positional value: \"{arguments.Positionals[0]}\".");
        }
        var report = await queries.ComputeAsync(privacy.Value.RetentionMonths, cancellationToken);
        if (arguments.Has("json"))
        {
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(new QualityJson(
                report.AtUtc, DateOnly.FromDateTime(report.RetentionCutoffUtc), Scope(report.Overall), report.ByFormat.Select(Scope).ToArray())));
            return 0;
        }
        await WriteScopeAsync(console, report.Overall, "all customers");
        foreach (var scope in report.ByFormat)
        {
            await WriteScopeAsync(console, scope, "format " + (scope.Format ?? "none"));
        }
        return 0;
    }

    private static async Task WriteScopeAsync(CliConsole console, QualityScope scope, string title)
    {
        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{title}: {scope.Customers} customer(s)"));
        foreach (var figure in scope.WorstFirst.Concat(scope.Freshness))
        {
            var share = figure.Share is { } s ? s.ToString("P1", CultureInfo.InvariantCulture) : "n/a";
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {figure.Code,-32} {figure.Count,8} / {figure.Total,-8} {share,8}"));
        }
    }

    private static QualityScopeJson Scope(QualityScope scope) => new(scope.Format, scope.Customers,
        scope.WorstFirst.Concat(scope.Freshness).Select(f => new QualityFigureJson(f.Code, f.Kind.ToString().ToLowerInvariant(), f.Count, f.Total,
            f.Share)).ToArray());
}

internal sealed record QualityJson(
    [property: JsonPropertyName("at")] DateTime At,
    [property: JsonPropertyName("retentionCutoff")] DateOnly RetentionCutoff,
    [property: JsonPropertyName("overall")] QualityScopeJson Overall,
    [property: JsonPropertyName("byFormat")] IReadOnlyList<QualityScopeJson> ByFormat);

internal sealed record QualityScopeJson(
    [property: JsonPropertyName("format")] string? Format,
    [property: JsonPropertyName("customers")] int Customers,
    [property: JsonPropertyName("figures")] IReadOnlyList<QualityFigureJson> Figures);

internal sealed record QualityFigureJson(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("share")] double? Share);

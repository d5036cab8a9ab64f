using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Privacy;

namespace CustomerInsight.Core.Quality;

/// <summary>One customer as the quality figures see it. <paramref name="Format"/> is the import format that created it (null: none known).</summary>
public sealed record QualityRecord(int CustomerId, string? Format, PersonalFields Personal, DateTime? LastActivityUtc,
    IReadOnlySet<ConsentPurpose> ConsentPurposes) : PersonalFields(Personal)
{
    public PersonalFields Personal => this;
}

/// <summary>The kinds of quality figures of metrics.md.</summary>
public enum QualityKind
{
    Completeness = 0,
    Validity = 1,
    Freshness = 2,
    Consent = 3,
}

/// <summary>
/// One figure: <paramref name="Count"/> good customers out of <paramref name="Total"/> (for freshness: customers in the
/// band). <paramref name="Code"/> names it (<c>completeness.email</c>, <c>validity.phone</c>, <c>freshness.days91to365</c>,
/// <c>consent.EmailMarketing</c>); <see cref="Behind"/> are the customers it points at (missing, invalid, in the band,
/// without a record).
/// </summary>
public sealed record QualityFigure(string Code, QualityKind Kind, int Count, int Total)
{
    /// <summary>Share 0–1; null when nothing to divide by.</summary>
    public double? Share => Total == 0 ? null : (double)Count / Total;

    /// <summary>How many customers the figure opens: the bad ones (the band's own for freshness).</summary>
    public int Behind => Kind == QualityKind.Freshness ? Count : Total - Count;
}

/// <summary>The figures of one scope: every customer (<paramref name="Format"/> null) or those of one import format.</summary>
public sealed record QualityScope(string? Format, int Customers, IReadOnlyList<QualityFigure> Figures)
{
    /// <summary>Completeness, validity and consent coverage, worst share first.</summary>
    public IEnumerable<QualityFigure> WorstFirst => Figures.Where(f => f.Kind != QualityKind.Freshness && f.Share is not null)
        .OrderBy(f => f.Share).ThenBy(f => f.Code, StringComparer.Ordinal);

    /// <summary>Freshness bands, most recent first.</summary>
    public IEnumerable<QualityFigure> Freshness => Figures.Where(f => f.Kind == QualityKind.Freshness);

    /// <summary>The mean share of completeness, validity and consent: how scopes are ranked, worst first.</summary>
    public double Score => WorstFirst.Select(f => f.Share!.Value).DefaultIfEmpty(1).Average();
}

/// <summary>Overall figures and one scope per import format, worst first.</summary>
public sealed record QualityReport(DateTime AtUtc, DateTime RetentionCutoffUtc, QualityScope Overall, IReadOnlyList<QualityScope> ByFormat);

/// <summary>
/// The quality of the customer base (metrics.md "Good data"): completeness of each profile field, validity of
/// e-mails, phones and French postal codes (of customers in France), freshness bands of the days since the last
/// activity (retention rules), consent coverage per purpose. Pure: records in, figures out.
/// </summary>
public static class QualityCalculator
{
    public static readonly string[] Fields = ["firstName", "lastName", "email", "phone", "postalCode", "city", "country"];
    public static readonly string[] Bands = ["days0to90", "days91to365", "days366to730", "days731toRetention", "pastRetention", "noActivity"];

    public static QualityReport Compute(IEnumerable<QualityRecord> records, DateTime atUtc, DateTime retentionCutoffUtc)
    {
        ArgumentNullException.ThrowIfNull(records);
        var overall = new Accumulator();
        var byFormat = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            overall.Add(record, atUtc, retentionCutoffUtc);
            var key = record.Format ?? "";
            if (!byFormat.TryGetValue(key, out var scope))
            {
                byFormat[key] = scope = new Accumulator();
            }
            scope.Add(record, atUtc, retentionCutoffUtc);
        }
        var scopes = byFormat.Select(f => f.Value.ToScope(f.Key.Length == 0 ? null : f.Key))
            .OrderBy(s => s.Score).ThenBy(s => s.Format, StringComparer.Ordinal).ToArray();
        return new QualityReport(atUtc, retentionCutoffUtc, overall.ToScope(null), scopes);
    }

    /// <summary>Whether the customer is behind figure <paramref name="code"/> (what a click on it opens).</summary>
    public static bool IsBehind(QualityRecord record, string code, DateTime atUtc, DateTime retentionCutoffUtc)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(code);
        var dot = code.IndexOf('.', StringComparison.Ordinal);
        var kind = dot < 0 ? code : code[..dot];
        var name = dot < 0 ? "" : code[(dot + 1)..];
        return kind switch
        {
            "completeness" => Fields.Contains(name) && string.IsNullOrWhiteSpace(FieldValue(record, name)),
            "validity" => Validity(record, name) == false,
            "freshness" => Band(record.LastActivityUtc, atUtc, retentionCutoffUtc) == name,
            "consent" => Enum.TryParse<ConsentPurpose>(name, out var purpose) && Enum.IsDefined(purpose) && !record.ConsentPurposes.Contains(purpose),
            _ => false,
        };
    }

    /// <summary>The freshness band of a last activity: days since it, or past the retention cutoff, or none.</summary>
    public static string Band(DateTime? lastActivityUtc, DateTime atUtc, DateTime retentionCutoffUtc)
    {
        if (lastActivityUtc is not { } last)
        {
            return "noActivity";
        }
        if (last < retentionCutoffUtc)
        {
            return "pastRetention";
        }
        var days = (atUtc - last).TotalDays;
        return days switch
        {
            <= 90 => "days0to90",
            <= 365 => "days91to365",
            <= 730 => "days366to730",
            _ => "days731toRetention",
        };
    }

    /// <summary>Null when the rule does not apply (empty value, or a postal code outside France).</summary>
    private static bool? Validity(QualityRecord r, string name) => name switch
    {
        "email" => string.IsNullOrWhiteSpace(r.Email) ? null : QualityRules.IsValidEmail(r.Email),
        "phone" => string.IsNullOrWhiteSpace(r.Phone) ? null : QualityRules.IsValidPhone(r.Phone),
        "postalCode" => string.IsNullOrWhiteSpace(r.PostalCode) || !QualityRules.IsFrance(r.Country) ? null : QualityRules.IsValidFrenchPostalCode(
            r.PostalCode),
        _ => null,
    };

    private static string? FieldValue(QualityRecord r, string field) => field switch
    {
        "firstName" => r.FirstName,
        "lastName" => r.LastName,
        "email" => r.Email,
        "phone" => r.Phone,
        "postalCode" => r.PostalCode,
        "city" => r.City,
        _ => r.Country,
    };

    private static readonly string[] ValidityFields = ["email", "phone", "postalCode"];

    private sealed class Accumulator
    {
        private int customers;
        private readonly int[] complete = new int[Fields.Length];
        private readonly int[] valid = new int[ValidityFields.Length];
        private readonly int[] checkedValues = new int[ValidityFields.Length];
        private readonly int[] bands = new int[Bands.Length];
        private readonly int[] consents = new int[Enum.GetValues<ConsentPurpose>().Length];

        public void Add(QualityRecord r, DateTime atUtc, DateTime cutoff)
        {
            customers++;
            for (var i = 0; i < Fields.Length; i++)
            {
                if (!string.IsNullOrWhiteSpace(FieldValue(r, Fields[i])))
                {
                    complete[i]++;
                }
            }
            for (var i = 0; i < ValidityFields.Length; i++)
            {
                if (Validity(r, ValidityFields[i]) is { } ok)
                {
                    checkedValues[i]++;
                    if (ok)
                    {
                        valid[i]++;
                    }
                }
            }
            bands[Array.IndexOf(Bands, Band(r.LastActivityUtc, atUtc, cutoff))]++;
            foreach (var purpose in r.ConsentPurposes)
            {
                consents[(int)purpose]++;
            }
        }

        public QualityScope ToScope(string? format)
        {
            var figures = new List<QualityFigure>();
            for (var i = 0; i < Fields.Length; i++)
            {
                figures.Add(new QualityFigure("completeness." + Fields[i], QualityKind.Completeness, complete[i], customers));
            }
            for (var i = 0; i < ValidityFields.Length; i++)
            {
                figures.Add(new QualityFigure("validity." + ValidityFields[i], QualityKind.Validity, valid[i], checkedValues[i]));
            }
            for (var i = 0; i < Bands.Length; i++)
            {
                figures.Add(new QualityFigure("freshness." + Bands[i], QualityKind.Freshness, bands[i], customers));
            }
            foreach (var purpose in Enum.GetValues<ConsentPurpose>())
            {
                figures.Add(new QualityFigure("consent." + purpose, QualityKind.Consent, consents[(int)purpose], customers));
            }
            return new QualityScope(format, customers, figures);
        }
    }
}

using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Rfm;

namespace CustomerInsight.Core.Reporting;

/// <summary>
/// The RFM report: segment summary, the R×F grid, then one row per customer (pseudonymous key,
/// recency, frequency, monetary, R, F, M, segment). Personal columns (source id, name, e-mail, phone,
/// address) appear only when <paramref name="Profiles"/> is given, which the export service does
/// only for an admin who asked.
/// </summary>
/// <param name="Profiles">Null: pseudonymous export (the default).</param>
public sealed record RfmReportData(RfmSummary Summary, IReadOnlyList<RfmCustomerRow> Customers, IReadOnlyDictionary<int, CustomerFileProfile>? Profiles);

public static class RfmWorkbook
{
    /// <summary>
    /// How F is scored (naming <c>Rfm:FrequencyScoring</c>) and which score levels are empty and why, e.g.
    /// "F en quintiles (Rfm:FrequencyScoring = Quintiles) ; niveaux vides : F 2, F 3 : 61 % des clients n'ont qu'une commande…".
    /// </summary>
    public static string ScoringText(ReportContext context, RfmEmptyLevels? levels)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scale = levels?.FrequencyScale ?? RfmFrequencyScale.Quintiles;
        var thresholds = string.Join(", ", scale.Thresholds);
        var scoring = scale.Scoring == RfmFrequencyScoring.Thresholds
            ? string.Format(context.Culture, context.Text("F par seuils (Rfm:FrequencyScoring = Thresholds, Rfm:FrequencyThresholds = [{0}])", "F by thresholds (Rfm:FrequencyScoring = Thresholds, Rfm:FrequencyThresholds = [{0}])"), thresholds)
            : context.Text("F en quintiles (Rfm:FrequencyScoring = Quintiles)", "F in quintiles (Rfm:FrequencyScoring = Quintiles)");
        if (levels is null || !levels.Any)
        {
            return scoring + context.Text(" ; aucun niveau vide", "; no empty level");
        }
        var parts = new List<string>();
        if (levels.Frequency.Count > 0)
        {
            var names = string.Join(", ", levels.Frequency.Select(l => $"F {l}"));
            var single = ((levels.SingleOrderShare ?? 0) * 100).ToString("0", context.Culture);
            parts.Add(scale.Scoring == RfmFrequencyScoring.Thresholds
                ? string.Format(context.Culture, context.Text("{0} vides : aucun client n'a le nombre de commandes de ces niveaux", "{0} empty: no customer has the number of orders of these levels"), names)
                : string.Format(context.Culture, context.Text(
                    "{0} vides : les clients à fréquence égale gardent le même score et {1} % n'ont qu'une commande ; Rfm:FrequencyScoring = Thresholds les remplit",
                    "{0} empty: customers with equal frequencies keep the same score and {1} % have one order; Rfm:FrequencyScoring = Thresholds fills them"), names, single));
        }
        foreach (var (letter, empty) in new[] { ("R", levels.Recency), ("M", levels.Monetary) })
        {
            if (empty.Count > 0)
            {
                parts.Add(string.Format(context.Culture, context.Text("{0} vides : trop de clients à valeur égale (quintiles, ex aequo notés ensemble)", "{0} empty: too many customers with equal values (quintiles, ties scored together)"),
                    string.Join(", ", empty.Select(l => $"{letter} {l}"))));
            }
        }
        return scoring + " ; " + string.Join(" ; ", parts);
    }

    public static int Write(ExcelReportWriter writer, ReportContext context, RfmReportData data)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(data);
        var summary = data.Summary;
        var period = $"{context.Text("Date d'analyse", "Analysis date")} {context.Date(summary.AnalysisDate)}";
        var filters = new List<ReportFilter>();
        if (data.Profiles is not null)
        {
            filters.Add(new ReportFilter(context.Text("Données personnelles", "Personal data"), context.Text("incluses (administrateur)", "included (administrator)")));
        }
        // Which score levels no customer has, and the setting that explains them (metrics.md, "Frequency scoring").
        filters.Add(context.RfmVersion(summary.Settings));
        filters.Add(new ReportFilter(context.Text("Scores", "Scores"), ScoringText(context, summary.EmptyLevels)));

        writer.AddTable(context.Text("Segments", "Segments"), new ReportTitle(context.Text("Segments RFM", "RFM segments"), period, filters),
            [
                new ReportColumn<RfmSegmentSummary>(context.Text("Segment", "Segment"), CellFormat.Text, s => context.Of(s.Segment)),
                new(context.Text("Clients", "Customers"), CellFormat.Integer, s => s.Customers),
                new(context.Text("Part des clients", "Share of customers"), CellFormat.Percent, s => s.ShareOfCustomers),
                new(context.Text("Montant", "Monetary"), CellFormat.Money, s => s.Monetary),
                new(context.Text("Part du montant", "Share of monetary"), CellFormat.Percent, s => s.ShareOfMonetary),
                new(context.Text("Montant moyen", "Average monetary"), CellFormat.Money, s => s.AverageMonetary),
                new(context.Text("Code", "Code"), CellFormat.Text, s => s.Segment.Code()),
            ],
            summary.Segments);

        writer.AddTable(context.Text("Grille R×F", "R×F grid"), new ReportTitle(context.Text("Grille récence × fréquence", "Recency × frequency grid"), period, filters),
            [
                new ReportColumn<RfmGridCell>("R", CellFormat.Integer, c => c.RecencyScore),
                new("F", CellFormat.Integer, c => c.FrequencyScore),
                new(context.Text("Segment", "Segment"), CellFormat.Text, c => context.Of(c.Segment)),
                new(context.Text("Clients", "Customers"), CellFormat.Integer, c => c.Customers),
                new(context.Text("Montant", "Monetary"), CellFormat.Money, c => c.Monetary),
            ],
            summary.Cells);

        var columns = new List<ReportColumn<RfmCustomerRow>>
        {
            new(context.Text("Clé client", "Customer key"), CellFormat.Text, r => r.CustomerKey),
            new(context.Text("Récence (jours)", "Recency (days)"), CellFormat.Integer, r => r.Score.Recency),
            new(context.Text("Fréquence (commandes)", "Frequency (orders)"), CellFormat.Integer, r => r.Score.Frequency),
            new(context.Text("Montant", "Monetary"), CellFormat.Money, r => r.Score.Monetary),
            new("R", CellFormat.Integer, r => r.Score.RecencyScore),
            new("F", CellFormat.Integer, r => r.Score.FrequencyScore),
            new("M", CellFormat.Integer, r => r.Score.MonetaryScore),
            new(context.Text("Segment", "Segment"), CellFormat.Text, r => context.Of(r.Score.Segment)),
        };
        if (data.Profiles is { } profiles)
        {
            CustomerFileProfile? P(RfmCustomerRow r) => profiles.GetValueOrDefault(r.Score.CustomerId);
            columns.AddRange(PersonalColumns<RfmCustomerRow>(context, P));
        }
        return writer.AddTable(context.Text("Clients", "Customers"), new ReportTitle(context.Text("Scores RFM par client", "RFM scores per customer"), period, filters), columns, data.Customers);
    }

    /// <summary>Source id, name, e-mail, phone and address: only in an admin's export with personal data.</summary>
    internal static IEnumerable<ReportColumn<T>> PersonalColumns<T>(ReportContext context, Func<T, CustomerFileProfile?> profile) =>
    [
        new(context.Text("Identifiant source", "Source id"), CellFormat.Text, r => profile(r)?.SourceId),
        new(context.Text("Prénom", "First name"), CellFormat.Text, r => profile(r)?.FirstName),
        new(context.Text("Nom", "Last name"), CellFormat.Text, r => profile(r)?.LastName),
        new(context.Text("E-mail", "E-mail"), CellFormat.Text, r => profile(r)?.Email),
        new(context.Text("Téléphone", "Phone"), CellFormat.Text, r => profile(r)?.Phone),
        new(context.Text("Code postal", "Postal code"), CellFormat.Text, r => profile(r)?.PostalCode),
        new(context.Text("Ville", "City"), CellFormat.Text, r => profile(r)?.City),
        new(context.Text("Pays", "Country"), CellFormat.Text, r => profile(r)?.Country),
    ];
}

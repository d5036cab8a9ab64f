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
public sealed record RfmReportData(RfmSummary Summary, IReadOnlyList<RfmCustomerRow> Customers, IReadOnlyDictionary<int,
    CustomerFileProfile>? Profiles);

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
            ? string.Format(context.Culture, context.Text("Report.FByThresholdsRfmFrequencyScoringThresholds"), thresholds)
            : context.Text("Report.FInQuintilesRfmFrequencyScoringQuintiles");
        if (levels is null || !levels.Any)
        {
            return scoring + context.Text("Report.NoEmptyLevel");
        }
        var parts = new List<string>();
        if (levels.Frequency.Count > 0)
        {
            var names = string.Join(", ", levels.Frequency.Select(l => $"F {l}"));
            var single = ((levels.SingleOrderShare ?? 0) * 100).ToString("0", context.Culture);
            parts.Add(scale.Scoring == RfmFrequencyScoring.Thresholds
                ? string.Format(context.Culture, context.Text("Report.EmptyNoCustomerHasTheNumber"), names)
                : string.Format(context.Culture, context.Text("Report.EmptyCustomersWithEqualFrequenciesKeep"), names, single));
        }
        foreach (var (letter, empty) in new[] { ("R", levels.Recency), ("M", levels.Monetary) })
        {
            if (empty.Count > 0)
            {
                parts.Add(string.Format(context.Culture, context.Text("Report.EmptyTooManyCustomersWithEqual"),
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
        var period = $"{context.Text("Report.AnalysisDate")} {context.Date(summary.AnalysisDate)}";
        var filters = new List<ReportFilter>();
        if (data.Profiles is not null)
        {
            filters.Add(new ReportFilter(context.Text("Report.PersonalData"), context.Text("Report.IncludedAdministrator")));
        }
        // Which score levels no customer has, and the setting that explains them (metrics.md, "Frequency scoring").
        filters.Add(context.RfmVersion(summary.Settings));
        filters.Add(new ReportFilter(context.Text("Report.Scores"), ScoringText(context, summary.EmptyLevels)));

        writer.AddTable(context.Text("Report.Segments"), new ReportTitle(context.Text("Report.RFMSegments"), period, filters),
            [
                new ReportColumn<RfmSegmentSummary>(context.Text("Report.Segment"), CellFormat.Text, s => context.Of(s.Segment)),
                new(context.Text("Report.Customers"), CellFormat.Integer, s => s.Customers),
                new(context.Text("Report.ShareOfCustomers"), CellFormat.Percent, s => s.ShareOfCustomers),
                new(context.Text("Report.Monetary"), CellFormat.Money, s => s.Monetary),
                new(context.Text("Report.ShareOfMonetary"), CellFormat.Percent, s => s.ShareOfMonetary),
                new(context.Text("Report.AverageMonetary"), CellFormat.Money, s => s.AverageMonetary),
                new(context.Text("Report.Code"), CellFormat.Text, s => s.Segment.Code()),
            ],
            summary.Segments);

        writer.AddTable(context.Text("Report.RFGrid"), new ReportTitle(context.Text("Report.RecencyFrequencyGrid"), period, filters),
            [
                new ReportColumn<RfmGridCell>("R", CellFormat.Integer, c => c.RecencyScore),
                new("F", CellFormat.Integer, c => c.FrequencyScore),
                new(context.Text("Report.Segment"), CellFormat.Text, c => context.Of(c.Segment)),
                new(context.Text("Report.Customers"), CellFormat.Integer, c => c.Customers),
                new(context.Text("Report.Monetary"), CellFormat.Money, c => c.Monetary),
            ],
            summary.Cells);

        var columns = new List<ReportColumn<RfmCustomerRow>>
        {
            new(context.Text("Report.CustomerKey"), CellFormat.Text, r => r.CustomerKey),
            new(context.Text("Report.RecencyDays"), CellFormat.Integer, r => r.Score.Recency),
            new(context.Text("Report.FrequencyOrders"), CellFormat.Integer, r => r.Score.Frequency),
            new(context.Text("Report.Monetary"), CellFormat.Money, r => r.Score.Monetary),
            new("R", CellFormat.Integer, r => r.Score.RecencyScore),
            new("F", CellFormat.Integer, r => r.Score.FrequencyScore),
            new("M", CellFormat.Integer, r => r.Score.MonetaryScore),
            new(context.Text("Report.Segment"), CellFormat.Text, r => context.Of(r.Score.Segment)),
        };
        if (data.Profiles is { } profiles)
        {
            CustomerFileProfile? P(RfmCustomerRow r) => profiles.GetValueOrDefault(r.Score.CustomerId);
            columns.AddRange(PersonalColumns<RfmCustomerRow>(context, P));
        }
        return writer.AddTable(context.Text("Report.Customers"), new ReportTitle(context.Text("Report.RFMScoresPerCustomer"), period, filters),
            columns, data.Customers);
    }

    /// <summary>Source id, name, e-mail, phone and address: only in an admin's export with personal data.</summary>
    internal static IEnumerable<ReportColumn<T>> PersonalColumns<T>(ReportContext context, Func<T, CustomerFileProfile?> profile) =>
    [
        new(context.Text("Report.SourceId"), CellFormat.Text, r => profile(r)?.SourceId),
        new(context.Text("Report.FirstName"), CellFormat.Text, r => profile(r)?.FirstName),
        new(context.Text("Report.LastName"), CellFormat.Text, r => profile(r)?.LastName),
        new(context.Text("Report.EMail"), CellFormat.Text, r => profile(r)?.Email),
        new(context.Text("Report.Phone"), CellFormat.Text, r => profile(r)?.Phone),
        new(context.Text("Report.PostalCode"), CellFormat.Text, r => profile(r)?.PostalCode),
        new(context.Text("Report.City"), CellFormat.Text, r => profile(r)?.City),
        new(context.Text("Report.Country"), CellFormat.Text, r => profile(r)?.Country),
    ];
}

using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Value;

namespace CustomerInsight.Core.Reporting;

/// <summary>One customer's row of the value workbook: pseudonymous key and predictions.</summary>
public sealed record ClvCustomerRow(string CustomerKey, CustomerValue Value);

/// <summary>What the value and churn workbook shows.</summary>
public sealed record ClvReportData(ClvReport Report, IReadOnlyList<ClvSegmentValue<RfmSegment>> Segments, IReadOnlyList<ClvCustomerRow> Customers,
    RfmGridSettings? RfmSettings = null);

/// <summary>
/// The value and churn workbook (metrics.md, "Customer lifetime value and churn"): the parameters of both models with
/// their meaning, the expected value per RFM segment, then one row per customer (pseudonymous key, x, t_x, T, P(alive),
/// expected purchases, expected spend, CLV).
/// </summary>
public static class ClvWorkbook
{
    private sealed record Parameter(string Name, double? Value, string Meaning);

    public static int Write(ExcelReportWriter writer, ReportContext context, ClvReportData data)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(data);
        var model = data.Report.Model;
        var period = string.Format(context.Culture, context.Text("Fin de calibration {0}, horizon {1} semaines", "Calibration end {0}, horizon {1} weeks"),
            context.Date(model.CalibrationEnd), model.HorizonWeeks);
        var filters = new List<ReportFilter>
        {
            new(context.Text("Clients", "Customers"), model.Customers.Count.ToString("N0", context.Culture)),
        };
        if (model.AnnualDiscountRate > 0)
        {
            filters.Add(new ReportFilter(context.Text("Actualisation annuelle (Clv:AnnualDiscountRate)", "Annual discount rate (Clv:AnnualDiscountRate)"), model.AnnualDiscountRate.ToString("P1", context.Culture)));
        }

        var bg = model.BgNbd.Parameters;
        var gg = model.GammaGamma?.Parameters;
        Parameter[] parameters =
        [
            new("r", bg.R, context.Text("BG/NBD : forme de la loi Gamma des rythmes d'achat", "BG/NBD: shape of the Gamma distribution of purchase rates")),
            new("α", bg.Alpha, context.Text("BG/NBD : échelle de cette loi (semaines) ; r/α = achats par semaine d'un client moyen", "BG/NBD: scale of that distribution (weeks); r/α = purchases per week of an average customer")),
            new("a", bg.A, context.Text("BG/NBD : paramètre a de la loi Bêta de l'abandon après un achat", "BG/NBD: parameter a of the Beta distribution of dropping out after a purchase")),
            new("b", bg.B, context.Text("BG/NBD : paramètre b ; a/(a+b) = probabilité moyenne d'abandon après un achat", "BG/NBD: parameter b; a/(a+b) = average chance of dropping out after a purchase")),
            new("ln L", model.BgNbd.LogLikelihood, context.Text("BG/NBD : log-vraisemblance atteinte", "BG/NBD: log-likelihood reached")),
            new("p", gg?.P, context.Text("Gamma-Gamma : forme de la valeur d'un achat autour de la moyenne du client", "Gamma-Gamma: shape of a purchase's value around the customer's mean")),
            new("q", gg?.Q, context.Text("Gamma-Gamma : forme de la loi des moyennes entre clients", "Gamma-Gamma: shape of the distribution of means across customers")),
            new("γ", gg?.Gamma, context.Text("Gamma-Gamma : échelle de cette loi ; pγ/(q−1) = valeur moyenne d'un achat", "Gamma-Gamma: scale of that distribution; pγ/(q−1) = mean value of a purchase")),
        ];
        writer.AddTable(context.Text("Paramètres", "Parameters"), new ReportTitle(context.Text("Paramètres des modèles", "Model parameters"), period, filters),
            [
                new ReportColumn<Parameter>(context.Text("Paramètre", "Parameter"), CellFormat.Text, p => p.Name),
                new(context.Text("Valeur", "Value"), CellFormat.Decimal2, p => p.Value),
                new(context.Text("Signification", "Meaning"), CellFormat.Text, p => p.Meaning),
            ],
            parameters);

        writer.AddTable(context.Text("Segments", "Segments"), new ReportTitle(context.Text("Valeur attendue par segment RFM", "Expected value by RFM segment"), period,
                [.. filters, context.RfmVersion(data.RfmSettings)]),
            [
                new ReportColumn<ClvSegmentValue<RfmSegment>>(context.Text("Segment", "Segment"), CellFormat.Text, s => context.Of(s.Segment)),
                new(context.Text("Clients", "Customers"), CellFormat.Integer, s => s.Customers),
                new(context.Text("P(actif) moyenne", "Mean P(alive)"), CellFormat.Percent, s => s.Customers == 0 ? null : s.MeanProbabilityAlive),
                new(context.Text("Achats attendus", "Expected purchases"), CellFormat.Decimal1, s => s.ExpectedPurchases),
                new(context.Text("Valeur attendue", "Expected value"), CellFormat.Money, s => s.ExpectedValue),
                new(context.Text("Code", "Code"), CellFormat.Text, s => s.Segment.Code()),
            ],
            data.Segments);

        return writer.AddTable(context.Text("Clients", "Customers"), new ReportTitle(context.Text("Prédictions par client", "Predictions per customer"), period, filters),
            [
                new ReportColumn<ClvCustomerRow>(context.Text("Clé client", "Customer key"), CellFormat.Text, r => r.CustomerKey),
                new("x", CellFormat.Integer, r => r.Value.RepeatPurchases),
                new(context.Text("t_x (semaines)", "t_x (weeks)"), CellFormat.Decimal2, r => r.Value.RecencyWeeks),
                new(context.Text("T (semaines)", "T (weeks)"), CellFormat.Decimal2, r => r.Value.AgeWeeks),
                new(context.Text("P(actif)", "P(alive)"), CellFormat.Percent, r => r.Value.ProbabilityAlive),
                new(context.Text("Achats attendus", "Expected purchases"), CellFormat.Decimal2, r => r.Value.ExpectedPurchases),
                new(context.Text("Panier attendu", "Expected spend"), CellFormat.Money, r => r.Value.ExpectedSpend),
                new("CLV", CellFormat.Money, r => r.Value.Clv),
            ],
            data.Customers);
    }
}

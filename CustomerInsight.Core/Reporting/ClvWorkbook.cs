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
        var period = string.Format(context.Culture, context.Text("Report.CalibrationEndHorizonWeeks"),
            context.Date(model.CalibrationEnd), model.HorizonWeeks);
        var filters = new List<ReportFilter>
        {
            new(context.Text("Report.Customers"), model.Customers.Count.ToString("N0", context.Culture)),
        };
        if (model.AnnualDiscountRate > 0)
        {
            filters.Add(new ReportFilter(context.Text("Report.AnnualDiscountRateClvAnnualDiscountRate"),
                model.AnnualDiscountRate.ToString("P1", context.Culture)));
        }

        var bg = model.BgNbd.Parameters;
        var gg = model.GammaGamma?.Parameters;
        Parameter[] parameters =
        [
            new("r", bg.R, context.Text("Report.BGNBDShapeOfTheGamma")),
            new("α", bg.Alpha, context.Text("Report.BGNBDScaleOfThatDistribution")),
            new("a", bg.A, context.Text("Report.BGNBDParameterAOfThe")),
            new("b", bg.B, context.Text("Report.BGNBDParameterBAA")),
            new("ln L", model.BgNbd.LogLikelihood, context.Text("Report.BGNBDLogLikelihoodReached")),
            new("p", gg?.P, context.Text("Report.GammaGammaShapeOfAPurchase")),
            new("q", gg?.Q, context.Text("Report.GammaGammaShapeOfTheDistribution")),
            new("γ", gg?.Gamma, context.Text("Report.GammaGammaScaleOfThatDistribution")),
        ];
        writer.AddTable(context.Text("Report.Parameters"), new ReportTitle(context.Text("Report.ModelParameters"), period, filters),
            [
                new ReportColumn<Parameter>(context.Text("Report.Parameter"), CellFormat.Text, p => p.Name),
                new(context.Text("Report.Value"), CellFormat.Decimal2, p => p.Value),
                new(context.Text("Report.Meaning"), CellFormat.Text, p => p.Meaning),
            ],
            parameters);

        writer.AddTable(context.Text("Report.Segments"), new ReportTitle(context.Text("Report.ExpectedValueByRFMSegment"), period,
                [.. filters, context.RfmVersion(data.RfmSettings)]),
            [
                new ReportColumn<ClvSegmentValue<RfmSegment>>(context.Text("Report.Segment"), CellFormat.Text, s => context.Of(s.Segment)),
                new(context.Text("Report.Customers"), CellFormat.Integer, s => s.Customers),
                new(context.Text("Report.MeanPAlive"), CellFormat.Percent, s => s.Customers == 0 ? null : s.MeanProbabilityAlive),
                new(context.Text("Report.ExpectedPurchases"), CellFormat.Decimal1, s => s.ExpectedPurchases),
                new(context.Text("Report.ExpectedValue"), CellFormat.Money, s => s.ExpectedValue),
                new(context.Text("Report.Code"), CellFormat.Text, s => s.Segment.Code()),
            ],
            data.Segments);

        return writer.AddTable(context.Text("Report.Customers"), new ReportTitle(context.Text("Report.PredictionsPerCustomer"), period, filters),
            [
                new ReportColumn<ClvCustomerRow>(context.Text("Report.CustomerKey"), CellFormat.Text, r => r.CustomerKey),
                new("x", CellFormat.Integer, r => r.Value.RepeatPurchases),
                new(context.Text("Report.TXWeeks"), CellFormat.Decimal2, r => r.Value.RecencyWeeks),
                new(context.Text("Report.TWeeks"), CellFormat.Decimal2, r => r.Value.AgeWeeks),
                new(context.Text("Report.PAlive"), CellFormat.Percent, r => r.Value.ProbabilityAlive),
                new(context.Text("Report.ExpectedPurchases"), CellFormat.Decimal2, r => r.Value.ExpectedPurchases),
                new(context.Text("Report.ExpectedSpend"), CellFormat.Money, r => r.Value.ExpectedSpend),
                new("CLV", CellFormat.Money, r => r.Value.Clv),
            ],
            data.Customers);
    }
}

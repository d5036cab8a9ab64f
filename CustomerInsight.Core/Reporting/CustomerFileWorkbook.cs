using CustomerInsight.Core.Privacy;

namespace CustomerInsight.Core.Reporting;

/// <summary>
/// The customer file of an access or portability request: profile, consents and their history,
/// orders with their lines, survey answers. Without personal data (the default), the profile shows
/// the pseudonymous key instead of the source id, name, e-mail, phone and address, and the free texts that
/// erasure removes as personal data (survey comments, consent proof references) are left out.
/// </summary>
public static class CustomerFileWorkbook
{
    private sealed record Field(string Name, object? Value, CellFormat Format = CellFormat.Text);

    private sealed record LineRow(CustomerFileOrder Order, CustomerFileOrderLine? Line);

    public static int Write(ExcelReportWriter writer, ReportContext context, CustomerFile file, string customerKey)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(file);
        var personal = context.Requester.IncludePersonalData;
        var p = file.Profile;
        var period = context.Text("Report.AllDataHeld");
        IReadOnlyList<ReportFilter> filters =
        [
            new(context.Text("Report.Customer"), personal ? p.SourceId : customerKey),
            new(context.Text("Report.PersonalData"), personal ? context.Text("Report.IncludedAdministrator") : context.Text("Report.Pseudonymised")),
        ];
        ReportTitle Title(string code) => new(context.Text(code), period, filters);

        var fields = new List<Field> { new(context.Text("Report.CustomerKey"), customerKey) };
        if (personal)
        {
            fields.AddRange(
            [
                new(context.Text("Report.SourceId"), p.SourceId),
                new(context.Text("Report.FirstName"), p.FirstName),
                new(context.Text("Report.LastName"), p.LastName),
                new(context.Text("Report.EMail"), p.Email),
                new(context.Text("Report.Phone"), p.Phone),
                new(context.Text("Report.PostalCode"), p.PostalCode),
                new(context.Text("Report.City"), p.City),
            ]);
        }
        fields.AddRange(
        [
            new(context.Text("Report.Country"), p.Country),
            new(context.Text("Report.CreatedAt"), context.ToLocal(p.CreatedAtUtc), CellFormat.DateTime),
            new(context.Text("Report.ErasedAt"), p.ErasedAtUtc is { } erased ? context.ToLocal(erased) : null, CellFormat.DateTime),
            new(context.Text("Report.Orders"), file.Orders.Count, CellFormat.Integer),
            new(context.Text("Report.SurveyAnswers"), file.SurveyAnswers.Count, CellFormat.Integer),
        ]);
        var rows = writer.AddTable(context.Text("Report.Profile"), Title("Report.CustomerFileProfile"),
            [
                new ReportColumn<Field>(context.Text("Report.Field"), CellFormat.Text, f => f.Name),
                new(context.Text("Report.Value"), CellFormat.Text, f => f.Value, f => f.Format),
            ],
            fields);

        ReportColumn<ConsentEntry>[] ConsentColumns() =>
        [
            new(context.Text("Report.Purpose"), CellFormat.Text, c => context.Of(c.Purpose)),
            new(context.Text("Report.Status"), CellFormat.Text, c => context.Of(c.Status)),
            new(context.Text("Report.RecordedAt"), CellFormat.DateTime, c => context.ToLocal(c.RecordedAtUtc)),
            new(context.Text("Report.Source"), CellFormat.Text, c => c.Source),
            .. personal ? [new ReportColumn<ConsentEntry>(context.Text("Report.Proof"), CellFormat.Text, c =>
                c.ProofReference)] : Array.Empty<ReportColumn<ConsentEntry>>(),
        ];
        rows += writer.AddTable(context.Text("Report.Consents"), Title("Report.CurrentConsents"), ConsentColumns(), file.Consents);
        rows += writer.AddTable(context.Text("Report.ConsentHistory"), Title("Report.ConsentHistory"), ConsentColumns(), file.ConsentHistory);

        var lines = file.Orders
            .SelectMany(o => o.Lines.Count == 0 ? [new LineRow(o, null)] : o.Lines.Select(l => new LineRow(o, l)))
            .ToList();
        rows += writer.AddTable(context.Text("Report.Orders"), Title("Report.OrdersAndLines"),
            [
                new ReportColumn<LineRow>(context.Text("Report.Order"), CellFormat.Text, r => r.Order.SourceOrderId),
                new(context.Text("Report.Source"), CellFormat.Text, r => r.Order.Source),
                new(context.Text("Report.Date"), CellFormat.Date, r => r.Order.BusinessDate),
                new(context.Text("Report.Channel"), CellFormat.Text, r => context.Of(r.Order.Channel)),
                new(context.Text("Report.Kind"), CellFormat.Text, r => context.Of(r.Order.Kind)),
                new(context.Text("Report.OrderAmount"), CellFormat.Money, r => r.Order.Amount),
                new(context.Text("Report.Product"), CellFormat.Text, r => r.Line?.ProductCode),
                new(context.Text("Report.Description"), CellFormat.Text, r => r.Line?.Description),
                new(context.Text("Report.Quantity"), CellFormat.Integer, r => r.Line?.Quantity),
                new(context.Text("Report.UnitPrice"), CellFormat.Money, r => r.Line?.UnitPrice),
                new(context.Text("Report.LineAmount"), CellFormat.Money, r => r.Line?.Amount),
            ],
            lines);

        rows += writer.AddTable(context.Text("Report.Surveys"), Title("Report.SurveyAnswers"),
            [
                new ReportColumn<CustomerFileSurveyAnswer>(context.Text("Report.Response"), CellFormat.Text, a => a.SourceId),
                new(context.Text("Report.Date"), CellFormat.DateTime, a => context.ToLocal(a.RespondedAtUtc)),
                new(context.Text("Report.Kind"), CellFormat.Text, a => context.Of(a.Kind)),
                new(context.Text("Report.Channel"), CellFormat.Text, a => a.Channel is null ? null : context.Of(a.Channel)),
                new(context.Text("Report.Recommend010"), CellFormat.Integer, a => a.RecommendScore),
                new(context.Text("Report.Satisfaction15"), CellFormat.Integer, a => a.SatisfactionScore),
                .. personal ? [new ReportColumn<CustomerFileSurveyAnswer>(context.Text("Report.Comment"), CellFormat.Text, a =>
                    a.Comment)] : Array.Empty<ReportColumn<CustomerFileSurveyAnswer>>(),
            ],
            file.SurveyAnswers);
        return rows;
    }
}

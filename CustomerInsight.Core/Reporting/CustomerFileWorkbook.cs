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
        var period = context.Text("Toutes les données détenues", "All data held");
        IReadOnlyList<ReportFilter> filters =
        [
            new(context.Text("Client", "Customer"), personal ? p.SourceId : customerKey),
            new(context.Text("Données personnelles", "Personal data"), personal ? context.Text("incluses (administrateur)", "included (administrator)") : context.Text("pseudonymisées", "pseudonymised")),
        ];
        ReportTitle Title(string french, string english) => new(context.Text(french, english), period, filters);

        var fields = new List<Field> { new(context.Text("Clé client", "Customer key"), customerKey) };
        if (personal)
        {
            fields.AddRange(
            [
                new(context.Text("Identifiant source", "Source id"), p.SourceId),
                new(context.Text("Prénom", "First name"), p.FirstName),
                new(context.Text("Nom", "Last name"), p.LastName),
                new(context.Text("E-mail", "E-mail"), p.Email),
                new(context.Text("Téléphone", "Phone"), p.Phone),
                new(context.Text("Code postal", "Postal code"), p.PostalCode),
                new(context.Text("Ville", "City"), p.City),
            ]);
        }
        fields.AddRange(
        [
            new(context.Text("Pays", "Country"), p.Country),
            new(context.Text("Créé le", "Created at"), context.ToLocal(p.CreatedAtUtc), CellFormat.DateTime),
            new(context.Text("Effacé le", "Erased at"), p.ErasedAtUtc is { } erased ? context.ToLocal(erased) : null, CellFormat.DateTime),
            new(context.Text("Commandes", "Orders"), file.Orders.Count, CellFormat.Integer),
            new(context.Text("Réponses aux enquêtes", "Survey answers"), file.SurveyAnswers.Count, CellFormat.Integer),
        ]);
        var rows = writer.AddTable(context.Text("Profil", "Profile"), Title("Dossier client : profil", "Customer file: profile"),
            [
                new ReportColumn<Field>(context.Text("Champ", "Field"), CellFormat.Text, f => f.Name),
                new(context.Text("Valeur", "Value"), CellFormat.Text, f => f.Value, f => f.Format),
            ],
            fields);

        ReportColumn<ConsentEntry>[] ConsentColumns() =>
        [
            new(context.Text("Finalité", "Purpose"), CellFormat.Text, c => context.Of(c.Purpose)),
            new(context.Text("Statut", "Status"), CellFormat.Text, c => context.Of(c.Status)),
            new(context.Text("Enregistré le", "Recorded at"), CellFormat.DateTime, c => context.ToLocal(c.RecordedAtUtc)),
            new(context.Text("Source", "Source"), CellFormat.Text, c => c.Source),
            .. personal ? [new ReportColumn<ConsentEntry>(context.Text("Preuve", "Proof"), CellFormat.Text, c => c.ProofReference)] : Array.Empty<ReportColumn<ConsentEntry>>(),
        ];
        rows += writer.AddTable(context.Text("Consentements", "Consents"), Title("Consentements en vigueur", "Current consents"), ConsentColumns(), file.Consents);
        rows += writer.AddTable(context.Text("Historique des consentements", "Consent history"), Title("Historique des consentements", "Consent history"), ConsentColumns(), file.ConsentHistory);

        var lines = file.Orders
            .SelectMany(o => o.Lines.Count == 0 ? [new LineRow(o, null)] : o.Lines.Select(l => new LineRow(o, l)))
            .ToList();
        rows += writer.AddTable(context.Text("Commandes", "Orders"), Title("Commandes et lignes", "Orders and lines"),
            [
                new ReportColumn<LineRow>(context.Text("Commande", "Order"), CellFormat.Text, r => r.Order.SourceOrderId),
                new(context.Text("Source", "Source"), CellFormat.Text, r => r.Order.Source),
                new(context.Text("Date", "Date"), CellFormat.Date, r => r.Order.BusinessDate),
                new(context.Text("Canal", "Channel"), CellFormat.Text, r => context.Of(r.Order.Channel)),
                new(context.Text("Type", "Kind"), CellFormat.Text, r => context.Of(r.Order.Kind)),
                new(context.Text("Montant de la commande", "Order amount"), CellFormat.Money, r => r.Order.Amount),
                new(context.Text("Produit", "Product"), CellFormat.Text, r => r.Line?.ProductCode),
                new(context.Text("Description", "Description"), CellFormat.Text, r => r.Line?.Description),
                new(context.Text("Quantité", "Quantity"), CellFormat.Integer, r => r.Line?.Quantity),
                new(context.Text("Prix unitaire", "Unit price"), CellFormat.Money, r => r.Line?.UnitPrice),
                new(context.Text("Montant de la ligne", "Line amount"), CellFormat.Money, r => r.Line?.Amount),
            ],
            lines);

        rows += writer.AddTable(context.Text("Enquêtes", "Surveys"), Title("Réponses aux enquêtes", "Survey answers"),
            [
                new ReportColumn<CustomerFileSurveyAnswer>(context.Text("Réponse", "Response"), CellFormat.Text, a => a.SourceId),
                new(context.Text("Date", "Date"), CellFormat.DateTime, a => context.ToLocal(a.RespondedAtUtc)),
                new(context.Text("Type", "Kind"), CellFormat.Text, a => context.Of(a.Kind)),
                new(context.Text("Canal", "Channel"), CellFormat.Text, a => a.Channel is null ? null : context.Of(a.Channel)),
                new(context.Text("Recommandation (0–10)", "Recommend (0–10)"), CellFormat.Integer, a => a.RecommendScore),
                new(context.Text("Satisfaction (1–5)", "Satisfaction (1–5)"), CellFormat.Integer, a => a.SatisfactionScore),
                .. personal ? [new ReportColumn<CustomerFileSurveyAnswer>(context.Text("Commentaire", "Comment"), CellFormat.Text, a => a.Comment)] : Array.Empty<ReportColumn<CustomerFileSurveyAnswer>>(),
            ],
            file.SurveyAnswers);
        return rows;
    }
}

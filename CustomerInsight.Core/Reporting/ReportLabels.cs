using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Omoc;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Surveys;

namespace CustomerInsight.Core.Reporting;

/// <summary>French and English labels of the enums the reports show (Core has no resource files).</summary>
public static class ReportLabels
{
    public static string Of(this ReportContext context, Channel? channel) => channel switch
    {
        null => context.Text("Sans canal", "No channel"),
        Channel.Web => "Web",
        Channel.Store => context.Text("Magasin", "Store"),
        Channel.Phone => context.Text("Téléphone", "Phone"),
        Channel.Marketplace => "Marketplace",
        _ => context.Text("Autre", "Other"),
    };

    public static string Of(this ReportContext context, SurveyKind kind) => kind == SurveyKind.Transactional
        ? context.Text("Transactionnelle", "Transactional")
        : context.Text("Relationnelle", "Relational");

    public static string Of(this ReportContext context, OrderKind kind) => kind == OrderKind.Sale
        ? context.Text("Vente", "Sale")
        : context.Text("Annulation", "Cancellation");

    public static string Of(this ReportContext context, ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.EmailMarketing => context.Text("Prospection par e-mail", "E-mail marketing"),
        ConsentPurpose.SmsMarketing => context.Text("Prospection par SMS", "SMS marketing"),
        ConsentPurpose.PhoneMarketing => context.Text("Prospection par téléphone", "Phone marketing"),
        _ => context.Text("Personnalisation", "Personalisation"),
    };

    public static string Of(this ReportContext context, ConsentStatus status) => status == ConsentStatus.Granted
        ? context.Text("Accordé", "Granted")
        : context.Text("Retiré", "Withdrawn");

    public static string Of(this ReportContext context, RfmSegment segment) => segment.DisplayName(context.Culture);

    public static string Of(this ReportContext context, OmocAxis axis) => context.Text(OmocAxes.Describe(axis).Name);

    public static string Of(this ReportContext context, ImpactLevel? level) => level is { } l ? context.Text(ImpactCalculator.LevelName(l)) : "";

    public static string Of(this ReportContext context, AssessmentStatus status) => status == AssessmentStatus.Completed
        ? context.Text("Terminée", "Completed")
        : context.Text("Brouillon", "Draft");

    public static string Of(this ReportContext context, WorkshopPhase phase) => phase == WorkshopPhase.BeforeGoLive
        ? context.Text("Avant la mise en service", "Before go-live")
        : context.Text("Après la mise en service", "After go-live");

    /// <summary>The RFM segmentation version that placed the customers (every RFM figure names it, product.md page 11).</summary>
    public static ReportFilter RfmVersion(this ReportContext context, RfmGridSettings? settings) => new(
        context.Text("Segmentation", "Segmentation"),
        settings is null || settings.SavedAtUtc is null
            ? string.Format(context.Culture, context.Text("grille RFM, version {0} (configuration Rfm:*)", "RFM grid, version {0} (configuration Rfm:*)"), settings?.Version ?? 1)
            : string.Format(context.Culture, context.Text("grille RFM, version {0} du {1}", "RFM grid, version {0} of {1}"), settings.Version,
                context.Date(DateOnly.FromDateTime(settings.SavedAtUtc.Value))));

    /// <summary>A date as the culture writes it, for the title block.</summary>
    public static string Date(this ReportContext context, DateOnly date) => date.ToString("d", context.Culture);

    /// <summary>An inclusive range of days, e.g. "01/07/2011 – 30/09/2011".</summary>
    public static string Range(this ReportContext context, DateOnly first, DateOnly last) => $"{context.Date(first)} – {context.Date(last)}";
}

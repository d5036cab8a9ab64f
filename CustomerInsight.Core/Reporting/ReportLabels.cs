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
        null => context.Text("Report.NoChannel"),
        Channel.Web => "Web",
        Channel.Store => context.Text("Report.Store"),
        Channel.Phone => context.Text("Report.Phone"),
        Channel.Marketplace => "Marketplace",
        _ => context.Text("Report.Other"),
    };

    public static string Of(this ReportContext context, SurveyKind kind) => context.Named(kind);

    public static string Of(this ReportContext context, OrderKind kind) => context.Named(kind);

    public static string Of(this ReportContext context, ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.EmailMarketing => context.Text("Report.EMailMarketing"),
        ConsentPurpose.SmsMarketing => context.Text("Report.SMSMarketing"),
        ConsentPurpose.PhoneMarketing => context.Text("Report.PhoneMarketing"),
        _ => context.Text("Report.Personalisation"),
    };

    public static string Of(this ReportContext context, ConsentStatus status) => context.Named(status);

    public static string Of(this ReportContext context, RfmSegment segment) => context.Text(segment.Name());

    public static string Of(this ReportContext context, OmocAxis axis) => context.Text(OmocAxes.Describe(axis).Name);

    public static string Of(this ReportContext context, ImpactLevel? level) => level is { } l ? context.Text(ImpactCalculator.LevelName(l)) : "";

    public static string Of(this ReportContext context, AssessmentStatus status) => context.Named(status);

    public static string Of(this ReportContext context, WorkshopPhase phase) => context.Named(phase);

    /// <summary>
    /// The label of a value whose text is named after it: <c>Report.Transactional</c>, <c>Report.Sale</c>, <c>Report.Granted</c>,
    /// <c>Report.Completed</c>, <c>Report.BeforeGoLive</c>… (an unknown code fails loudly when the text is resolved).
    /// </summary>
    private static string Named<TEnum>(this ReportContext context, TEnum value) where TEnum : struct, Enum =>
        context.Text($"Report.{Enum.GetName(value)}");

    /// <summary>The RFM segmentation version that placed the customers (every RFM figure names it, product.md page 11).</summary>
    public static ReportFilter RfmVersion(this ReportContext context, RfmGridSettings? settings) => new(
        context.Text("Report.Segmentation"),
        settings is null || settings.SavedAtUtc is null
            ? context.Text("Report.RfmVersionConfiguration", settings?.Version ?? 1)
            : context.Text("Report.RfmVersionSaved", settings.Version, context.Date(DateOnly.FromDateTime(settings.SavedAtUtc.Value))));

    /// <summary>A date as the culture writes it, for the title block.</summary>
    public static string Date(this ReportContext context, DateOnly date) => date.ToString("d", context.Culture);

    /// <summary>An inclusive range of days, e.g. "01/07/2011 – 30/09/2011".</summary>
    public static string Range(this ReportContext context, DateOnly first, DateOnly last) => $"{context.Date(first)} – {context.Date(last)}";
}

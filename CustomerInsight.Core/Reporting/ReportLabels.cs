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

    public static string Of(this ReportContext context, SurveyKind kind) => kind == SurveyKind.Transactional
        ? context.Text("Report.Transactional")
        : context.Text("Report.Relational");

    public static string Of(this ReportContext context, OrderKind kind) => kind == OrderKind.Sale
        ? context.Text("Report.Sale")
        : context.Text("Report.Cancellation");

    public static string Of(this ReportContext context, ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.EmailMarketing => context.Text("Report.EMailMarketing"),
        ConsentPurpose.SmsMarketing => context.Text("Report.SMSMarketing"),
        ConsentPurpose.PhoneMarketing => context.Text("Report.PhoneMarketing"),
        _ => context.Text("Report.Personalisation"),
    };

    public static string Of(this ReportContext context, ConsentStatus status) => status == ConsentStatus.Granted
        ? context.Text("Report.Granted")
        : context.Text("Report.Withdrawn");

    public static string Of(this ReportContext context, RfmSegment segment) => context.Text(segment.Name());

    public static string Of(this ReportContext context, OmocAxis axis) => context.Text(OmocAxes.Describe(axis).Name);

    public static string Of(this ReportContext context, ImpactLevel? level) => level is { } l ? context.Text(ImpactCalculator.LevelName(l)) : "";

    public static string Of(this ReportContext context, AssessmentStatus status) => status == AssessmentStatus.Completed
        ? context.Text("Report.Completed")
        : context.Text("Report.Draft");

    public static string Of(this ReportContext context, WorkshopPhase phase) => phase == WorkshopPhase.BeforeGoLive
        ? context.Text("Report.BeforeGoLive")
        : context.Text("Report.AfterGoLive");

    /// <summary>A date as the culture writes it, for the title block.</summary>
    public static string Date(this ReportContext context, DateOnly date) => date.ToString("d", context.Culture);

    /// <summary>An inclusive range of days, e.g. "01/07/2011 – 30/09/2011".</summary>
    public static string Range(this ReportContext context, DateOnly first, DateOnly last) => $"{context.Date(first)} – {context.Date(last)}";
}

using System.Globalization;
using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Dashboard;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Omoc;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Surveys;
using Microsoft.Extensions.Options;

namespace CustomerInsight.Core.Reporting;

/// <summary>A written report: a file name to offer and the data rows written (what the audit records).</summary>
public sealed record ExportResult(string FileName, int RowCount)
{
    /// <summary>The RFM report's segment summary, as written in it (the command line prints it without scoring again).</summary>
    public RfmSummary? RfmSummary { get; init; }
}

/// <summary>
/// The four Excel reports: reads the figures with the feature query services, writes them with
/// <see cref="ExcelReportWriter"/> and records each export in the audit log (who, which report,
/// filters, rows, whether personal data was included). Callers check the policy first; personal data
/// is included only when <see cref="ReportRequester.IncludePersonalData"/> says so, which the web and
/// command-line layers allow for admins only.
/// </summary>
public sealed class ExcelExports(
    KpiQueries kpiQueries,
    SatisfactionQueries satisfactionQueries,
    RfmQueries rfmQueries,
    OmocQueries omocQueries,
    CustomerFileQueries customerFiles,
    AppSecrets secrets,
    AuditLog audit,
    ReportSettings settings,
    IOptions<RfmOptions> rfmOptions,
    TimeProvider clock,
    Surveys.Themes.ThemeQueries? themeQueries = null,
    Value.ClvQueries? clvQueries = null,
    Segments.SegmentationQueries? segmentationQueries = null)
{
    private readonly RfmGrid grid = rfmOptions.Value.ToGrid();

    public const string AuditAction = "export";

    /// <summary>Months of cohorts shown: those whose first purchase falls in the twelve months ending with the period's last month.</summary>
    public const int CohortMonths = 12;

    /// <summary>The executive KPI report of <paramref name="period"/> (and its previous period).</summary>
    public Task<ExportResult> ExportKpiAsync(Stream output, Period period, Channel? channel, ReportRequester requester,
        CancellationToken cancellationToken = default) =>
        ExportKpiAsync(output, period, channel, null, requester, cancellationToken);

    /// <summary>
    /// The executive KPI report of <paramref name="period"/>, restricted to the customers of <paramref name="segment"/>
    /// at the period's end when given (the dashboard's segment filter, see <see cref="KpiFilter.Segment"/>).
    /// </summary>
    public Task<ExportResult> ExportKpiAsync(Stream output, Period period, Channel? channel, RfmSegment? segment, ReportRequester requester,
        CancellationToken cancellationToken = default) =>
        ExportKpiAsync(output, period, ComparisonMode.Previous, channel, segment, requester, cancellationToken);

    /// <summary>The executive KPI report of <paramref name="period"/> against its comparison period of <paramref name="mode"/>.</summary>
    public Task<ExportResult> ExportKpiAsync(Stream output, Period period, ComparisonMode mode, Channel? channel, RfmSegment? segment,
        ReportRequester requester, CancellationToken cancellationToken = default) =>
        ExportKpiAsync(output, period, mode, channel, segment, null, requester, cancellationToken);

    /// <summary>
    /// The executive KPI report restricted to an RFM segment or to a custom segment (<paramref name="customSegment"/>, placed by its
    /// version in use at the period's end, as the dashboard's filter does; the sheets name the segmentation and version).
    /// </summary>
    /// <exception cref="ArgumentException">The custom segment does not exist (anymore).</exception>
    public async Task<ExportResult> ExportKpiAsync(Stream output, Period period, ComparisonMode mode, Channel? channel, RfmSegment? segment,
        Segments.SegmentRef? customSegment, ReportRequester requester, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(period);
        var data = await GetKpiDataAsync(period, mode, channel, segment, customSegment, cancellationToken);
        var context = ReportContext.Create(requester, settings, clock);
        int rows;
        using (var writer = NewWriter(context))
        {
            rows = KpiWorkbook.Write(writer, context, data);
            writer.Save(output);
        }
        var segmentFilter = customSegment is { } cs ? $"; segment={cs}; version={data.CustomSegment!.Version}"
            : segment is { } s ? $"; segment={s.Code()}; rfmVersion={data.Segment?.RfmSettings?.Version}"
            : "";
        var filters = $"from={Iso(period.Start)}; to={Iso(period.End)}; channel={channel?.ToString() ?? "all"}" + segmentFilter
            + (mode == ComparisonMode.LastYear ? "; compare=last-year" : "");
        await AuditAsync(requester, "kpi", filters, rows, cancellationToken);
        var channelPart = channel is { } c ? "-" + c.ToString().ToLowerInvariant() : "";
        var segmentPart = customSegment is { } cg ? "-" + cg.ToString().Replace('.', '-') : segment is { } g ? "-" + g.Code() : "";
        return new ExportResult($"kpi-{Iso(period.Start)}-{Iso(period.LastDay)}{channelPart}{segmentPart}.xlsx", rows);
    }

    /// <summary>The figures of the KPI report (also what tests compare with).</summary>
    public Task<KpiReportData> GetKpiDataAsync(Period period, Channel? channel, CancellationToken cancellationToken = default) =>
        GetKpiDataAsync(period, channel, null, cancellationToken);

    /// <summary>The figures of the KPI report, over the customers of <paramref name="segment"/> at the period's end when given.</summary>
    public Task<KpiReportData> GetKpiDataAsync(Period period, Channel? channel, RfmSegment? segment, CancellationToken cancellationToken = default) =>
        GetKpiDataAsync(period, ComparisonMode.Previous, channel, segment, cancellationToken);

    /// <summary>The figures of the KPI report against the comparison period of <paramref name="mode"/>.</summary>
    public Task<KpiReportData> GetKpiDataAsync(Period period, ComparisonMode mode, Channel? channel, RfmSegment? segment,
        CancellationToken cancellationToken = default) =>
        GetKpiDataAsync(period, mode, channel, segment, null, cancellationToken);

    /// <summary>The figures of the KPI report over an RFM segment's or a custom segment's customers at the period's end.</summary>
    /// <exception cref="ArgumentException">The custom segment does not exist (anymore).</exception>
    public async Task<KpiReportData> GetKpiDataAsync(Period period, ComparisonMode mode, Channel? channel, RfmSegment? segment,
        Segments.SegmentRef? customSegment,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        int[]? ids = null;
        RfmGridSettings? rfmSettings = null;
        Segments.SegmentMembers? members = null;
        if (customSegment is { } custom)
        {
            // The same members as the dashboard's filter: the version in use at the period's end.
            members = await (segmentationQueries ?? throw new InvalidOperationException("ExcelExports was built without the segmentation queries."))
                .GetMembersAsync(custom, period.End, cancellationToken: cancellationToken)
                ?? throw new ArgumentException($"Unknown segment {custom}.", nameof(customSegment));
            ids = members.CustomerIds;
            segment = null;
        }
        else if (segment is { } wanted)
        {
            // An export is a one-off: scored directly, without the pages' cache.
            var scores = await rfmQueries.ScoreAsync(period.End, cancellationToken);
            rfmSettings = scores.Settings;
            ids = [.. scores.Customers.Where(c => c.Segment == wanted).Select(c => c.CustomerId)];
        }
        var (sales, byChannel) = await kpiQueries.GetSalesKpisAndChannelsAsync(period, mode, channel, settings.LapsedAfterDays, ids,
            cancellationToken);
        var current = await satisfactionQueries.GetFactsAsync(new SatisfactionFilter(period, channel, CustomerIds: ids), cancellationToken);
        var previous = await satisfactionQueries.GetFactsAsync(new SatisfactionFilter(sales.PreviousPeriod, channel, CustomerIds: ids),
            cancellationToken);
        var trend = await kpiQueries.GetMonthlyTrendAsync(period, channel, ids, cancellationToken);
        var satisfactionTrend = await satisfactionQueries.GetByMonthAsync(new SatisfactionFilter(period, channel, CustomerIds: ids),
            cancellationToken);
        var lastMonth = BusinessCalendar.MonthKey(period.LastDay);
        var firstMonth = BusinessCalendar.MonthKey(BusinessCalendar.MonthStart(lastMonth).AddMonths(-(CohortMonths - 1)));
        var cohorts = await kpiQueries.GetCohortInputsAsync(firstMonth, lastMonth, ids, cancellationToken);
        var satisfactionByChannel = await satisfactionQueries.GetByChannelAsync(new SatisfactionFilter(period, channel, CustomerIds: ids),
            cancellationToken);
        var satisfactionByKind = await satisfactionQueries.GetByKindAsync(new SatisfactionFilter(period, channel, CustomerIds: ids),
            cancellationToken);
        return new KpiReportData(
            sales,
            SatisfactionCalculator.Calculate(current, settings.MinResponses),
            SatisfactionCalculator.Calculate(previous, settings.MinResponses),
            trend,
            satisfactionTrend,
            cohorts.ToMatrix(),
            byChannel,
            satisfactionByChannel,
            satisfactionByKind,
            settings.MinResponses,
            segment is { } g ? new SegmentScope(g, period.End, ids!.Length) { RfmSettings = rfmSettings } : null,
            themeQueries is null ? null : await themeQueries.GetOverviewAsync(new KpiFilter(period, channel, Segment: segment,
                CustomSegment: customSegment), settings.MinResponses, cancellationToken),
            members);
    }

    /// <summary>The RFM report at <paramref name="analysisDate"/> (default: metrics.md's, the day after the latest sale).</summary>
    public async Task<ExportResult> ExportRfmAsync(Stream output, DateOnly? analysisDate, ReportRequester requester,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(requester);
        var date = analysisDate
            ?? await rfmQueries.GetDefaultAnalysisDateAsync(cancellationToken)
            ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, settings.TimeZone));
        var secret = await secrets.GetOrCreateAsync(AppSecret.CustomerKey, cancellationToken);
        var rfmSettings = await rfmQueries.GetSettingsAsync(cancellationToken);
        var rows = await rfmQueries.GetCustomerRowsAsync(date, secret, withSourceIds: false, rfmSettings, cancellationToken);
        var summary = rfmQueries.Summarize(new RfmResult(date, rows.Select(r => r.Score).ToList()) { Settings = rfmSettings });
        var profiles = requester.IncludePersonalData
            ? await customerFiles.GetProfilesAsync(rows.Select(r => r.Score.CustomerId).ToList(), cancellationToken)
            : null;
        var context = ReportContext.Create(requester, settings, clock);
        int written;
        using (var writer = NewWriter(context))
        {
            written = RfmWorkbook.Write(writer, context, new RfmReportData(summary, rows, profiles));
            writer.Save(output);
        }
        await AuditAsync(requester, "rfm", $"date={Iso(date)}", written, cancellationToken);
        return new ExportResult($"rfm-{Iso(date)}.xlsx", written) { RfmSummary = summary };
    }

    /// <summary>
    /// The value and churn workbook at <paramref name="calibrationEnd"/> (parameters, value per RFM segment scored the day
    /// after, one pseudonymous row per customer); null (nothing written, nothing audited) when no customer bought by then.
    /// </summary>
    public async Task<ExportResult?> ExportClvAsync(Stream output, DateOnly calibrationEnd, int? horizonWeeks, ReportRequester requester,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(requester);
        var clv = clvQueries ?? throw new InvalidOperationException("ExcelExports was built without the value queries.");
        if (await clv.GetReportAsync(calibrationEnd, horizonWeeks, null, cancellationToken) is not { } report)
        {
            return null;
        }
        var scores = await rfmQueries.ScoreAsync(calibrationEnd.AddDays(1), cancellationToken);
        var keys = new RfmCustomerKeys(await secrets.GetOrCreateAsync(AppSecret.CustomerKey, cancellationToken));
        var rows = report.Model.Customers.Select(c => new ClvCustomerRow(keys.For(c.CustomerId), c)).ToList();
        var context = ReportContext.Create(requester, settings, clock);
        int written;
        using (var writer = NewWriter(context))
        {
            written = ClvWorkbook.Write(writer, context, new ClvReportData(report, Value.ClvSegments.ByRfm(report.Model, scores), rows,
                scores.Settings));
            writer.Save(output);
        }
        await AuditAsync(requester, "clv", $"calibrationEnd={Iso(calibrationEnd)}; horizonWeeks={report.Model.HorizonWeeks}", written,
            cancellationToken);
        return new ExportResult($"clv-{Iso(calibrationEnd)}.xlsx", written);
    }

    /// <summary>The OMOC report of one change project; null (nothing written, nothing audited) when the project does not exist.</summary>
    /// <summary>
    /// The OMOC report of a project; its sociodynamic map sheet only with <paramref name="includeSociodynamics"/>, which the
    /// caller sets after checking the requester's right to the map (change managers and admins).
    /// </summary>
    public async Task<ExportResult?> ExportOmocAsync(Stream output, int projectId, ReportRequester requester,
        CancellationToken cancellationToken = default) =>
        await ExportOmocAsync(output, projectId, requester, includeSociodynamics: false, cancellationToken);

    public async Task<ExportResult?> ExportOmocAsync(Stream output, int projectId, ReportRequester requester, bool includeSociodynamics,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(requester);
        var project = await omocQueries.GetProjectAsync(projectId, cancellationToken);
        if (project is null)
        {
            return null;
        }
        var workshops = new List<Omoc.WorkshopDetail>();
        foreach (var w in project.Workshops)
        {
            if (await omocQueries.GetWorkshopAsync(w.Workshop.Id, cancellationToken) is { } detail)
            {
                workshops.Add(detail);
            }
        }
        var trends = new List<Omoc.PopulationTrend>();
        foreach (var p in project.Populations)
        {
            if (await omocQueries.GetPopulationAsync(p.Id, cancellationToken) is { } detail)
            {
                trends.Add(detail.Trend);
            }
        }
        var context = ReportContext.Create(requester, settings, clock);
        var today = DateOnly.FromDateTime(context.ToLocal(clock.GetUtcNow().UtcDateTime));
        var work = await omocQueries.GetPlanWorkAsync(projectId, today, cancellationToken);
        var map = includeSociodynamics ? await omocQueries.GetSociodynamicMapAsync(projectId, cancellationToken) : null;
        var goLive = project.Project.GoLiveDate;
        var around = Period.Range(Omoc.GoLiveTrend.Before(goLive).Start, Omoc.GoLiveTrend.After(goLive).End);
        var goLiveSales = await kpiQueries.GetMonthlyTrendAsync(around, null, cancellationToken);
        var goLiveSatisfaction = await satisfactionQueries.GetByMonthAsync(new SatisfactionFilter(around), cancellationToken);
        var span = await kpiQueries.GetDataSpanAsync(cancellationToken);
        var goLiveTrend = Omoc.GoLiveTrend.Build(goLive, goLiveSales,
            goLiveSatisfaction.Select(m => (m.Month, SatisfactionCalculator.Calculate(m.Facts, settings.MinResponses))).ToList(), span.First,
                span.Last);
        int rows;
        using (var writer = NewWriter(context))
        {
            rows = OmocWorkbook.Write(writer, context, new OmocReportData(project, workshops, trends, work, map, goLiveTrend));
            writer.Save(output);
        }
        await AuditAsync(requester, $"omoc:{projectId}", $"project={projectId};sociodynamics={(map is null ? "no" : "yes")}", rows,
            cancellationToken);
        return new ExportResult($"omoc-{projectId}.xlsx", rows);
    }

    /// <summary>The access/portability file of one customer (internal id); null when the customer does not exist.</summary>
    public async Task<ExportResult?> ExportCustomerAsync(Stream output, int customerId, ReportRequester requester,
        CancellationToken cancellationToken = default) =>
        await ExportCustomerAsync(output, await customerFiles.GetAsync(customerId, cancellationToken), requester, cancellationToken);

    /// <summary>The access/portability file of one customer by source id (the command line's key); null when unknown.</summary>
    public async Task<ExportResult?> ExportCustomerBySourceIdAsync(Stream output, string sourceId, ReportRequester requester,
        CancellationToken cancellationToken = default) =>
        await ExportCustomerAsync(output, await customerFiles.GetBySourceIdAsync(sourceId, cancellationToken), requester, cancellationToken);

    private async Task<ExportResult?> ExportCustomerAsync(Stream output, CustomerFile? file, ReportRequester requester,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(requester);
        if (file is null)
        {
            return null;
        }
        var secret = await secrets.GetOrCreateAsync(AppSecret.CustomerKey, cancellationToken);
        var key = new RfmCustomerKeys(secret).For(file.Profile.Id);
        var context = ReportContext.Create(requester, settings, clock);
        int rows;
        using (var writer = NewWriter(context))
        {
            rows = CustomerFileWorkbook.Write(writer, context, file, key);
            writer.Save(output);
        }
        // The audit names the customer by internal id: never personal data in the log.
        await AuditAsync(requester, $"customer:{file.Profile.Id}", $"customer={file.Profile.Id}", rows, cancellationToken);
        return new ExportResult($"customer-{(requester.IncludePersonalData ? file.Profile.Id.ToString(CultureInfo.InvariantCulture) : key)}.xlsx",
            rows);
    }

    /// <summary>The audit log workbook (admins): the entries as the audit page words them, audited as an export itself.</summary>
    public async Task<ExportResult> ExportAuditLogAsync(Stream output, AuditLogReport report, ReportRequester requester,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var context = ReportContext.Create(requester, settings, clock);
        int rows;
        using (var writer = NewWriter(context))
        {
            rows = AuditLogWorkbook.Write(writer, context, report);
            writer.Save(output);
        }
        await AuditAsync(requester, AuditLogReportCode, report.AuditFilters, rows, cancellationToken);
        return new ExportResult(string.Create(CultureInfo.InvariantCulture, $"audit-{context.GeneratedAtLocal:yyyy-MM-dd}.xlsx"), rows);
    }

    /// <summary>The report code of the audit workbook in the audit log (its target).</summary>
    public const string AuditLogReportCode = "audit";

    /// <summary>Tables over this many rows are streamed (see <see cref="ExcelReportWriter.StreamRowsAbove"/>); tests set 0 to stream every
    /// table.</summary>
    internal int StreamRowsAbove { get; init; } = ExcelReportWriter.DefaultStreamRowsAbove;

    private ExcelReportWriter NewWriter(ReportContext context) => new(context) { StreamRowsAbove = StreamRowsAbove };

    private Task AuditAsync(ReportRequester requester, string report, string filters, int rows, CancellationToken cancellationToken) =>
        AuditFileAsync(requester, report, filters, "xlsx", rows, cancellationToken);

    /// <summary>
    /// Audits an export written outside the workbooks (the <c>rfm --out FILE.csv</c> file) like a workbook: who,
    /// which report, its filters, the format, whether it holds personal data, how many rows.
    /// </summary>
    public Task AuditFileAsync(ReportRequester requester, string report, string filters, string format, int rows,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requester);
        return audit.WriteAsync(requester.UserName, AuditAction, report, AuditDetails(report, filters, format, requester.IncludePersonalData), rows,
            cancellationToken);
    }

    /// <summary>The details of an export's audit entry (also the customer file's JSON, audited by the privacy pages).</summary>
    public static string AuditDetails(string report, string filters, string format, bool personalData) =>
        $"report={report}; {filters}; format={format}; personalData={(personalData ? "yes" : "no")}";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

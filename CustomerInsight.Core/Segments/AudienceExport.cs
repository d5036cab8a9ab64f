using System.Globalization;
using System.Text;
using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Reporting;
using CustomerInsight.Core.Rfm;

namespace CustomerInsight.Core.Segments;

public enum AudienceFormat
{
    Csv = 0,
    Xlsx = 1,
}

/// <summary>A written audience: the file name, the customers written and the segment version they came from.</summary>
public sealed record AudienceResult(string FileName, int Rows, SegmentMembers Members, DateTime ConsentAtUtc);

/// <summary>
/// The audience of a custom segment (product.md page 11): its customers at the default analysis date whose consent for
/// the purpose is granted today (the latest record at the moment of the export is a grant; erased customers never are),
/// as CSV or Excel, with pseudonymous keys, or identities when the requester includes personal data (the caller allows
/// that for an admin who asked). Every file is audited with the segment, its version, the purpose and the row count.
/// </summary>
public sealed class AudienceExport(
    SegmentationQueries segmentations,
    ConsentQueries consents,
    CustomerFileQueries customerFiles,
    AppSecrets secrets,
    AuditLog audit,
    ReportSettings settings,
    TimeProvider clock)
{
    public const string AuditAction = "segments.audience";

    /// <summary>Writes the audience; null (nothing written, nothing audited) when the segment does not exist.</summary>
    public async Task<AudienceResult?> WriteAsync(Stream output, SegmentRef segment, ConsentPurpose purpose, AudienceFormat format,
        ReportRequester requester, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(requester);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var date = await segmentations.GetDefaultAnalysisDateAsync(cancellationToken)
            ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, settings.TimeZone));
        if (await segmentations.GetMembersAsync(segment, date, cancellationToken: cancellationToken) is not { } members)
        {
            return null;
        }
        var granted = await consents.GetGrantedCustomerIdsFromDatabaseAsync(purpose, nowUtc, cancellationToken);
        var ids = members.CustomerIds.Where(granted.Contains).ToArray();
        var keys = new RfmCustomerKeys(await secrets.GetOrCreateAsync(AppSecret.CustomerKey, cancellationToken));
        var profiles = requester.IncludePersonalData ? await customerFiles.GetProfilesAsync(ids, cancellationToken) : null;
        var rows = ids.Select(id => new AudienceRow(keys.For(id), profiles?.GetValueOrDefault(id))).ToList();

        if (format == AudienceFormat.Xlsx)
        {
            WriteWorkbook(output, members, purpose, nowUtc, rows, requester);
        }
        else
        {
            await WriteCsvAsync(output, rows, requester.IncludePersonalData, cancellationToken);
        }
        var extension = format == AudienceFormat.Xlsx ? "xlsx" : "csv";
        var details = string.Create(CultureInfo.InvariantCulture,
            $"segment={members.Ref}; version={members.Version}; purpose={purpose}; date={date:yyyy-MM-dd}; format={extension}; "
            + $"personalData={(requester.IncludePersonalData ? "yes" : "no")}");
        await audit.WriteAsync(requester.UserName, AuditAction, $"segment:{members.Ref}:v{members.Version}", details, rows.Count, cancellationToken);
        var day = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, settings.TimeZone);
        var fileName = string.Create(CultureInfo.InvariantCulture,
            $"audience-{members.Ref.SegmentationKey}-v{members.Version}-{members.Ref.SegmentKey}-"
            + $"{purpose.ToString().ToLowerInvariant()}-{day:yyyy-MM-dd}.{extension}");
        return new AudienceResult(fileName, rows.Count, members, nowUtc);
    }

    private sealed record AudienceRow(string CustomerKey, CustomerFileProfile? Profile);

    private void WriteWorkbook(Stream output, SegmentMembers members, ConsentPurpose purpose, DateTime nowUtc, IReadOnlyList<AudienceRow> rows,
        ReportRequester requester)
    {
        var context = ReportContext.Create(requester, settings, clock);
        var filters = new List<ReportFilter>
        {
            new(context.Text("Report.Segmentation"), $"{members.SegmentationName} (v{members.Version.ToString(context.Culture)})"),
            new(context.Text("Report.Segment"), members.SegmentName),
            new(context.Text("Report.ConsentGrantedToday"),
                $"{context.Of(purpose)} ({context.ToLocal(nowUtc).ToString("g", context.Culture)})"),
        };
        if (requester.IncludePersonalData)
        {
            filters.Add(new ReportFilter(context.Text("Report.PersonalData"), context.Text("Report.IncludedAdministrator")));
        }
        var columns = new List<ReportColumn<AudienceRow>> { new(context.Text("Report.CustomerKey"), CellFormat.Text, r => r.CustomerKey) };
        if (requester.IncludePersonalData)
        {
            columns.AddRange(RfmWorkbook.PersonalColumns<AudienceRow>(context, r => r.Profile));
        }
        var period = $"{context.Text("Report.AnalysisDate")} {context.Date(members.AnalysisDate)}";
        using var writer = new ExcelReportWriter(context);
        writer.AddTable(context.Text("Report.Audience"), new ReportTitle(context.Text("Report.SegmentAudience"), period, filters), columns, rows);
        writer.Save(output);
    }

    private static async Task WriteCsvAsync(Stream output, IReadOnlyList<AudienceRow> rows, bool identities, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await writer.WriteLineAsync(identities ? "customer_key,source_id,first_name,last_name,email,phone,postal_code,city,country" : "customer_key");
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var p = row.Profile;
            var line = identities
                ? string.Join(',', new[] { row.CustomerKey, p?.SourceId, p?.FirstName, p?.LastName, p?.Email, p?.Phone, p?.PostalCode, p?.City,
                    p?.Country }.Select(Csv))
                : row.CustomerKey;
            await writer.WriteLineAsync(line);
        }
    }

    /// <summary>Quotes a field holding a separator or quote; a leading formula character is neutralised for spreadsheets.</summary>
    private static string Csv(string? value)
    {
        var text = value ?? "";
        text = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}

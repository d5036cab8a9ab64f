using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerInsight.Core.Privacy;

/// <summary>
/// The access/portability file of one customer as JSON (GDPR art. 15 and 20), UTF-8, indented, camelCase:
/// <code>
/// {
///   "format": "customerinsight.customer-file", "version": 1, "exportedAtUtc": "2026-11-24T12:00:00Z",
///   "profile": { "id": 42, "sourceId": "17850", "firstName": "…", "lastName": "…", "email": "…", "phone": "…",
///                "postalCode": "…", "city": "…", "country": "United Kingdom",
///                "createdAtUtc": "…", "erasedAtUtc": null },
///   "consents":       [ { "purpose": "EmailMarketing", "status": "Granted", "recordedAtUtc": "…", "source": "web-form",
///                         "proofReference": "F-1" } ],
///   "consentHistory": [ …same shape, every entry oldest first… ],
///   "orders": [ { "id": 1, "source": "online-retail", "sourceOrderId": "536365", "orderedAtUtc": "…", "businessDate": "2010-12-01",
///                 "channel": "Web", "kind": "Sale", "amount": 139.12,
///                 "lines": [ { "productCode": "85123A", "description": "…", "quantity": 6, "unitPrice": 2.55, "amount": 15.30 } ] } ],
///   "surveyAnswers": [ { "id": 7, "sourceId": "R-1", "respondedAtUtc": "…", "businessDate": "…", "kind": "Transactional",
///                        "channel": "Store", "orderId": 1, "recommendScore": 9, "satisfactionScore": 5, "comment": "…" } ]
/// }
/// </code>
/// Instants are UTC (ISO 8601), business dates <c>yyyy-MM-dd</c>, amounts in currency units (numbers), enums as
/// their names; <c>consents</c> is the latest entry per purpose, <c>consentHistory</c> the append-only history.
/// </summary>
public static class CustomerFileJson
{
    public const string Format = "customerinsight.customer-file";
    public const int Version = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(), new UtcDateTimeConverter() },
    };

    public static async Task WriteAsync(CustomerFile file, DateTime exportedAtUtc, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(output);
        var document = new Document(Format, Version, DateTime.SpecifyKind(exportedAtUtc, DateTimeKind.Utc), file.Profile, file.Consents,
            file.ConsentHistory, file.Orders, file.SurveyAnswers);
        await JsonSerializer.SerializeAsync(output, document, Options, cancellationToken);
    }

    public static byte[] ToBytes(CustomerFile file, DateTime exportedAtUtc)
    {
        using var stream = new MemoryStream();
        WriteAsync(file, exportedAtUtc, stream).GetAwaiter().GetResult();
        return stream.ToArray();
    }

    /// <summary>The file name offered for a download or suggested by the CLI: internal id only, no personal data.</summary>
    public static string FileName(CustomerFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return $"customer-{file.Profile.Id}.json";
    }

    private sealed record Document(
        string Format,
        int Version,
        DateTime ExportedAtUtc,
        CustomerFileProfile Profile,
        IReadOnlyList<ConsentEntry> Consents,
        IReadOnlyList<ConsentEntry> ConsentHistory,
        IReadOnlyList<CustomerFileOrder> Orders,
        IReadOnlyList<CustomerFileSurveyAnswer> SurveyAnswers);

    /// <summary>Dates read back from SQLite are Unspecified but UTC: always written with a Z.</summary>
    private sealed class UtcDateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTime().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc));
    }
}
